import { Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAlarmText } from '../alarms/use-alarm-text';
import { useFormat } from '../i18n/format';
import { severityColor } from '../shared/state-badge';
import { elapsed } from './elapsed';
import type { WallTile as Tile } from './wall-tiles';

/** One place in trouble, large enough to read from across the NOC. */
export function WallTile({ tile, now }: { tile: Tile; now: number }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const alarmText = useAlarmText();
  const color = `var(--mantine-color-${severityColor[tile.severity]}-6)`;
  return (
    <Paper
      p="lg"
      radius="md"
      withBorder
      style={{ borderLeft: `14px solid ${color}`, opacity: tile.acknowledged ? 0.7 : 1 }}
      data-testid="wall-tile"
      data-key={tile.key}
    >
      <Stack gap={6}>
        <Group justify="space-between" align="baseline" wrap="nowrap">
          <Text fz={34} fw={800} lh={1.1} lineClamp={1}>
            {tile.title ?? alarmText(tile.headline)}
          </Text>
          <Text fz={30} fw={700} c={color} style={{ whiteSpace: 'nowrap' }} data-testid="wall-tile-since">
            {elapsed(i18n.language, now - tile.since)}
          </Text>
        </Group>
        {tile.place && (
          <Text fz={22} c="dimmed" lineClamp={1}>
            {tile.place}
          </Text>
        )}
        {tile.title && (
          <Text fz={22} lineClamp={2}>
            {alarmText(tile.headline)}
          </Text>
        )}
        <Group gap="lg">
          {tile.subscribers > 0 && (
            <Text fz={24} fw={700}>
              {t('wall.subscribers', { count: tile.subscribers, formatted: format.number(tile.subscribers) })}
            </Text>
          )}
          {tile.affected > 1 && (
            <Text fz={24}>
              {t('wall.affected', { count: tile.affected, formatted: format.number(tile.affected) })}
            </Text>
          )}
          {tile.others > 0 && (
            <Text fz={22} c="dimmed">
              {t('wall.others', { count: tile.others })}
            </Text>
          )}
          {tile.acknowledged && (
            <Text fz={22} c="dimmed">
              {t('wall.acknowledged', { who: tile.headline.acknowledgedBy ?? '—' })}
            </Text>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
