import { ActionIcon, Box, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deviceKinds, deviceStates, type Device, type DeviceState } from '../../../shared/contract/entities';
import { getClient } from '../client';
import { navigate } from '../app/router';
import { useFormat } from '../i18n/format';
import { stateRank } from '../live/derive';
import { useLive } from '../live/use-live';
import { useContextMenu } from '../shared/context-menu';
import { notifyError, notifyOk } from '../shared/notify';
import { StateBadge } from '../shared/state-badge';
import { devicesToCsv, download } from './csv';
import { DeviceForm } from './device-form';
import { ImportModal } from './import-modal';

type SortKey = 'name' | 'host' | 'state' | 'rtt' | 'tower';
const ROW_HEIGHT = 36;
// One collator for every comparison: String.localeCompare builds one per call, which costs a
// 10,000-row sort most of a frame.
const text = new Intl.Collator(undefined, { sensitivity: 'base' });
const numeric = new Intl.Collator(undefined, { numeric: true });
const COLUMNS = '2.2fr 1.2fr 0.9fr 1.4fr 1fr 0.8fr 0.7fr 1.1fr 70px';

export function DevicesPage({ initialTower }: { initialTower?: string | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { store, version } = useLive();
  const openMenu = useContextMenu();
  const [search, setSearch] = useState('');
  const [state, setState] = useState<string | null>(null);
  const [tower, setTower] = useState<string | null>(initialTower ?? null);
  const [kind, setKind] = useState<string | null>(null);
  const [tag, setTag] = useState<string | null>(null);
  const [sort, setSort] = useState<{ key: SortKey; asc: boolean }>({ key: 'state', asc: true });
  const [editing, setEditing] = useState<Device | null | 'new'>(null);
  const [importing, setImporting] = useState(false);
  const parent = useRef<HTMLDivElement>(null);

  // Text orders depend on the inventory only: computed when it changes, not on every status burst.
  const inventoryVersion = store.inventoryVersion;
  const textOrder = useMemo(() => {
    const towerCode = (device: Device) =>
      device.towerId ? (store.towers.get(device.towerId)?.code ?? '') : '';
    const devices = [...store.devices.values()];
    return {
      name: [...devices].sort((a, b) => text.compare(a.name, b.name)),
      host: [...devices].sort((a, b) => numeric.compare(a.host, b.host)),
      tower: [...devices].sort(
        (a, b) => text.compare(towerCode(a), towerCode(b)) || text.compare(a.name, b.name),
      ),
    };
    // inventoryVersion is the live store's inventory counter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, inventoryVersion]);

  const rows = useMemo(() => {
    const needle = search.trim().toLowerCase();
    const statusOf = (id: number): DeviceState => store.statuses.get(id)?.state ?? 'unknown';
    const base = sort.key === 'host' || sort.key === 'tower' ? textOrder[sort.key] : textOrder.name;
    const filtered = base.filter(
      (device) =>
        (!state || statusOf(device.id) === state) &&
        (!tower || String(device.towerId) === tower) &&
        (!kind || device.kind === kind) &&
        (!tag || device.tags.includes(tag)) &&
        (!needle ||
          device.name.toLowerCase().includes(needle) ||
          device.host.toLowerCase().includes(needle) ||
          device.model.toLowerCase().includes(needle) ||
          device.tags.some((tag) => tag.toLowerCase().includes(needle))),
    );
    // Status orders are numeric sorts over the name order (Array.sort is stable): cheap per burst.
    if (sort.key === 'state') filtered.sort((a, b) => stateRank[statusOf(a.id)] - stateRank[statusOf(b.id)]);
    if (sort.key === 'rtt')
      filtered.sort(
        (a, b) => (store.statuses.get(b.id)?.rttMs ?? -1) - (store.statuses.get(a.id)?.rttMs ?? -1),
      );
    return sort.asc ? filtered : filtered.reverse();
    // version is the live store's change counter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, version, textOrder, search, state, tower, kind, tag, sort]);

  const tags = useMemo(
    () => [...new Set([...store.devices.values()].flatMap((device) => device.tags))].sort(),
    // inventoryVersion is the live store's inventory counter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [store, inventoryVersion],
  );

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => parent.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  const header = (key: SortKey | null, label: string) => (
    <Text
      size="sm"
      fw={600}
      style={{ cursor: key ? 'pointer' : 'default' }}
      onClick={() => key && setSort((current) => ({ key, asc: current.key === key ? !current.asc : true }))}
    >
      {label}
      {key && sort.key === key ? (sort.asc ? ' ▲' : ' ▼') : ''}
    </Text>
  );

  const remove = async (device: Device) => {
    if (!window.confirm(t('devices.confirmDelete', { name: device.name }))) return;
    try {
      await getClient().invoke('devices.delete', { id: device.id });
      notifyOk(t('devices.deleted'));
    } catch (error) {
      notifyError(error);
    }
  };

  return (
    <Stack h="calc(100vh - 110px)" gap="sm">
      <Group>
        <TextInput
          placeholder={t('devices.search')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          style={{ flex: 1 }}
          data-testid="device-search"
        />
        <Select
          placeholder={t('devices.allStates')}
          data={deviceStates.map((value) => ({ value, label: t(`state.${value}`) }))}
          value={state}
          onChange={setState}
          clearable
          w={160}
        />
        <Select
          placeholder={t('devices.allTowers')}
          data={[...store.towers.values()].map((item) => ({
            value: String(item.id),
            label: `${item.code} ${item.name}`,
          }))}
          value={tower}
          onChange={setTower}
          clearable
          searchable
          w={220}
        />
        <Select
          placeholder={t('devices.allKinds')}
          data={deviceKinds.map((value) => ({ value, label: t(`kind.${value}`) }))}
          value={kind}
          onChange={setKind}
          clearable
          w={150}
        />
        <Select
          placeholder={t('devices.tag')}
          data={tags}
          value={tag}
          onChange={setTag}
          clearable
          searchable
          w={140}
        />
        <Button onClick={() => setEditing('new')} data-testid="add-device">
          {t('devices.add')}
        </Button>
        <Button variant="light" onClick={() => setImporting(true)} data-testid="import-devices">
          {t('devices.import')}
        </Button>
        <Button
          variant="default"
          onClick={() => download('vigia-equipamentos.csv', devicesToCsv(rows, store.towers, store.statuses))}
        >
          {t('devices.export')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed" data-testid="devices-shown">
        {t('devices.shown', { count: rows.length, total: store.devices.size })}
      </Text>
      <Box style={{ display: 'grid', gridTemplateColumns: COLUMNS, gap: 8, padding: '0 8px' }}>
        {header('name', t('devices.name'))}
        {header('host', t('devices.host'))}
        {header('state', t('devices.state'))}
        {header('tower', t('devices.tower'))}
        {header(null, t('devices.kind'))}
        {header('rtt', t('devices.rtt'))}
        {header(null, t('devices.loss'))}
        {header(null, t('devices.since'))}
        <span />
      </Box>
      <Box ref={parent} style={{ flex: 1, overflow: 'auto' }} data-testid="devices-table">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const device = rows[item.index]!;
            const status = store.statuses.get(device.id);
            return (
              <Box
                key={device.id}
                data-testid="device-row"
                data-device-id={device.id}
                onContextMenu={(event) =>
                  openMenu(event, { scope: 'device', id: device.id, name: device.name })
                }
                onDoubleClick={() => navigate(`devices/${device.id}`)}
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: ROW_HEIGHT,
                  transform: `translateY(${item.start}px)`,
                  display: 'grid',
                  gridTemplateColumns: COLUMNS,
                  gap: 8,
                  alignItems: 'center',
                  padding: '0 8px',
                  borderBottom: '1px solid var(--mantine-color-default-border)',
                }}
              >
                <Text
                  size="sm"
                  truncate
                  style={{ cursor: 'pointer' }}
                  onClick={() => navigate(`devices/${device.id}`)}
                >
                  {device.name}
                </Text>
                <Text size="sm" ff="monospace" truncate>
                  {device.host}
                </Text>
                <StateBadge state={status?.state ?? 'unknown'} />
                <Text size="sm" truncate>
                  {device.towerId ? store.towers.get(device.towerId)?.name : '—'}
                </Text>
                <Text size="sm">{t(`kind.${device.kind}`)}</Text>
                <Text size="sm">{format.number(status?.rttMs, ' ms')}</Text>
                <Text size="sm">{format.number(status?.lossPct, ' %')}</Text>
                <Text size="xs" c="dimmed">
                  {format.dateTime(status?.since)}
                </Text>
                <Group gap={4}>
                  <ActionIcon
                    variant="subtle"
                    size="sm"
                    onClick={() => setEditing(device)}
                    aria-label={t('devices.edit')}
                  >
                    ✎
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    size="sm"
                    color="red"
                    onClick={() => void remove(device)}
                    aria-label={t('devices.delete')}
                  >
                    ✕
                  </ActionIcon>
                </Group>
              </Box>
            );
          })}
        </div>
      </Box>
      {editing !== null && (
        <DeviceForm device={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
      {importing && <ImportModal onClose={() => setImporting(false)} />}
    </Stack>
  );
}
