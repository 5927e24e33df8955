import { describe, expect, it } from 'vitest';
import { InFlight } from '../../../../../electron/workers/pinger/in-flight';

/** A small deterministic generator (xorshift32), so a failure replays the same way. */
function xorshift(seed: number): () => number {
  let state = seed;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return state >>> 0;
  };
}

describe('probes in flight by key', () => {
  it('finds, releases and removes exactly what a Map would, through growth and deletions', () => {
    const next = xorshift(20_261_130);
    const table = new InFlight<string>();
    const expected = new Map<number, { owner: string; probe: number }>();
    const keys: number[] = [];
    const wrong: string[] = [];
    /** A key in the table, taken out of `keys`. */
    const anyKey = () => {
      const at = next() % keys.length;
      const key = keys[at]!;
      keys[at] = keys[keys.length - 1]!;
      keys.pop();
      return key;
    };
    for (let step = 0; step < 60_000; step++) {
      const choice = next() % 10;
      if (choice < 6 || keys.length === 0) {
        const key = next();
        if (expected.has(key)) continue;
        const owner = key % 2 === 0 ? 'a' : 'b';
        table.add(key, owner, step);
        expected.set(key, { owner, probe: step });
        keys.push(key);
      } else if (choice < 8) {
        const key = anyKey();
        const entry = expected.get(key)!;
        // Released only by its own owner.
        if (table.release(key, entry.owner === 'a' ? 'b' : 'a')) wrong.push(`released by another: ${key}`);
        if (!table.release(key, entry.owner)) wrong.push(`not released: ${key}`);
        expected.delete(key);
      } else {
        const key = anyKey();
        const slot = table.find(key);
        const { owner, probe } = expected.get(key)!;
        if (table.owner(slot) !== owner || table.probe(slot) !== probe) wrong.push(`found wrong: ${key}`);
        table.removeAt(slot);
        expected.delete(key);
      }
      if (table.size !== expected.size) wrong.push(`size ${table.size} at step ${step}`);
    }
    expect(wrong).toEqual([]);
    for (const [key, { owner, probe }] of expected) {
      const slot = table.find(key);
      expect([table.owner(slot), table.probe(slot)]).toEqual([owner, probe]);
    }
    expect(table.find(next())).toBe(-1);
  });

  it('keeps keys that collide reachable when one before them leaves', () => {
    // Keys whose hashes land on the same slots of a fresh table: a chain that wraps around its end.
    const table = new InFlight<number>();
    const home = (key: number) => Math.imul(key, 0x9e3779b1) >>> 20;
    const last: number[] = [];
    for (let key = 1; last.length < 4; key++) if (home(key) === 4_095) last.push(key);
    last.forEach((key, i) => table.add(key, i, i));
    table.removeAt(table.find(last[0]!));
    table.release(last[2]!, 2);
    expect(table.has(last[0]!)).toBe(false);
    expect(table.probe(table.find(last[1]!))).toBe(1);
    expect(table.probe(table.find(last[3]!))).toBe(3);
    expect(table.size).toBe(2);
  });
});
