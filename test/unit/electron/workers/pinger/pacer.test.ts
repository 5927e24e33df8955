import { describe, expect, it } from 'vitest';
import { nowMs } from '../../../../../electron/workers/pinger/clock';
import { Pacer } from '../../../../../electron/workers/pinger/pacer';
import { TokenBucket } from '../../../../../electron/workers/pinger/token-bucket';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** 300 probes in one lane, a budget far above them: only the burst limit paces them. */
function generousPacer() {
  const sent: number[] = [];
  const probes = Int32Array.from({ length: 300 }, (_, i) => i);
  const pacer = new Pacer(
    [{ probes, next: 0, bucket: null }],
    new TokenBucket(1_000_000, nowMs()),
    probes.length,
    200,
    (probe) => sent.push(probe),
    () => true,
  );
  return { sent, probes, pacer };
}

describe('pacer', () => {
  it('with a budget to spare, sends a burst of 128 per turn of the event loop, all in order', async () => {
    const { sent, probes, pacer } = generousPacer();
    pacer.start();
    // The replies to a burst are read before the next one leaves.
    expect(sent).toHaveLength(128);
    await nextTurn();
    expect(sent).toHaveLength(256);
    await nextTurn();
    expect(sent).toEqual([...probes]);
    pacer.stop();
  });

  it('sends nothing more once stopped between bursts', async () => {
    const { sent, pacer } = generousPacer();
    pacer.start();
    pacer.stop();
    await nextTurn();
    await nextTurn();
    expect(sent).toHaveLength(128);
  });
});
