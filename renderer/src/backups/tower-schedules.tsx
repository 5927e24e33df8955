import { ScrollArea, Table, Text, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLive } from '../live/use-live';

interface Props {
  /** Tower id → cron expression; a tower left out follows the default schedule. */
  value: Readonly<Record<string, string>>;
  defaultSchedule: string;
  onChange(next: Record<string, string>): void;
}

/**
 * A schedule per tower, for the devices that have none of their own: a tower whose backhaul is
 * busy at 3 a.m. gets its own hour without editing each device. Empty means "the default".
 */
export function TowerSchedules({ value, defaultSchedule, onChange }: Props) {
  const { t } = useTranslation();
  const { store, version } = useLive();
  const towers = useMemo(
    () => [...store.towers.values()].sort((a, b) => a.name.localeCompare(b.name)),
    // version is the live store's change counter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [store, version],
  );
  const set = (towerId: number, expression: string) => {
    const next = { ...value };
    if (expression.trim() === '') delete next[String(towerId)];
    else next[String(towerId)] = expression;
    onChange(next);
  };
  if (towers.length === 0) return null;
  return (
    <div>
      <Text size="sm" fw={500}>
        {t('backups.settings.towerSchedules')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('backups.settings.towerSchedulesHint')}
      </Text>
      <ScrollArea.Autosize mah={240}>
        <Table data-testid="backup-tower-schedules">
          <Table.Tbody>
            {towers.map((tower) => (
              <Table.Tr key={tower.id}>
                <Table.Td>
                  {tower.code} · {tower.name}
                </Table.Td>
                <Table.Td>
                  <TextInput
                    size="xs"
                    aria-label={t('backups.settings.towerScheduleOf', { tower: tower.name })}
                    placeholder={defaultSchedule}
                    value={value[String(tower.id)] ?? ''}
                    onChange={(e) => set(tower.id, e.currentTarget.value)}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </div>
  );
}
