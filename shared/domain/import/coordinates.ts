import type { Reason } from '../validation/issue-reason';
import { coordinateOf } from './values';

export interface CoordinateReading {
  point: { latitude: number; longitude: number } | null;
  reasons: Reason[];
  warnings: Reason[];
}

/** Brazil's extent, generous: a point whose latitude falls in its longitudes (and back) was swapped. */
const brazil = { latitude: [-34.5, 6], longitude: [-74.5, -28.5] } as const;
const within = (value: number, [low, high]: readonly [number, number]) => value >= low && value <= high;

const reason = (key: string, params: Record<string, string | number> = {}): Reason => ({
  key: `import.reason.${key}`,
  params,
});

/**
 * A row's coordinates: both or neither, each a number in range. Latitude and longitude written in
 * each other's column is an error when it leaves the range and a warning when both fit Brazil
 * swapped (a NOC's towers are there), since a point in the sea is still a valid point.
 */
export function readCoordinates(latitudeCell: string, longitudeCell: string): CoordinateReading {
  const latitude = coordinateOf(latitudeCell);
  const longitude = coordinateOf(longitudeCell);
  const reasons: Reason[] = [];
  const warnings: Reason[] = [];
  if (latitude === undefined && longitude === undefined) return { point: null, reasons, warnings };
  if (latitude === undefined || longitude === undefined) {
    return { point: null, reasons: [reason('coordinatesIncomplete')], warnings };
  }
  if (Number.isNaN(latitude)) reasons.push(reason('latitudeUnreadable', { value: latitudeCell.trim() }));
  if (Number.isNaN(longitude)) reasons.push(reason('longitudeUnreadable', { value: longitudeCell.trim() }));
  if (reasons.length > 0) return { point: null, reasons, warnings };
  const latitudeFits = Math.abs(latitude) <= 90;
  const longitudeFits = Math.abs(longitude) <= 180;
  if (!latitudeFits && Math.abs(longitude) <= 90 && Math.abs(latitude) <= 180) {
    return { point: null, reasons: [reason('coordinatesSwapped', { latitude, longitude })], warnings };
  }
  if (!latitudeFits) reasons.push(reason('latitudeRange', { value: latitude }));
  if (!longitudeFits) reasons.push(reason('longitudeRange', { value: longitude }));
  if (reasons.length > 0) return { point: null, reasons, warnings };
  if (within(latitude, brazil.longitude) && within(longitude, brazil.latitude))
    warnings.push(reason('coordinatesLookSwapped', { latitude, longitude }));
  return { point: { latitude, longitude }, reasons, warnings };
}
