import { Alert, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CircleMarker, MapContainer, Polyline, TileLayer, Tooltip } from 'react-leaflet';
import 'leaflet/dist/leaflet.css';
import { navigate } from '../app/router';
import { useLive, useLiveValue } from '../live/use-live';
import { useContextMenu } from '../shared/context-menu';
import { BrazilStates } from './brazil-states';
import { MapLegend, linkStyle, markerColor } from './map-legend';
import { deriveMapView } from './map-view';
import { TowerLabels, markerRadius } from './tower-labels';

/** Brazil as a whole, for a network without towers yet. */
const BRAZIL_CENTER: [number, number] = [-14.2, -51.9];
/** Devices a tower's tooltip names before "+N more". */
const TOOLTIP_DEVICES = 6;

/**
 * Towers coloured by the worst state of their devices, their names where they fit, and the
 * backhaul links between them in the state of the radio behind each. The background is Brazil's
 * state outlines shipped with the app, so the map works offline; a configured tile server is drawn
 * over it.
 */
export function MapPage() {
  const { t } = useTranslation();
  const { store, version } = useLive();
  const openMenu = useContextMenu();
  const map = useLiveValue((live) => live.settings?.map ?? null);
  const tileUrl = map?.tileUrl ?? '';

  const view = useMemo(
    () => deriveMapView(store.towers, store.devices, store.statuses),
    // version is the live store's change counter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [store, version],
  );
  // The first view only: the configured centre, else every tower in the frame, else Brazil.
  const placement = useMemo(() => {
    if (map?.centerLat != null && map.centerLng != null)
      return { center: [map.centerLat, map.centerLng] as [number, number], zoom: map.zoom ?? 12 };
    const towers = [...store.towers.values()];
    if (towers.length === 0) return { center: BRAZIL_CENTER, zoom: 4 };
    if (towers.length === 1)
      return { center: [towers[0]!.latitude, towers[0]!.longitude] as [number, number], zoom: 12 };
    return {
      bounds: towers.map((tower) => [tower.latitude, tower.longitude] as [number, number]),
      boundsOptions: { padding: [40, 40] as [number, number] },
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store.loaded, map]);

  return (
    <Stack h="calc(100vh - 110px)">
      {!tileUrl && (
        <Alert color="gray" py={6}>
          {t('map.noTiles')}
        </Alert>
      )}
      <div
        style={{
          flex: 1,
          position: 'relative',
          borderRadius: 8,
          overflow: 'hidden',
          background: 'var(--mantine-color-default)',
        }}
        data-testid="map"
      >
        <MapContainer {...placement} style={{ height: '100%', width: '100%', background: 'transparent' }}>
          <BrazilStates />
          {tileUrl && <TileLayer url={tileUrl} />}
          {view.links.map((link) => (
            <Polyline
              key={link.key}
              positions={[link.from, link.to]}
              className={`backhaul-link link-${link.state}`}
              pathOptions={{ ...linkStyle[link.state], opacity: 0.85 }}
            />
          ))}
          {view.markers.map(({ tower, count, worst, troubled }) => (
            <CircleMarker
              key={tower.id}
              center={[tower.latitude, tower.longitude]}
              className={`tower-marker tower-${tower.id}`}
              radius={markerRadius(count)}
              pathOptions={{ color: markerColor[worst], fillColor: markerColor[worst], fillOpacity: 0.8 }}
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
                {troubled.slice(0, TOOLTIP_DEVICES).map((device) => (
                  <Text size="xs" key={device.id} c={markerColor[device.state]}>
                    {device.name}: {t(`state.${device.state}`)}
                  </Text>
                ))}
                {troubled.length > TOOLTIP_DEVICES && (
                  <Text size="xs" c="dimmed">
                    {t('map.moreTroubled', { count: troubled.length - TOOLTIP_DEVICES })}
                  </Text>
                )}
              </Tooltip>
            </CircleMarker>
          ))}
          <TowerLabels markers={view.markers} />
        </MapContainer>
        <MapLegend unplaced={view.unplaced} />
      </div>
    </Stack>
  );
}
