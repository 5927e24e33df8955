import { Alert, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CircleMarker, MapContainer, Polyline, TileLayer, Tooltip } from 'react-leaflet';
import 'leaflet/dist/leaflet.css';
import type { DeviceState } from '../../../shared/contract/entities';
import { navigate } from '../app/router';
import { worstState } from '../live/derive';
import { useLive, useLiveValue } from '../live/use-live';
import { useContextMenu } from '../shared/context-menu';

const markerColor: Record<DeviceState, string> = {
  up: '#2f9e44',
  degraded: '#f08c00',
  down: '#e03131',
  unreachable: '#e8590c',
  flapping: '#9c36b5',
  maintenance: '#1c7ed6',
  unknown: '#868e96',
};

/**
 * Towers coloured by the worst state of their devices, with the backhaul links between them. No
 * tiles unless the operator configured a tile server: offline, markers and links stand on a plain
 * background rather than on broken images.
 */
export function MapPage() {
  const { t } = useTranslation();
  const { store, version } = useLive();
  const openMenu = useContextMenu();
  const map = useLiveValue((live) => live.settings?.map ?? null);
  const tileUrl = map?.tileUrl ?? '';

  const view = useMemo(() => {
    const towers = [...store.towers.values()];
    const devicesByTower = new Map<number, number[]>();
    for (const device of store.devices.values()) {
      if (device.towerId === null) continue;
      devicesByTower.set(device.towerId, [...(devicesByTower.get(device.towerId) ?? []), device.id]);
    }
    const markers = towers.map((tower) => {
      const ids = devicesByTower.get(tower.id) ?? [];
      const worst = worstState(ids.map((id) => store.statuses.get(id)?.state ?? 'unknown')) ?? 'unknown';
      return { tower, count: ids.length, worst };
    });
    // A link wherever a device on one tower depends on a device on another (the backhaul tree).
    const links = new Map<string, [[number, number], [number, number]]>();
    for (const device of store.devices.values()) {
      const parent = device.parentId ? store.devices.get(device.parentId) : undefined;
      if (!parent || device.towerId === null || parent.towerId === null || parent.towerId === device.towerId)
        continue;
      const a = store.towers.get(parent.towerId);
      const b = store.towers.get(device.towerId);
      if (a && b)
        links.set(`${a.id}-${b.id}`, [
          [a.latitude, a.longitude],
          [b.latitude, b.longitude],
        ]);
    }
    const center: [number, number] =
      map?.centerLat != null && map.centerLng != null
        ? [map.centerLat, map.centerLng]
        : towers.length
          ? [
              towers.reduce((sum, tower) => sum + tower.latitude, 0) / towers.length,
              towers.reduce((sum, tower) => sum + tower.longitude, 0) / towers.length,
            ]
          : [-7.23, -35.88];
    return { markers, links: [...links.values()], center };
    // version is the live store's change counter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, version, map]);

  return (
    <Stack h="calc(100vh - 110px)">
      {!tileUrl && (
        <Alert color="gray" py={6}>
          {t('map.noTiles')}
        </Alert>
      )}
      <div
        style={{ flex: 1, borderRadius: 8, overflow: 'hidden', background: 'var(--mantine-color-default)' }}
        data-testid="map"
      >
        <MapContainer
          center={view.center}
          zoom={map?.zoom ?? 12}
          style={{ height: '100%', width: '100%', background: 'transparent' }}
        >
          {tileUrl && <TileLayer url={tileUrl} />}
          {view.links.map((positions, i) => (
            <Polyline
              key={i}
              positions={positions}
              pathOptions={{ color: '#74c0fc', weight: 2, opacity: 0.7 }}
            />
          ))}
          {view.markers.map(({ tower, count, worst }) => (
            <CircleMarker
              key={tower.id}
              center={[tower.latitude, tower.longitude]}
              className={`tower-marker tower-${tower.id}`}
              radius={9 + Math.min(10, Math.sqrt(count))}
              pathOptions={{
                color: markerColor[worst],
                fillColor: markerColor[worst],
                fillOpacity: 0.8,
              }}
              eventHandlers={{
                click: () => navigate(`devices?tower=${tower.id}`),
                contextmenu: (event) =>
                  openMenu(event.originalEvent, { scope: 'tower', id: tower.id, name: tower.name }),
              }}
            >
              <Tooltip>
                <Text size="sm" fw={600}>
                  {tower.code} — {tower.name}
                </Text>
                <Text size="xs">
                  {t(`state.${worst}`)} · {t('map.devicesCount', { count })}
                </Text>
              </Tooltip>
            </CircleMarker>
          ))}
        </MapContainer>
      </div>
    </Stack>
  );
}
