import { describe, expect, it } from 'vitest';
import { chunksFor, writeInSlices, Writer } from '../../../../../electron/engine/store/writer';

describe('the one writer', () => {
  it('runs writes one after another, in order, a failure not stopping the next', async () => {
    const writer = new Writer();
    const order: string[] = [];
    const slow = writer.run(async () => {
      await new Promise((done) => setTimeout(done, 5));
      order.push('slow');
    });
    const failing = writer.run(async () => {
      order.push('failing');
      throw new Error('disk full');
    });
    const last = writer.run(async () => {
      order.push('last');
      return 42;
    });
    await slow;
    await expect(failing).rejects.toThrow('disk full');
    expect(await last).toBe(42);
    expect(order).toEqual(['slow', 'failing', 'last']);
  });

  it("runs a 'first' write as soon as the one in progress ends, ahead of the queued ones, in order among its own", async () => {
    const writer = new Writer();
    const order: string[] = [];
    let started!: () => void;
    const inProgress = new Promise<void>((resolve) => (started = resolve));
    const write = (name: string, lane?: 'first') =>
      writer.run(async () => {
        if (name === 'running') started();
        await new Promise((done) => setTimeout(done, 1));
        order.push(name);
      }, lane);
    const all = [write('running')];
    await inProgress;
    all.push(
      write('queued 1'),
      write('queued 2'),
      write('sent-mark 1', 'first'),
      write('sent-mark 2', 'first'),
    );
    await Promise.all(all);
    expect(order).toEqual(['running', 'sent-mark 1', 'sent-mark 2', 'queued 1', 'queued 2']);
    expect(writer.pending).toBe(0);
  });

  it('gives the event loop a turn once writes have run back to back for a slice', async () => {
    let clock = 0;
    const writer = new Writer(() => clock);
    let otherWorkRan = false;
    setImmediate(() => (otherWorkRan = true));
    // Synchronous writes (SQLite's driver) chained by promises alone: without a turn the other
    // work could not run until the whole chain ended.
    const ranDuring: boolean[] = [];
    for (let i = 0; i < 12; i++)
      await writer.run(async () => {
        clock += 1;
        ranDuring.push(otherWorkRan);
      });
    expect(ranDuring).toEqual([...Array<boolean>(8).fill(false), ...Array<boolean>(4).fill(true)]);
  });
});

describe('chunks of rows for one statement', () => {
  it('respects both the parameter limit and a row limit', () => {
    const rows = Array.from({ length: 1_000 }, (_, i) => i);
    expect(chunksFor(rows, 10, 3_000).map((chunk) => chunk.length)).toEqual([300, 300, 300, 100]);
    expect(chunksFor(rows, 10, 3_000, 250).map((chunk) => chunk.length)).toEqual([250, 250, 250, 250]);
  });
});

describe('writes in slices', () => {
  it('writes every row in order, slice by slice, with a turn of the event loop between slices', async () => {
    const rows = Array.from({ length: 2_500 }, (_, i) => i);
    const log: string[] = [];
    let turns = 0;
    const tick = () => {
      turns++;
      if (turns < 100) setImmediate(tick);
    };
    setImmediate(tick);
    await writeInSlices(rows, 1_000, async (slice) => {
      log.push(`${slice[0]}..${slice.at(-1)} after ${turns} turns`);
    });
    expect(log).toEqual(['0..999 after 0 turns', '1000..1999 after 1 turns', '2000..2499 after 2 turns']);
  });

  it('stops at the first slice that fails, leaving the rest unwritten', async () => {
    const written: number[][] = [];
    const failing = writeInSlices([1, 2, 3, 4, 5], 2, async (slice) => {
      if (slice[0] === 3) throw new Error('disk full');
      written.push(slice);
    });
    await expect(failing).rejects.toThrow('disk full');
    expect(written).toEqual([[1, 2]]);
  });
});
