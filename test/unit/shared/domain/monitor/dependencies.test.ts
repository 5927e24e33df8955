import { describe, expect, it } from 'vitest';
import {
  DependencyCycleError,
  assertNoCycle,
  findParentCycle,
  findSectorProblems,
  resolveOutages,
  type TopologyDevice,
} from '../../../../../shared/domain/monitor/dependencies';

const parents = new Map<number, number | null>([
  [1, null],
  [2, 1],
  [3, 2],
  [4, 3],
  [5, null],
]);
const parentOf = (id: number) => parents.get(id);

describe('parent cycles', () => {
  it.each([
    ['itself', 1, 1, [1, 1]],
    ['its child', 1, 2, [1, 2, 1]],
    ['a deep dependant', 2, 4, [2, 4, 3, 2]],
    ['an unrelated device', 4, 5, null],
    ['no parent', 3, null, null],
    ['its current parent again', 3, 2, null],
  ])('device depending on %s', (_name, device, parent, cycle) => {
    expect(findParentCycle(parentOf, device, parent)).toEqual(cycle);
  });

  it('explains a rejected assignment with names', () => {
    const names = new Map([
      [1, 'Backhaul'],
      [2, 'Switch'],
    ]);
    expect(() => assertNoCycle(parentOf, 1, 2, (id) => names.get(id) ?? '?')).toThrow(DependencyCycleError);
    expect(() => assertNoCycle(parentOf, 1, 2, (id) => names.get(id) ?? '?')).toThrow(
      /Backhaul → Switch → Backhaul/,
    );
    expect(() => assertNoCycle(parentOf, 4, 5)).not.toThrow();
  });

  it('terminates on a cycle already stored that does not involve the device', () => {
    const looped = new Map<number, number | null>([
      [7, 8],
      [8, 7],
    ]);
    expect(findParentCycle((id) => looped.get(id), 9, 7)).toBeNull();
  });
});

const d = (id: number, towerId: number | null, parentId: number | null = null): TopologyDevice => ({
  id,
  towerId,
  parentId,
});

describe('root causes', () => {
  // Tower 1: uplink 10 with 11, 12 below it (12 has 13 below). Tower 2: uplink 20 fed from 12
  // across the backhaul, 21 below it. Tower 3: two uplinks 30 and 31.
  const topology = [
    d(10, 1),
    d(11, 1, 10),
    d(12, 1, 10),
    d(13, 1, 12),
    d(20, 2, 12),
    d(21, 2, 20),
    d(30, 3),
    d(31, 3),
    d(40, null),
    d(41, null, 40),
  ];
  const cases: [string, number[], Record<string, number>, number[]][] = [
    ['nothing failed', [], {}, []],
    ['a lone device', [11], { 'device:11': 1 }, []],
    ['a parent with its subtree', [12, 13], { 'device:12': 2 }, []],
    ['a parent explains the next tower too', [12, 13, 20, 21], { 'device:12': 4 }, [2]],
    ['a whole tower (its uplink down)', [10, 11, 12, 13], { 'tower:1': 4 }, [1]],
    ['a whole tower and everything fed from it', [10, 11, 12, 13, 20, 21], { 'tower:1': 6 }, [1, 2]],
    ['one of two uplinks is just a device', [30], { 'device:30': 1 }, []],
    ['both uplinks: the tower', [30, 31], { 'tower:3': 2 }, [3]],
    ['no tower: parent and child', [40, 41], { 'device:40': 2 }, []],
    ['a child failing under a working parent', [41], { 'device:41': 1 }, []],
  ];
  it.each(cases)('%s', (_name, failedIds, affected, downTowers) => {
    const failed = new Set(failedIds);
    const picture = resolveOutages(topology, (id) => failed.has(id));
    expect(Object.fromEntries(picture.affected)).toEqual(affected);
    expect([...picture.downTowers].sort()).toEqual(downTowers);
    expect(picture.rootOf.size).toBe(failedIds.length);
  });

  it('survives a stored parent cycle', () => {
    const picture = resolveOutages([d(1, null, 2), d(2, null, 1)], () => true);
    expect([...picture.affected.values()].reduce((a, b) => a + b, 0)).toBe(2);
  });
});

describe('sector problems', () => {
  const ten = Array.from({ length: 10 }, (_, i) => d(i + 1, 5));
  const rule = { sectorFailPct: 50, sectorMinDevices: 4 };
  const sectors = (failedIds: number[], devices = ten, watched = (_id: number) => true) => {
    const failed = new Set(failedIds);
    return findSectorProblems(
      devices,
      watched,
      resolveOutages(devices, (id) => failed.has(id)),
      rule,
    );
  };
  it.each([
    ['half failing on their own', [1, 2, 3, 4, 5], 1],
    ['under half', [1, 2, 3, 4], 0],
    ['all of them: the tower is down, not a sector', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0],
  ])('%s', (_name, failedIds, count) => expect(sectors(failedIds)).toHaveLength(count));

  it('one parent with many children is a root cause, not a sector problem', () => {
    const tree = [d(1, 5), d(2, 5), d(3, 5, 2), d(4, 5, 2), d(5, 5, 2)];
    expect(sectors([2, 3, 4, 5], tree)).toHaveLength(0);
  });

  it('counts only watched devices and skips small towers', () => {
    expect(sectors([1, 2, 3, 4, 5], ten, (id) => id <= 3)).toHaveLength(0);
    expect(sectors([1, 2], ten.slice(0, 3))).toHaveLength(0);
  });

  it('reports counts and the roots it stands for', () => {
    expect(sectors([2, 4, 6, 8, 10, 1])[0]).toEqual({
      towerId: 5,
      failed: 6,
      total: 10,
      roots: [1, 2, 4, 6, 8, 10],
    });
  });
});
