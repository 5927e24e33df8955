import { Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeviceState } from '../../../shared/contract/entities';
import { deviceStates } from '../../../shared/contract/vocabulary';
import type { LinkState } from './map-view';

export const markerColor: Record<DeviceState, string> = {
  up: '#2f9e44',
  degraded: '#f08c00',
  down: '#e03131',
  unreachable: '#e8590c',
  flapping: '#9c36b5',
  maintenance: '#1c7ed6',
  unknown: '#868e96',
};

/** A down link is dashed red, so it reads as broken even to an operator who does not see red. */
export const linkStyle: Record<LinkState, { color: string; dashArray?: string; weight: number }> = {
  up: { color: '#2f9e44', weight: 2 },
  degraded: { color: '#f08c00', weight: 3 },
  down: { color: '#e03131', dashArray: '8 6', weight: 3 },
  unknown: { color: '#868e96', dashArray: '2 6', weight: 2 },
};

const linkStates: LinkState[] = ['up', 'degraded', 'down', 'unknown'];

export function MapLegend({ unplaced }: { unplaced: number }) {
  const { t } = useTranslation();
  return (
    <Paper
      withBorder
      shadow="xs"
      p="xs"
      data-testid="map-legend"
      style={{ position: 'absolute', left: 10, bottom: 24, zIndex: 1000, maxWidth: 260 }}
    >
      <Stack gap={4}>
        <Text size="xs" fw={700}>
          {t('map.legendTowers')}
        </Text>
        {deviceStates.map((state) => (
          <Group key={state} gap={6} wrap="nowrap">
            <svg width="12" height="12" aria-hidden>
              <circle cx="6" cy="6" r="5" fill={markerColor[state]} />
            </svg>
            <Text size="xs">{t(`state.${state}`)}</Text>
          </Group>
        ))}
        <Text size="xs" fw={700} mt={4}>
          {t('map.legendLinks')}
        </Text>
        {linkStates.map((state) => (
          <Group key={state} gap={6} wrap="nowrap" data-link-state={state}>
            <svg width="24" height="8" aria-hidden>
              <line
                x1="0"
                y1="4"
                x2="24"
                y2="4"
                stroke={linkStyle[state].color}
                strokeWidth={linkStyle[state].weight}
                strokeDasharray={linkStyle[state].dashArray}
              />
            </svg>
            <Text size="xs">{t(`map.link.${state}`)}</Text>
          </Group>
        ))}
        {unplaced > 0 && (
          <Text size="xs" c="dimmed" mt={4} data-testid="map-unplaced">
            {t('map.unplaced', { count: unplaced })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
