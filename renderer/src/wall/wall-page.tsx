import { Badge, Box, Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { onConnectionChange } from '../client';
import { navigate } from '../app/router';
import { useFormat } from '../i18n/format';
import { useLive } from '../live/use-live';
import { useAutoScroll } from './use-auto-scroll';
import { WallTile } from './wall-tile';
import { wallTiles } from './wall-tiles';

/** More tiles than a TV can hold even scrolling: the rest is counted, not drawn. */
const MAX_TILES = 60;

function useClock(): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

/**
 * The NOC's TV: every tower and device in trouble as a large tile, the ones that cut off the most
 * subscribers first, how long each has lasted, and the totals at the top — readable across the
 * room, scrolling by itself, and back on its own after a restart or a lost connection.
 */
export function WallPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { store, version } = useLive();
  const now = useClock();
  const [connected, setConnected] = useState(true);
  useEffect(() => onConnectionChange(setConnected), []);
  const box = useRef<HTMLDivElement>(null);
  useAutoScroll(box);

  const { tiles, active, down, answering } = useMemo(() => {
    let activeCount = 0;
    for (const alarm of store.alarms.values()) if (alarm.state === 'active') activeCount++;
    let downCount = 0;
    let answeringCount = 0;
    for (const status of store.statuses.values()) {
      if (status.state === 'down' || status.state === 'unreachable') downCount++;
      else if (status.state === 'up' || status.state === 'degraded') answeringCount++;
    }
    return {
      tiles: wallTiles(store.alarms.values(), store.devices, store.towers),
      active: activeCount,
      down: downCount,
      answering: answeringCount,
    };
    // version is the live store's change counter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, version]);

  const clock = format.time(now);
  return (
    <Stack h="100vh" gap={0} p="lg" data-testid="wall">
      <Group justify="space-between" pb="md" wrap="nowrap">
        <Group gap="xl" wrap="nowrap">
          <Title order={1} fz={40}>
            {t('wall.title')}
          </Title>
          <Text fz={40} fw={700} ff="monospace" data-testid="wall-clock">
            {clock}
          </Text>
          {!connected && (
            <Badge size="xl" color="red" variant="filled" data-testid="wall-disconnected">
              {t('wall.disconnected')}
            </Badge>
          )}
        </Group>
        <Group gap="xl" wrap="nowrap">
          <Stat
            label={t('wall.activeAlarms')}
            value={format.number(active)}
            alarm={active > 0}
            testId="wall-active"
          />
          <Stat
            label={t('wall.devicesDown')}
            value={format.number(down)}
            alarm={down > 0}
            testId="wall-down"
          />
          <Group gap="xs">
            <Button variant="subtle" onClick={() => void document.documentElement.requestFullscreen?.()}>
              {t('wall.fullscreen')}
            </Button>
            <Button variant="subtle" onClick={() => navigate('dashboard')} data-testid="wall-exit">
              {t('wall.exit')}
            </Button>
          </Group>
        </Group>
      </Group>
      <Box ref={box} style={{ flex: 1, overflow: 'hidden' }}>
        {tiles.length === 0 ? (
          <Stack align="center" justify="center" h="100%" gap="xs" data-testid="wall-all-clear">
            <Text fz={72} fw={800} c="green">
              {t('wall.allClear')}
            </Text>
            <Text fz={32} c="dimmed">
              {t('wall.answering', { count: answering, formatted: format.number(answering) })}
            </Text>
          </Stack>
        ) : (
          <Stack gap="md">
            <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
              {tiles.slice(0, MAX_TILES).map((tile) => (
                <WallTile key={tile.key} tile={tile} now={now} />
              ))}
            </SimpleGrid>
            {tiles.length > MAX_TILES && (
              <Text fz={28} c="dimmed" ta="center" data-testid="wall-more">
                {t('wall.more', {
                  count: tiles.length - MAX_TILES,
                  formatted: format.number(tiles.length - MAX_TILES),
                })}
              </Text>
            )}
          </Stack>
        )}
      </Box>
    </Stack>
  );
}

function Stat({
  label,
  value,
  alarm,
  testId,
}: {
  label: string;
  value: string;
  alarm: boolean;
  testId: string;
}) {
  return (
    <Stack gap={0} align="flex-end">
      <Text fz={48} fw={800} lh={1} c={alarm ? 'red' : 'green'} data-testid={testId}>
        {value}
      </Text>
      <Text fz={20} c="dimmed">
        {label}
      </Text>
    </Stack>
  );
}
