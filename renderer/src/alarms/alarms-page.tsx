import {
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
} from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Alarm, AlarmState } from '../../../shared/contract/entities';
import { severities } from '../../../shared/contract/vocabulary';
import { getClient } from '../client';
import { navigate } from '../app/router';
import { useFormat } from '../i18n/format';
import { sortAlarms } from '../live/derive';
import { useLive } from '../live/use-live';
import { notifyError, notifyOk } from '../shared/notify';
import { operatorName } from '../shared/operator';
import { SeverityBadge } from '../shared/state-badge';
import { useAlarmText } from './use-alarm-text';

/** Active, acknowledged and past alarms; acknowledge one or many with a note. */
export function AlarmsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const alarmText = useAlarmText();
  const { store, version } = useLive();
  const [tab, setTab] = useState<AlarmState>('active');
  const [history, setHistory] = useState<Alarm[]>([]);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [severity, setSeverity] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [acking, setAcking] = useState<number[] | null>(null);
  const [note, setNote] = useState('');

  useEffect(() => {
    if (tab !== 'cleared') return;
    void getClient()
      .invoke('alarms.list', { states: ['cleared'], limit: 1000 })
      .then(setHistory, notifyError);
  }, [tab]);

  const alarms = useMemo(() => {
    const source =
      tab === 'cleared' ? history : [...store.alarms.values()].filter((alarm) => alarm.state === tab);
    const needle = text.trim().toLowerCase();
    return sortAlarms(
      source.filter(
        (alarm) =>
          (!severity || alarm.severity === severity) &&
          (!needle || alarmText(alarm).toLowerCase().includes(needle)),
      ),
    );
    // version is the live store's change counter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, version, tab, history, severity, text, alarmText]);

  const acknowledge = async () => {
    if (!acking) return;
    try {
      const done = await getClient().invoke('alarms.acknowledge', { ids: acking, by: operatorName(), note });
      notifyOk(t('alarms.acked', { count: done.length }));
      setSelected(new Set());
      setAcking(null);
      setNote('');
    } catch (error) {
      notifyError(error);
    }
  };

  const toggle = (id: number) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <Stack>
      <Tabs value={tab} onChange={(value) => value && setTab(value as AlarmState)}>
        <Tabs.List>
          <Tabs.Tab value="active">{t('alarms.active')}</Tabs.Tab>
          <Tabs.Tab value="acknowledged">{t('alarms.acknowledged')}</Tabs.Tab>
          <Tabs.Tab value="cleared">{t('alarms.history')}</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      <Group>
        <TextInput
          placeholder={t('alarms.filter')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          style={{ flex: 1 }}
        />
        <Select
          placeholder={t('alarms.severity')}
          data={severities.map((value) => ({ value, label: t(`severity.${value}`) }))}
          value={severity}
          onChange={setSeverity}
          clearable
          w={180}
        />
        {tab === 'active' && (
          <Button
            disabled={selected.size === 0}
            onClick={() => setAcking([...selected])}
            data-testid="ack-selected"
          >
            {t('alarms.ackSelected', { count: selected.size })}
          </Button>
        )}
      </Group>
      {alarms.length === 0 ? (
        <Text c="dimmed">{t('alarms.none')}</Text>
      ) : (
        <Table striped highlightOnHover data-testid="alarms-table">
          <Table.Thead>
            <Table.Tr>
              {tab === 'active' && <Table.Th />}
              <Table.Th>{t('alarms.severity')}</Table.Th>
              <Table.Th>{t('alarms.message')}</Table.Th>
              <Table.Th>{t('alarms.affected')}</Table.Th>
              <Table.Th>{t('alarms.source')}</Table.Th>
              <Table.Th>{t('alarms.raisedAt')}</Table.Th>
              {tab !== 'active' && <Table.Th>{t('alarms.by')}</Table.Th>}
              {tab === 'active' && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {alarms.slice(0, 500).map((alarm) => (
              <Table.Tr key={alarm.id} data-testid="alarm-row">
                {tab === 'active' && (
                  <Table.Td>
                    <Checkbox
                      checked={selected.has(alarm.id)}
                      onChange={() => toggle(alarm.id)}
                      aria-label={alarmText(alarm)}
                    />
                  </Table.Td>
                )}
                <Table.Td style={{ whiteSpace: 'nowrap', width: 1 }}>
                  <SeverityBadge severity={alarm.severity} />
                </Table.Td>
                <Table.Td
                  style={{ cursor: alarm.deviceId ? 'pointer' : 'default' }}
                  onClick={() => alarm.deviceId && navigate(`devices/${alarm.deviceId}`)}
                >
                  {alarmText(alarm)}
                  {alarm.note ? (
                    <Text size="xs" c="dimmed">
                      {alarm.note}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  {alarm.affected > 1 ? <Badge variant="outline">{alarm.affected}</Badge> : alarm.affected}
                </Table.Td>
                <Table.Td>{alarm.source}</Table.Td>
                <Table.Td>{format.dateTime(alarm.raisedAt)}</Table.Td>
                {tab !== 'active' && <Table.Td>{alarm.acknowledgedBy ?? '—'}</Table.Td>}
                {tab === 'active' && (
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => setAcking([alarm.id])}
                      data-testid="ack-one"
                    >
                      {t('alarms.ack')}
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={acking !== null} onClose={() => setAcking(null)} title={t('alarms.ack')}>
        <Stack>
          <TextInput
            label={t('alarms.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            data-testid="ack-note"
          />
          <Group justify="flex-end">
            <Button onClick={() => void acknowledge()} data-testid="ack-confirm">
              {t('alarms.ack')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
