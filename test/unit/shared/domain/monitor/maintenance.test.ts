import { describe, expect, it } from 'vitest';
import {
  coversDevice,
  isGlobalMaintenanceActive,
  isUnderMaintenance,
  maintenanceUntil,
} from '../../../../../shared/domain/monitor/maintenance';

const now = 1_000_000;
const open = (until: number | null) => ({ maintenanceUntil: until, maintenanceBy: 'ana' });
const none = { maintenanceUntil: null, maintenanceBy: null };

describe('maintenance windows', () => {
  it.each([
    ['no window', none, false],
    ['until a later time', open(now + 1), true],
    ['expired', open(now), false],
    ['until ended by hand', open(null), true],
  ])('%s', (_name, window, expected) => expect(isUnderMaintenance(window, now)).toBe(expected));

  it.each([
    ['own window', { ...open(null), towerId: null }, undefined, false, true],
    ['tower window', { ...none, towerId: 3 }, open(now + 5), false, true],
    ['tower window expired', { ...none, towerId: 3 }, open(now - 5), false, false],
    ['global', { ...none, towerId: null }, undefined, true, true],
    ['nothing', { ...none, towerId: 3 }, undefined, false, false],
  ])('covers a device by %s', (_name, device, tower, global, expected) => {
    expect(coversDevice(device, () => tower, global, now)).toBe(expected);
  });

  it('computes the end of a window and the global state', () => {
    expect(maintenanceUntil(now, 30)).toBe(now + 1_800_000);
    expect(maintenanceUntil(now, null)).toBeNull();
    expect(isGlobalMaintenanceActive(null, now)).toBe(false);
    expect(isGlobalMaintenanceActive({ until: null, by: 'x', reason: 'y', since: 0 }, now)).toBe(true);
    expect(isGlobalMaintenanceActive({ until: now - 1, by: 'x', reason: 'y', since: 0 }, now)).toBe(false);
  });
});
