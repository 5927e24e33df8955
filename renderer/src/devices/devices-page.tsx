import { Box, Stack, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Suspense, useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Device, DeviceState } from '../../../shared/contract/entities';
import { deviceKinds, deviceStates } from '../../../shared/contract/vocabulary';
import { getClient } from '../client';
import { navigate } from '../app/router';
import { stateRank } from '../live/derive';
import { useLive } from '../live/use-live';
import { useContextMenu } from '../shared/context-menu';
import { notifyError, notifyOk } from '../shared/notify';
import { devicesToCsv, download } from './csv-export';
import i18n from '../i18n';
import { DeviceRow, type DeviceRowActions, type DeviceRowLabels } from './device-row';
import { DevicesHeader, type Sort, type SortKey } from './devices-header';
import { DevicesToolbar, type DeviceFilters } from './devices-toolbar';
import { lazyNamed } from '../shared/lazy-named';

// The forms load when first opened: the CSV import brings the contract's zod schemas, which the
// table itself does not need.
const DeviceForm = lazyNamed(() => import('./device-form'), 'DeviceForm');
const ImportModal = lazyNamed(() => import('./import-modal'), 'ImportModal');

const ROW_HEIGHT = 36;
// One collator for every comparison: String.localeCompare builds one per call, which costs a
// 10,000-row sort most of a frame.
const text = new Intl.Collator(undefined, { sensitivity: 'base' });
const numeric = new Intl.Collator(undefined, { numeric: true });
// minmax(0, …): every row lays out its own grid, so no cell may widen its column.
const COLUMNS = ['2.2fr', '1.2fr', '0.9fr', '1.4fr', '1fr', '0.8fr', '0.7fr', '1.1fr', '70px']
  .map((size) => `minmax(0, ${size})`)
  .join(' ');

function byStateRank(devices: Device[], stateOf: (id: number) => DeviceState): Device[] {
  const buckets: Device[][] = deviceStates.map(() => []);
  for (const device of devices) buckets[stateRank[stateOf(device.id)]]!.push(device);
  return buckets.flat();
}

