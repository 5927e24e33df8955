import {
  Alert,
  Button,
  FileButton,
  Group,
  Modal,
  ScrollArea,
  Stack,
  Table,
  Text,
  Textarea,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceInput } from '../../../shared/contract/entities';
import { getClient } from '../client';
import { useLive } from '../live/use-live';
import { notifyError, notifyOk } from '../shared/notify';
import { parseDeviceCsv } from './csv-import';

/** CSV import: a preview with per-row errors; nothing is written until the valid rows are confirmed. */
export function ImportModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { store } = useLive();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const rows = useMemo(
    () => (text.trim() ? parseDeviceCsv(text, [...store.towers.values()], [...store.devices.values()]) : []),
    [text, store],
  );
  const valid = rows.filter((row) => row.input !== null);

  const confirm = async () => {
    setBusy(true);
    try {
      const { created } = await getClient().invoke('devices.importMany', {
        rows: valid.map((row) => row.input as DeviceInput),
      });
      notifyOk(t('devices.imported', { count: created }));
      onClose();
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={t('devices.importTitle')} size="xl">
      <Stack>
        <Text size="sm" c="dimmed">
          {t('devices.importHelp')}
        </Text>
        <Group>
          <FileButton accept=".csv,text/csv" onChange={(file) => void file?.text().then(setText)}>
            {(props) => (
              <Button variant="light" {...props}>
                {t('devices.import')}
              </Button>
            )}
          </FileButton>
        </Group>
        <Textarea
          minRows={4}
          autosize
          maxRows={8}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          data-testid="import-text"
          placeholder="name,host,kind,tower"
        />
        {rows.length > 0 && (
          <>
            <Alert color={valid.length === rows.length ? 'green' : 'yellow'} data-testid="import-summary">
              {t('devices.importValid', { valid: valid.length, invalid: rows.length - valid.length })}
            </Alert>
            <ScrollArea h={260}>
              <Table striped data-testid="import-preview">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('devices.row')}</Table.Th>
                    <Table.Th>{t('devices.name')}</Table.Th>
                    <Table.Th>{t('devices.host')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((row) => (
                    <Table.Tr key={row.line} data-valid={row.input !== null}>
                      <Table.Td>{row.line}</Table.Td>
                      <Table.Td>{row.raw.name}</Table.Td>
                      <Table.Td>{row.raw.host}</Table.Td>
                      <Table.Td c={row.errors.length ? 'red' : 'green'}>
                        {row.errors.length ? row.errors.join('; ') : '✓'}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea>
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('devices.cancel')}
          </Button>
          <Button
            disabled={valid.length === 0}
            loading={busy}
            onClick={() => void confirm()}
            data-testid="import-confirm"
          >
            {t('devices.importConfirm', { count: valid.length })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
