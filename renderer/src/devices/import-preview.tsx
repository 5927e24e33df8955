import { Box, Group, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlannedRow } from '../../../shared/domain/import/plan';
import { reasonText } from '../i18n/validation';

const ROW_HEIGHT = 30;

/** Every previewed row with its reasons in the operator's language; only the visible rows are in the page. */
export function ImportPreview({ rows }: { rows: PlannedRow[] }) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  return (
    <Box>
      <Group gap={0} wrap="nowrap" fw={600} fz="sm" px="xs">
        <Text w={60} size="sm" fw={600}>
          {t('import.line')}
        </Text>
        <Text w={200} size="sm" fw={600}>
          {t('devices.name')}
        </Text>
        <Text w={140} size="sm" fw={600}>
          {t('devices.host')}
        </Text>
        <Text size="sm" fw={600}>
          {t('import.result')}
        </Text>
      </Group>
      <Box ref={scroller} h={300} style={{ overflow: 'auto' }} data-testid="import-preview">
        <Box h={virtual.getTotalSize()} pos="relative">
          {virtual.getVirtualItems().map((item) => {
            const row = rows[item.index]!;
            const problems = row.reasons.map(reasonText);
            const warnings = row.warnings.map(reasonText);
            return (
              <Group
                key={item.key}
                gap={0}
                wrap="nowrap"
                px="xs"
                pos="absolute"
                top={item.start}
                left={0}
                right={0}
                mih={ROW_HEIGHT}
                data-testid="import-row"
                data-line={row.line}
                data-valid={problems.length === 0}
              >
                <Text w={60} size="sm">
                  {row.line}
                </Text>
                <Text w={200} size="sm" truncate>
                  {row.cells.name}
                </Text>
                <Text w={140} size="sm" truncate>
                  {row.cells.host}
                </Text>
                <Text
                  size="sm"
                  c={problems.length ? 'red' : warnings.length ? 'orange' : 'green'}
                  style={{ flex: 1 }}
                  truncate
                  title={[...problems, ...warnings].join('; ')}
                  data-testid="import-reasons"
                >
                  {[...problems, ...warnings].join('; ') || t('import.ready')}
                </Text>
              </Group>
            );
          })}
        </Box>
      </Box>
    </Box>
  );
}
