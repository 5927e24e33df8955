import { describe, expect, it } from 'vitest';
import type { Alarm } from '../../../../../shared/contract/entities';
import { NotificationHold, type AlarmNotice } from '../../../../../shared/domain/notify/hold';
import { anAlarm } from '../../../../helpers/alarms';

let nextId = 1;
function alarm(partial: Partial<Alarm> & Pick<Alarm, 'source' | 'type'>): Alarm {
  return anAlarm({ id: nextId++, severity: 'major', ...partial });
}

const down = (device: string, cause: string | null = 'monitor:mass-outage', raisedAt = 1_000) =>
  alarm({
    source: 'icmp',
    type: 'device_down',
    params: cause ? { device, cause } : { device },
    raisedAt,
  });
const massOutage = () =>
  alarm({ source: 'monitor', type: 'mass-outage', severity: 'critical', params: { count: 3, share: 100 } });
const uplink = (raisedAt = 1_000) =>
  alarm({
    source: 'monitor',
    type: 'uplink-down',
    severity: 'critical',
    params: { failing: 'DNS' },
    raisedAt,
  });

const raised = (a: Alarm): AlarmNotice => ({ kind: 'raised', alarm: a });
const cleared = (a: Alarm): AlarmNotice => ({ kind: 'cleared', alarm: a });
const ids = (notices: AlarmNotice[]) => notices.map((n) => `${n.kind}#${n.alarm.id}`);

describe('holding the notifications of an outage’s symptoms', () => {
  it('a mass outage: its devices held, one notification, then one summary and the ones still down', () => {
    const hold = new NotificationHold();
    const [a, b, c] = [down('A'), down('B'), down('C')];
    const cause = massOutage();
    // This cycle: three devices down marked with the mass outage, and the mass outage itself.
    expect([a, b, c].flatMap((x) => hold.admit(raised(x)))).toEqual([]);
    expect(hold.admit(raised(cause))).toEqual([raised(cause)]);
    // The next: A and B came back (their recoveries are in the summary), C is still down.
    expect(hold.admit(cleared(a))).toEqual([]);
    expect(hold.admit(cleared(b))).toEqual([]);
    const released = hold.admit(cleared({ ...cause, clearedAt: 61_000 }));
    expect(ids(released)).toEqual([`cleared#${cause.id}`, `raised#${c.id}`]);
    expect(released[0]!.alarm.params).toEqual({
      count: 3,
      share: 100,
      returned: 2,
      stillDown: 1,
      stillDownNames: 'C',
    });
    // C is an ordinary alarm now: its recovery is notified.
    const ordinary = { ...c, params: { device: 'C' } };
    hold.updated(ordinary);
    expect(hold.admit(cleared(ordinary))).toEqual([cleared(ordinary)]);
  });

  it('alarms without a cause, and other sources, pass through', () => {
    const hold = new NotificationHold();
    const plain = down('X', null);
    const backup = alarm({ source: 'backup', type: 'backup_failed' });
    expect(hold.admit(raised(plain))).toEqual([raised(plain)]);
    expect(hold.admit(raised(backup))).toEqual([raised(backup)]);
    expect(hold.admit(cleared(plain))).toEqual([cleared(plain)]);
  });

  it('the uplink down: outage alarms raised meanwhile are its symptoms, older ones and SNMP are not', () => {
    const hold = new NotificationHold();
    const before = down('Old', null, 500);
    hold.admit(raised(before));
    const cause = uplink(1_000);
    expect(hold.admit(raised(cause))).toEqual([raised(cause)]);
    const symptom = down('New', null, 1_200);
    const snmp = alarm({ source: 'snmp', type: 'if_errors', raisedAt: 1_300 });
    expect(hold.admit(raised(symptom))).toEqual([]);
    expect(hold.admit(raised(snmp))).toEqual([raised(snmp)]);
    expect(hold.isHeld(symptom, 'raised')).toBe(true);
    expect(hold.admit(cleared(before))).toEqual([cleared(before)]);
    const released = hold.admit(cleared(cause));
    expect(ids(released)).toEqual([`cleared#${cause.id}`, `raised#${symptom.id}`]);
    expect(released[0]!.alarm.params).toMatchObject({ returned: 0, stillDown: 1, stillDownNames: 'New' });
  });

  it('a mass outage during the uplink down is one of its symptoms, and so are its devices', () => {
    const hold = new NotificationHold();
    const up = uplink(1_000);
    hold.admit(raised(up));
    const [a, b] = [down('A', 'monitor:mass-outage', 2_000), down('B', 'monitor:mass-outage', 2_000)];
    const cause = { ...massOutage(), raisedAt: 2_000 };
    expect([a, b, cause].flatMap((x) => hold.admit(raised(x)))).toEqual([]);
    // The mass outage ends with B still down: nothing is sent while the uplink is down.
    hold.admit(cleared(a));
    expect(hold.admit(cleared(cause))).toEqual([]);
    // The uplink returns: one summary (the mass outage came back, B is still down), then B.
    const released = hold.admit(cleared(up));
    expect(ids(released)).toEqual([`cleared#${up.id}`, `raised#${b.id}`]);
    expect(released[0]!.alarm.params).toMatchObject({ returned: 1, stillDown: 1, stillDownNames: 'B' });
  });

  it('after a restart, the open alarms are held again and released in the end', () => {
    const hold = new NotificationHold();
    const cause = massOutage();
    const [a, b] = [down('A'), down('B')];
    hold.restore([a, b, cause]);
    expect(hold.isHeld(a, 'raised')).toBe(true);
    expect(hold.isHeld(cause, 'raised')).toBe(false);
    expect(hold.admit(cleared(a))).toEqual([]);
    expect(ids(hold.admit(cleared(cause)))).toEqual([`cleared#${cause.id}`, `raised#${b.id}`]);
  });

  it('lists ten names in a summary and counts the rest', () => {
    const hold = new NotificationHold();
    const devices = Array.from({ length: 12 }, (_, i) => down(`D${i}`));
    const cause = massOutage();
    for (const d of [...devices, cause]) hold.admit(raised(d));
    const [summary] = hold.admit(cleared(cause));
    expect(summary!.alarm.params.stillDownNames).toBe('D0, D1, D2, D3, D4, D5, D6, D7, D8, D9, …');
  });
});
