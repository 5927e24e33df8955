import { describe, expect, it } from 'vitest';
import { WriteBehind } from '../../../../../electron/engine/store/write-behind';

/** A write the test lets land (or fail) when it chooses. */
function gate<T>() {
  let open!: (value: T) => void;
  let fail!: (error: unknown) => void;
  const promise = new Promise<T>((resolve, reject) => ((open = resolve), (fail = reject)));
  return { promise, open, fail };
}

describe('write-behind', () => {
  it('hands back a write that lands in time', async () => {
    const writes = new WriteBehind({ stallMs: 1_000 });
    expect(await writes.within(async () => 42)).toEqual({ landed: true, value: 42 });
    expect(writes.backlog()).toBe(0);
  });

  it('goes on without a stalled write, does not wait again while it stalls, and lands all in order', async () => {
    // A stall long enough that "did not wait for it" cannot be mistaken for a loaded machine's
    // slow turn of the event loop.
    const STALL_MS = 500;
    const writes = new WriteBehind({ stallMs: STALL_MS });
    const order: string[] = [];
    const first = gate<string>();
    const started = performance.now();
    const late = await writes.within(() => first.promise.then((value) => (order.push(value), value)));
    expect(late.landed).toBe(false);
    expect(performance.now() - started).toBeGreaterThanOrEqual(STALL_MS - 5);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(writes.stalled()).toBe(true);
    const again = performance.now();
    const second = await writes.within(async () => (order.push('second'), 'second'));
    expect(second.landed).toBe(false);
    expect(performance.now() - again).toBeLessThan(STALL_MS - 5);
    expect(writes.backlog()).toBe(2);
    first.open('first');
    await writes.drained();
    expect(order).toEqual(['first', 'second']);
    expect(await (late.landed ? null : late.later)).toBe('first');
    expect(writes.stalled()).toBe(false);
  });

  it('waits for a write as long as the store answers, and goes on without it once the store hangs or fails', async () => {
    let answering = true;
    const writes = new WriteBehind({ stallMs: 30, answering: () => answering });
    const slow = gate<string>();
    setTimeout(() => slow.open('busy but stored'), 150);
    expect(await writes.within(() => slow.promise)).toEqual({ landed: true, value: 'busy but stored' });

    const hung = gate<string>();
    setTimeout(() => (answering = false), 100);
    const started = performance.now();
    const late = await writes.within(() => hung.promise);
    expect(late.landed).toBe(false);
    expect(performance.now() - started).toBeGreaterThanOrEqual(95);
    hung.open('late');
    await writes.drained();

    answering = true;
    let attempts = 0;
    const failing = await writes.within(async () => {
      attempts += 1;
      if (attempts < 2) throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
      return 'stored';
    });
    expect(failing.landed).toBe(false);
    expect(await (failing.landed ? null : failing.later)).toBe('stored');
  });

  it('retries a failing write until the store takes it, and gives up at once on one that can never land', async () => {
    const errors: unknown[] = [];
    const writes = new WriteBehind({ stallMs: 10, onError: (error) => errors.push(error) });
    let attempts = 0;
    const landed = writes.push(async () => {
      attempts += 1;
      if (attempts < 3)
        throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
      return 'stored';
    });
    expect(await landed).toBe('stored');
    expect(attempts).toBe(3);
    expect(errors).toHaveLength(2);
    const refused = writes.push(async () => {
      throw Object.assign(new Error('duplicate key'), { code: '23505' });
    });
    await expect(refused).rejects.toThrow('duplicate key');
    expect(errors).toHaveLength(2);
  });
});
