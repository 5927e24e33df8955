import {
  Box,
  Button,
  Checkbox,
  Group,
  Modal,
  Select,
  Stack,
  Switch,
  Tabs,
  Text,
  TextInput,
} from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Alarm, AlarmState } from '../../../shared/contract/entities';
import { severities } from '../../../shared/contract/vocabulary';
import { getClient } from '../client';
import { navigate } from '../app/router';
import { useFormat } from '../i18n/format';
import { sortAlarms } from '../live/derive';
import { useLive } from '../live/use-live';
import { notifyError, notifyOk } from '../shared/notify';
import { groupByCause, type AlarmGroup } from './alarm-groups';
import { ALARM_COLUMNS, AlarmRow } from './alarm-row';
import { useAlarmText } from './use-alarm-text';

const ROW_HEIGHT = 44;

type Item =
  { kind: 'group'; group: AlarmGroup; open: boolean } | { kind: 'alarm'; alarm: Alarm; indent: boolean };

/**
 * Active, acknowledged and past alarms, every one of them (a virtualised list), grouped by cause
 * when asked; acknowledge one, a selection, a cause or everything a filter shows, with one note
 * and one audit entry.
 */
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
  const [grouped, setGrouped] = useState(true);
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const [acking, setAcking] = useState<number[] | null>(null);
  const [note, setNote] = useState('');
  const parent = useRef<HTMLDivElement>(null);

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

  const items = useMemo<Item[]>(() => {
    if (!grouped || tab === 'cleared')
      return alarms.map((alarm) => ({ kind: 'alarm', alarm, indent: false }));
    return groupByCause(alarms, store.statuses, store.devices, store.towers).flatMap((group): Item[] => {
      // A cause with one alarm is that alarm: a header over it would only add a row.
      if (group.alarms.length === 1) return [{ kind: 'alarm', alarm: group.alarms[0]!, indent: false }];
      const open = expanded.has(group.key);
      return [
        { kind: 'group', group, open },
        ...(open ? group.alarms.map((alarm): Item => ({ kind: 'alarm', alarm, indent: true })) : []),
      ];
    });
    // version is the live store's change counter (statuses carry the causes).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [alarms, grouped, tab, expanded, store, version]);

  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => parent.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 5,
  });

  const acknowledge = async () => {
    if (!acking) return;
    try {
      const done = await getClient().invoke('alarms.acknowledge', { ids: acking, note });
      notifyOk(t('alarms.acked', { count: done.length }));
      setSelected(new Set());
      setAcking(null);
      setNote('');
    } catch (error) {
      notifyError(error);
    }
  };

  const toggle = useCallback(
    (id: number) =>
      setSelected((current) => {
        const next = new Set(current);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
    [],
  );
  const ackOne = useCallback((id: number) => setAcking([id]), []);
  const openAlarm = useCallback(
    (alarm: Alarm) => alarm.deviceId && navigate(`devices/${alarm.deviceId}`),
    [],
  );
  const allShownSelected = alarms.length > 0 && alarms.every((alarm) => selected.has(alarm.id));
  const selectable = tab === 'active';
  const causeName = (group: AlarmGroup) =>
    group.name ?? (group.key.startsWith('alarm:') ? t('alarms.cause.none') : t('alarms.cause.other'));

  return (
    <Stack h="calc(100vh - 110px)" gap="sm">
      <Tabs
        value={tab}
        onChange={(value) => {
          if (!value) return;
          setTab(value as AlarmState);
          setSelected(new Set());
        }}
      >
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
        {tab !== 'cleared' && (
          <Switch
            label={t('alarms.groupByCause')}
            checked={grouped}
            onChange={(e) => setGrouped(e.currentTarget.checked)}
            data-testid="alarms-group"
          />
        )}
        {selectable && (
          <Button
            disabled={selected.size === 0}
            onClick={() => setAcking([...selected])}
            data-testid="ack-selected"
          >
            {t('alarms.ackSelected', { count: selected.size })}
          </Button>
        )}
      </Group>
      <Text size="xs" c="dimmed" data-testid="alarms-shown">
        {t('alarms.shown', { shown: format.number(alarms.length) })}
      </Text>
      {alarms.length === 0 ? (
        <Text c="dimmed">{t('alarms.none')}</Text>
      ) : (
        <>
          <Box
            style={{ display: 'grid', gridTemplateColumns: ALARM_COLUMNS, gap: 8, alignItems: 'center' }}
            fw={600}
            fz="sm"
          >
            {selectable ? (
              <Checkbox
                checked={allShownSelected}
                indeterminate={!allShownSelected && selected.size > 0}
                onChange={() =>
                  setSelected(allShownSelected ? new Set() : new Set(alarms.map((alarm) => alarm.id)))
                }
                aria-label={t('alarms.selectShown')}
                data-testid="alarms-select-shown"
              />
            ) : (
              <span />
            )}
            <span>{t('alarms.severity')}</span>
            <span>{t('alarms.message')}</span>
            <span>{t('alarms.affected')}</span>
            <span>{t('alarms.source')}</span>
            <span>{t('alarms.raisedAt')}</span>
            <span>{tab === 'active' ? '' : t('alarms.by')}</span>
          </Box>
          <Box ref={parent} style={{ flex: 1, overflow: 'auto' }} data-testid="alarms-table">
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {virtualizer.getVirtualItems().map((virtual) => {
                const item = items[virtual.index]!;
                if (item.kind === 'group')
                  return (
                    <Group
                      key={`g:${item.group.key}`}
                      data-testid="alarm-group"
                      justify="space-between"
                      px="xs"
                      style={{
                        position: 'absolute',
                        top: virtual.start,
                        height: ROW_HEIGHT,
                        left: 0,
                        right: 0,
                        background: 'var(--mantine-color-default-hover)',
                        cursor: 'pointer',
                      }}
                      onClick={() =>
                        setExpanded((current) => {
                          const next = new Set(current);
                          if (next.has(item.group.key)) next.delete(item.group.key);
                          else next.add(item.group.key);
                          return next;
                        })
                      }
                    >
                      <Text fw={600} size="sm">
                        {item.open ? '▾' : '▸'}{' '}
                        {t('alarms.cause.title', {
                          name: causeName(item.group),
                          count: item.group.alarms.length,
                          formatted: format.number(item.group.alarms.length),
                        })}
                      </Text>
                      {selectable && (
                        <Button
                          size="xs"
                          variant="light"
                          onClick={(event) => {
                            event.stopPropagation();
                            setAcking(item.group.alarms.map((alarm) => alarm.id));
                          }}
                          data-testid="ack-group"
                        >
                          {t('alarms.ackGroup', { count: item.group.alarms.length })}
                        </Button>
                      )}
                    </Group>
                  );
                const { alarm } = item;
                return (
                  <AlarmRow
                    key={alarm.id}
                    alarm={alarm}
                    text={alarmText(alarm)}
                    source={t(`alarms.sourceName.${alarm.source}`)}
                    raisedAt={format.dateTime(alarm.raisedAt)}
                    acknowledgeLabel={selectable ? t('alarms.ack') : null}
                    selected={selectable ? selected.has(alarm.id) : null}
                    top={virtual.start}
                    height={ROW_HEIGHT}
                    indent={item.indent}
                    onToggle={toggle}
                    onAcknowledge={ackOne}
                    onOpen={openAlarm}
                  />
                );
              })}
            </div>
          </Box>
        </>
      )}
      <Modal
        opened={acking !== null}
        onClose={() => setAcking(null)}
        title={t('alarms.ackCount', { count: acking?.length ?? 0 })}
      >
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