export function DevicesPage({ initialTower }: { initialTower?: string | null }) {
  const { t } = useTranslation();
  const { store, version } = useLive();
  const openMenu = useContextMenu();
  const [filters, setFilters] = useState<DeviceFilters>({
    search: '',
    state: null,
    tower: initialTower ?? null,
    kind: null,
    tag: null,
  });
  const { search, state, tower, kind, tag } = filters;
  const changeFilters = useCallback(
    (patch: Partial<DeviceFilters>) => setFilters((current) => ({ ...current, ...patch })),
    [],
  );
  const [sort, setSort] = useState<Sort>({ key: 'state', asc: true });
  const [editing, setEditing] = useState<Device | null | 'new'>(null);
  const [importing, setImporting] = useState(false);
  const parent = useRef<HTMLDivElement>(null);

  // The text order depends on the inventory only: computed when it or the sort column changes,
  // not on every status burst, and only the one in use (each is a 10,000-name collation).
  const inventoryVersion = store.inventoryVersion;
  const textKey = sort.key === 'host' || sort.key === 'tower' ? sort.key : 'name';
  const textOrder = useMemo(() => {
    const towerCode = (device: Device) =>
      device.towerId ? (store.towers.get(device.towerId)?.code ?? '') : '';
    const devices = [...store.devices.values()];
    if (textKey === 'host') return devices.sort((a, b) => numeric.compare(a.host, b.host));
    if (textKey === 'tower')
      return devices.sort((a, b) => text.compare(towerCode(a), towerCode(b)) || text.compare(a.name, b.name));
    return devices.sort((a, b) => text.compare(a.name, b.name));
    // inventoryVersion is the live store's inventory counter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, inventoryVersion, textKey]);

  const rows = useMemo(() => {
    const needle = search.trim().toLowerCase();
    const statusOf = (id: number): DeviceState => store.statuses.get(id)?.state ?? 'unknown';
    const filtered = textOrder.filter(
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
    // Status orders run on every burst: buckets by state over the name order (linear, stable), and
    // round trips read once per device rather than twice per comparison.
    let ordered = filtered;
    if (sort.key === 'state') ordered = byStateRank(filtered, statusOf);
    if (sort.key === 'rtt') {
      const rtt = new Map(filtered.map((device) => [device, store.statuses.get(device.id)?.rttMs ?? -1]));
      ordered = filtered.sort((a, b) => rtt.get(b)! - rtt.get(a)!);
    }
    return sort.asc ? ordered : ordered.reverse();
    // version is the live store's change counter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, version, textOrder, search, state, tower, kind, tag, sort]);

  const towerOptions = useMemo(
    () =>
      [...store.towers.values()].map((item) => ({
        value: String(item.id),
        label: `${item.code} ${item.name}`,
      })),
    // inventoryVersion is the live store's inventory counter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [store, inventoryVersion],
  );

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
    // Rows beyond the visible ones are laid out and painted on every status burst too.
    overscan: 3,
  });

  const sortBy = useCallback(
    (key: SortKey) => setSort((current) => ({ key, asc: current.key === key ? !current.asc : true })),
    [],
  );

  // Stable across renders, so memoised rows and toolbar stay memoised; the latest values are read
  // at call time.
  const latest = useRef({ t, openMenu, rows });
  latest.current = { t, openMenu, rows };
  const addDevice = useCallback(() => setEditing('new'), []);
  const openImport = useCallback(() => setImporting(true), []);
  const exportRows = useCallback(() => {
    const { t: translate } = latest.current;
    const language = i18n.language === 'en' ? 'en' : 'pt-BR';
    const name = language === 'en' ? 'vigia-devices.csv' : 'vigia-equipamentos.csv';
    download(name, devicesToCsv(latest.current.rows, store.towers, store.statuses, language, translate));
  }, [store]);
  const rowLabels = useMemo<DeviceRowLabels>(
    () => ({
      state: Object.fromEntries(
        deviceStates.map((value) => [value, t(`state.${value}`)]),
      ) as DeviceRowLabels['state'],
      kind: Object.fromEntries(
        deviceKinds.map((value) => [value, t(`kind.${value}`)]),
      ) as DeviceRowLabels['kind'],
      edit: t('devices.edit'),
      remove: t('devices.delete'),
    }),
    [t],
  );
  const rowActions = useMemo<DeviceRowActions>(
    () => ({
      open: (device) => navigate(`devices/${device.id}`),
      edit: (device) => setEditing(device),
      menu: (event, device) =>
        latest.current.openMenu(event, { scope: 'device', id: device.id, name: device.name }),
      remove: (device) => {
        const { t: translate } = latest.current;
        if (!window.confirm(translate('devices.confirmDelete', { name: device.name }))) return;
        getClient()
          .invoke('devices.delete', { id: device.id })
          .then(() => notifyOk(translate('devices.deleted')), notifyError);
      },
    }),
    [],
  );

  return (
    <Stack h="calc(100vh - 110px)" gap="sm">
      <DevicesToolbar
        filters={filters}
        onFilters={changeFilters}
        towerOptions={towerOptions}
        tags={tags}
        onAdd={addDevice}
        onImport={openImport}
        onExport={exportRows}
      />
      <Text size="xs" c="dimmed" data-testid="devices-shown">
        {t('devices.shown', { count: rows.length, total: store.devices.size })}
      </Text>
      <DevicesHeader sort={sort} onSort={sortBy} gridColumns={COLUMNS} />
      <Box ref={parent} style={{ flex: 1, overflow: 'auto' }} data-testid="devices-table">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const device = rows[item.index]!;
            return (
              // Keyed by position: a burst re-sorts the table, and refilling the visible rows costs
              // less than replacing them.
              <DeviceRow
                key={item.index}
                device={device}
                status={store.statuses.get(device.id)}
                towerName={device.towerId ? (store.towers.get(device.towerId)?.name ?? null) : null}
                top={item.start}
                height={ROW_HEIGHT}
                columns={COLUMNS}
                actions={rowActions}
                labels={rowLabels}
              />
            );
          })}
        </div>
      </Box>
      <Suspense fallback={null}>
        {editing !== null && (
          <DeviceForm device={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
        )}
        {importing && <ImportModal onClose={() => setImporting(false)} />}
      </Suspense>
    </Stack>
  );
}
