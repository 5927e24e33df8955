import { Anchor, Button, Card, Group, Table, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecentChange } from '../../../shared/contract/recent';
import { cursorOf, mergeRecent, recentKey } from '../../../shared/domain/recent/feed';
import { navigate } from '../app/router';
import { getClient } from '../client';
import { useFormat } from '../i18n/format';
import { useAlarmText } from '../alarms/use-alarm-text';
import type { LiveStore } from '../live/live-store';
import { notifyError } from '../shared/notify';
import { SeverityBadge, StateBadge } from '../shared/state-badge';

/** Lines shown at first, and added by each "show older". */
const FIRST_LINES = 15;
const MORE_LINES = 25;
/** Older moments read from the store per request. */
const OLDER_PAGE = 50;

/** Today's moments read as a time, older ones with their date. */
const isToday = (at: number) => new Date(at).toDateString() === new Date().toDateString();

/** The device or tower the engine blames for an unreachable device (`tower:<id>`, `device:<id>`). */
function useCauseText(store: LiveStore) {
  const { t } = useTranslation();
  return (cause: string | null): string | null => {
    const [kind, id] = (cause ?? '').split(':');
    const name =
      kind === 'tower'
        ? store.towers.get(Number(id))?.name
        : kind === 'device'
          ? store.devices.get(Number(id))?.name
          : undefined;
    return name ? t('dashboard.recent.because', { name }) : null;
  };
}

function ChangeLine({ change, store }: { change: RecentChange; store: LiveStore }) {
  const { t } = useTranslation();
  const format = useFormat();
  const alarmText = useAlarmText();
  const causeText = useCauseText(store);
  const when = isToday(change.at) ? format.time(change.at) : format.dateTime(change.at);
  if (change.kind === 'state') {
    const cause = causeText(change.cause);
    return (
      <Table.Tr data-testid="recent-change" data-kind="state" data-device={change.deviceId}>
        <Table.Td c="dimmed" style={{ whiteSpace: 'nowrap', width: 1 }}>
          {when}
        </Table.Td>
        <Table.Td>
          <Group gap={6} wrap="wrap">
            <Anchor size="sm" onClick={() => navigate(`devices/${change.deviceId}`)}>
              {store.devices.get(change.deviceId)?.name ?? `#${change.deviceId}`}
            </Anchor>
            {change.from && <StateBadge state={change.from} />}
            {change.from && <Text size="sm">→</Text>}
            <StateBadge state={change.to} />
            {cause && (
              <Text size="sm" c="dimmed">
                {cause}
              </Text>
            )}
          </Group>
        </Table.Td>
      </Table.Tr>
    );
  }
  const { alarm, action } = change;
  const by = action === 'acknowledged' ? alarm.acknowledgedBy : action === 'cleared' ? alarm.clearedBy : null;
  const note = action === 'acknowledged' && alarm.note ? alarm.note : null;
  return (
    <Table.Tr data-testid="recent-change" data-kind={`alarm-${action}`} data-alarm={alarm.id}>
      <Table.Td c="dimmed" style={{ whiteSpace: 'nowrap', width: 1 }}>
        {when}
      </Table.Td>
      <Table.Td>
        <Group gap={6} wrap="wrap">
          <SeverityBadge severity={alarm.severity} />
          <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
            {by ? t(`dashboard.recent.${action}By`, { by }) : t(`dashboard.recent.${action}`)}
          </Text>
          <Anchor
            size="sm"
            onClick={() => navigate(alarm.deviceId === null ? 'alarms' : `devices/${alarm.deviceId}`)}
          >
            {alarmText(alarm)}
          </Anchor>
          {note && (
            <Text size="sm" c="dimmed" fs="italic" data-testid="recent-note">
              “{note}”
            </Text>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

/**
 * What just happened, newest first: the live store's moments (read from the store when the page
 * opened, then kept by the events), and older ones read from the store a page at a time.
 */
export function RecentChangesCard({ store, version }: { store: LiveStore; version: number }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(FIRST_LINES);
  const [older, setOlder] = useState<RecentChange[]>([]);
  const [olderHasMore, setOlderHasMore] = useState<boolean | null>(null);
  const [loading, setLoading] = useState(false);
  const lines = useMemo(
    () => mergeRecent(store.recent, older, store.recent.length + older.length),
    // version is the live store's change counter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [store, version, older],
  );
  const storeHasMore = olderHasMore ?? store.recentHasOlder;

  const showOlder = () => {
    const next = shown + MORE_LINES;
    setShown(next);
    const last = lines.at(-1);
    if (lines.length >= next || !storeHasMore || !last) return;
    setLoading(true);
    void getClient()
      .invoke('recent.list', { limit: OLDER_PAGE, before: cursorOf(last) })
      .then((page) => {
        setOlder((kept) => [...kept, ...page.items]);
        setOlderHasMore(page.next !== null);
      }, notifyError)
      .finally(() => setLoading(false));
  };

  return (
    <Card withBorder>
      <Title order={5} mb="xs">
        {t('dashboard.recentChanges')}
      </Title>
      {lines.length === 0 ? (
        <Text c="dimmed">{t('dashboard.noChanges')}</Text>
      ) : (
        <Table data-testid="recent-changes" verticalSpacing={4}>
          <Table.Tbody>
            {lines.slice(0, shown).map((change) => (
              <ChangeLine key={recentKey(change)} change={change} store={store} />
            ))}
          </Table.Tbody>
        </Table>
      )}
      {(lines.length > shown || storeHasMore) && (
        <Button
          variant="subtle"
          size="xs"
          mt="xs"
          loading={loading}
          onClick={showOlder}
          data-testid="recent-older"
        >
          {t('dashboard.recent.older')}
        </Button>
      )}
    </Card>
  );
}
