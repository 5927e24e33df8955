import type { Device } from '../../shared/contract/entities';

/** What the store adds to a device or tower: no maintenance window, written at time 0. */
export const storedRecord = {
  maintenanceUntil: null,
  maintenanceBy: null,
  maintenanceReason: null,
  createdAt: 0,
  updatedAt: 0,
};

/** A device as the store returns it (no tower, parent or maintenance unless given), for pure tests. */
export const storedDevice = (id: number, extra: Partial<Device> = {}): Device => ({
  id,
  name: `dev ${id}`,
  host: `127.30.${id >> 8}.${id & 255}`,
  kind: 'sector_ap',
  vendor: '',
  model: '',
  towerId: null,
  parentId: null,
  tags: [],
  enabled: true,
  notes: '',
  ...storedRecord,
  ...extra,
});
