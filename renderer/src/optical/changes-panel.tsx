import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { getClient } from '../client';
import { useFormat } from '../i18n/format';
import { usePolled } from './use-optical';

const color = { new: 'green', removed: 'red', changed: 'blue' } as const;

/** Cards that appeared, went away or changed (firmware, serial…) between inventory readings. */
export function ChangesPanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const [events] = usePolled(() => getClient().invoke('optical.cardEvents', { limit: 200 }), 60_000);
  if (events !== null && events.length === 0) return <Text c="dimmed">{t('optical.changes.none')}</Text>;
  return (
    <Table striped data-testid="optical-changes">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('optical.changes.at')}</Table.Th>
          <Table.Th>{t('optical.changes.change')}</Table.Th>
          <Table.Th>{t('optical.site.site')}</Table.Th>
          <Table.Th>{t('optical.card.uid')}</Table.Th>
          <Table.Th>{t('optical.changes.fields')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {(events ?? []).map((event, index) => (
          <Table.Tr key={index}>
            <Table.Td>{format.dateTime(event.at)}</Table.Td>
            <Table.Td>
              <Badge color={color[event.change]} variant="light">
                {t(`optical.changes.kinds.${event.change}`)}
              </Badge>
            </Table.Td>
            <Table.Td>{event.site}</Table.Td>
            <Table.Td>{event.cardUid}</Table.Td>
            <Table.Td>
              {Object.entries(event.fields)
                .map(([field, [before, after]]) => `${field}: ${before} → ${after}`)
                .join('; ')}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
