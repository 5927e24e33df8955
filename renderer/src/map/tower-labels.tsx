import { divIcon } from 'leaflet';
import { useMemo, useState } from 'react';
import { Marker, useMap, useMapEvents } from 'react-leaflet';
import { stateRank } from '../live/derive';
import { visibleLabels } from './label-layout';
import type { TowerMarker } from './map-view';

const FONT = '600 12px system-ui, sans-serif';
const HEIGHT = 18;
const PADDING = 8;

let canvas: CanvasRenderingContext2D | null = null;
/** A label's width as the browser will draw it, measured once per text. */
function textWidth(text: string): number {
  canvas ??= document.createElement('canvas').getContext('2d');
  if (!canvas) return text.length * 7;
  canvas.font = FONT;
  return Math.ceil(canvas.measureText(text).width);
}

export function markerRadius(count: number): number {
  return 9 + Math.min(10, Math.sqrt(count));
}

function labelIcon(name: string, width: number, offset: number) {
  const element = document.createElement('span');
  element.textContent = name;
  Object.assign(element.style, {
    display: 'block',
    font: FONT,
    lineHeight: `${HEIGHT}px`,
    padding: `0 ${PADDING / 2}px`,
    whiteSpace: 'nowrap',
    borderRadius: '4px',
    background: 'var(--mantine-color-body)',
    color: 'var(--mantine-color-text)',
    boxShadow: '0 0 0 1px var(--mantine-color-default-border)',
  });
  return divIcon({
    html: element,
    className: 'tower-label',
    iconSize: [width, HEIGHT],
    iconAnchor: [-offset, HEIGHT / 2],
  });
}

/**
 * Tower names beside their markers, only as many as fit without overlapping at this zoom: towers
 * in trouble first, then the busiest. Laid out again after every zoom or pan.
 */
export function TowerLabels({ markers }: { markers: TowerMarker[] }) {
  const map = useMap();
  const [viewVersion, setViewVersion] = useState(0);
  useMapEvents({
    zoomend: () => setViewVersion((n) => n + 1),
    moveend: () => setViewVersion((n) => n + 1),
    resize: () => setViewVersion((n) => n + 1),
  });

  const labels = useMemo(() => {
    const ordered = [...markers].sort(
      (a, b) => stateRank[a.worst] - stateRank[b.worst] || b.count - a.count || a.tower.id - b.tower.id,
    );
    const boxes = ordered.map(({ tower, count }) => {
      const point = map.latLngToContainerPoint([tower.latitude, tower.longitude]);
      const offset = markerRadius(count) + 3;
      const width = textWidth(tower.name) + PADDING;
      return { id: tower.id, x: point.x + offset, y: point.y - HEIGHT / 2, width, height: HEIGHT, offset };
    });
    const shown = visibleLabels(boxes);
    return boxes
      .filter((box) => shown.has(box.id))
      .map((box) => ({ ...box, tower: markers.find((marker) => marker.tower.id === box.id)!.tower }));
    // viewVersion: the map's zoom and position, which latLngToContainerPoint reads.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [markers, map, viewVersion]);

  return labels.map(({ tower, width, offset }) => (
    <Marker
      key={`${tower.id}-${tower.name}`}
      position={[tower.latitude, tower.longitude]}
      icon={labelIcon(tower.name, width, offset)}
      interactive={false}
      keyboard={false}
    />
  ));
}
