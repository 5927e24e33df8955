import { describe, expect, it } from 'vitest';
import { HostTable } from '../../../../../electron/workers/pinger/host-table';
import { SilentFirst } from '../../../../../electron/workers/pinger/silent-first';

/** Hosts 10.0.0.<id> for device ids 1..count, one echo slot each. */
function tableOf(ids: number[]): HostTable {
  return new HostTable(
    ids.map((id) => ({
      target: { id, host: `10.0.0.${id}`, towerId: null },
      address: `10.0.0.${id}`,
      family: 4,
    })),
    1,
  );
}

const all = (table: HostTable) => Int32Array.from(table.hosts.keys());
const idsOf = (table: HostTable, members: Int32Array) =>
  [...members].map((host) => table.hosts[host]!.target.id);

describe('silent targets first', () => {
  it('keeps the order while nothing was silent yet', () => {
    const table = tableOf([1, 2, 3]);
    const members = all(table);
    expect(new SilentFirst().order(table, members)).toBe(members);
  });

  it('sends the targets that answered nothing last time first, each group in its order', () => {
    const order = new SilentFirst();
    const first = tableOf([1, 2, 3, 4, 5]);
    for (const host of [0, 2, 4]) first.record(host, 0, 1.5);
    order.remember(first, all(first));

    const next = tableOf([5, 4, 3, 2, 1, 6]);
    expect(idsOf(next, order.order(next, all(next)))).toEqual([4, 2, 5, 3, 1, 6]);
  });

  it('learns from a run over some targets only about those', () => {
    const order = new SilentFirst();
    const cycle = tableOf([1, 2, 3]);
    order.remember(cycle, all(cycle));
    // A re-check of device 2 alone: it answers now; 1 and 3 stay silent.
    const recheck = tableOf([2]);
    recheck.record(0, 0, 0.8);
    order.remember(recheck, all(recheck));

    const next = tableOf([1, 2, 3]);
    expect(idsOf(next, order.order(next, all(next)))).toEqual([1, 3, 2]);
  });

  it('does not count a target that failed for another reason as silent', () => {
    const order = new SilentFirst();
    const before = tableOf([1, 2, 3]);
    order.remember(before, all(before));
    const table = tableOf([1, 2]);
    table.errors[0] = 'cannot send to 10.0.0.1: Network is unreachable';
    table.record(1, 0, 2);
    order.remember(table, all(table));

    const next = tableOf([2, 1, 3]);
    expect(idsOf(next, order.order(next, all(next)))).toEqual([3, 2, 1]);
  });
});
