import type { MaintenanceScope } from '../../contract/api';

/**
 * How a maintenance window is stored on a device or a tower (and, for the global one, in the
 * `maintenance.global` setting): `maintenanceBy` set means a window was opened; `maintenanceUntil`
 * is when it ends by itself, or null for "until someone ends it". Cleared fields: no maintenance.
 */
export interface MaintenanceWindow {
  maintenanceUntil: number | null;
  maintenanceBy: string | null;
}

export function isUnderMaintenance(window: MaintenanceWindow | null | undefined, now: number): boolean {
  if (!window || window.maintenanceBy === null) return false;
  return window.maintenanceUntil === null || window.maintenanceUntil > now;
}

/** The value kept in the settings table under `globalMaintenanceKey` (shape: GlobalMaintenance). */
export interface GlobalMaintenanceValue {
  until: number | null;
  by: string;
  reason: string;
  since: number;
}

export const globalMaintenanceKey = 'maintenance.global';

export function isGlobalMaintenanceActive(value: GlobalMaintenanceValue | null, now: number): boolean {
  return value !== null && (value.until === null || value.until > now);
}

/** The end of a window opened now for `minutes` (null: open-ended). */
export function maintenanceUntil(now: number, minutes: number | null): number | null {
  return minutes === null ? null : now + minutes * 60_000;
}

export function describeScope(target: MaintenanceScope): string {
  return target.scope === 'global' ? 'global' : `${target.scope}:${target.id}`;
}

/**
 * A device is covered when its own window, its tower's window or the global window is open.
 * Covered devices are still probed (the operator sees them come back) but raise no alarm, send no
 * notification and are left out of availability.
 */
export function coversDevice(
  device: MaintenanceWindow & { towerId: number | null },
  towerWindow: (towerId: number) => MaintenanceWindow | undefined,
  globalActive: boolean,
  now: number,
): boolean {
  if (globalActive || isUnderMaintenance(device, now)) return true;
  return device.towerId !== null && isUnderMaintenance(towerWindow(device.towerId), now);
}
