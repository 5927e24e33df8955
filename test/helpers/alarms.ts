import type { NewAlarm, Repository } from '../../electron/engine/store/repository';
import type { Alarm } from '../../shared/contract/entities';

/** An open alarm as the store returns it: an ICMP "device down" raised at 1,000 unless overridden. */
export function anAlarm(fields: Partial<Alarm> & Pick<Alarm, 'id'>): Alarm {
  return {
    source: 'icmp',
    deviceId: null,
    towerId: null,
    ref: null,
    type: 'device_down',
    severity: 'critical',
    state: 'active',
    params: {},
    affected: 1,
    raisedAt: 1_000,
    acknowledgedAt: null,
    acknowledgedBy: null,
    clearedAt: null,
    clearedBy: null,
    note: null,
    ...fields,
  };
}

/** An open ICMP "device down" alarm of device `deviceId` named `device`, with any field overridden. */
export function deviceDownAlarm(id: number, device: string, overrides: Partial<Alarm> = {}): Alarm {
  return anAlarm({
    id,
    deviceId: id * 10,
    params: { device },
    raisedAt: 1_700_000_000_000,
    ...overrides,
  });
}

/** Opens one alarm straight in the store (as a source would), an ICMP "device down" by default. */
export async function storeAlarm(
  repo: Repository,
  alarm: Partial<NewAlarm> & { deviceId: number },
): Promise<Alarm> {
  const [raised] = await repo.alarms.raiseMany([
    {
      source: 'icmp',
      towerId: null,
      ref: null,
      type: 'device_down',
      severity: 'critical',
      params: {},
      affected: 1,
      raisedAt: Date.now(),
      ...alarm,
    },
  ]);
  if (!raised) throw new Error(`an alarm of this subject is already open: ${JSON.stringify(alarm)}`);
  return raised;
}

/** Clears one open alarm straight in the store, as its source would. */
export async function clearStoredAlarm(repo: Repository, id: number, at = Date.now()): Promise<Alarm> {
  const [cleared] = await repo.alarms.clearMany([id], at, null);
  if (!cleared) throw new Error(`alarm ${id} is not open`);
  return cleared;
}
