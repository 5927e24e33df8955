import { describe, expect, it } from 'vitest';
import { HostTable } from '../../../../../electron/workers/pinger/host-table';
import { InFlight } from '../../../../../electron/workers/pinger/in-flight';
import {
  answerReply,
  ProbeBatch,
  type BatchContext,
} from '../../../../../electron/workers/pinger/probe-batch';
import { canonicalAddress, ProbeKeys } from '../../../../../electron/workers/pinger/probe-keys';

// The batch's bookkeeping without a socket: "sending" hands each packet straight back as sent, and
// replies are fed by hand, as the receive path would.
function batchOf(addresses: Array<[string, 4 | 6]>) {
  const table = new HostTable(
    addresses.map(([address, family], id) => ({
      target: { id: id + 1, host: address, towerId: null },
      address,
      family,
    })),
    1,
  );
  const keys: number[] = [];
  const drawer = new ProbeKeys();
  const context: BatchContext = {
    inFlight: new InFlight(),
    newKey: () => drawer.draw((key) => context.inFlight.has(key)),
    send(packets, offset, _family, _address, batch, probe) {
      keys[probe] = packets.readUInt32BE(offset + 4);
      batch.sending(probe);
      batch.sent(probe, null);
    },
  };
  const members = Int32Array.from(addresses.map((_, i) => i));
  const batch = new ProbeBatch(table, members, 1, 0, 60_000, context);
  for (let probe = 0; probe < batch.total; probe++) batch.launch(probe);
  return { batch, table, keys, context };
}

describe('ICMP probe keys and replies', () => {
  it('give every probe an unpredictable key, not the previous one plus one', () => {
    const { keys } = batchOf(
      Array.from({ length: 200 }, (_, i): [string, 4] => [`10.0.${i >> 8}.${i & 255}`, 4]),
    );
    expect(new Set(keys).size).toBe(200);
    const steps = new Set(keys.slice(1).map((key, i) => (key - keys[i]!) >>> 0));
    expect(steps.size).toBeGreaterThan(190);
  });

  it('count an IPv6 reply only from the probed address, in whatever spelling', async () => {
    const { batch, table, keys, context } = batchOf([
      ['2001:db8::1', 6],
      ['10.0.0.1', 4],
    ]);
    const reply = (key: number, source: string) => answerReply(context.inFlight, key, source);
    reply(keys[0]!, '2001:db8::66');
    reply(keys[1]!, '10.0.0.99');
    reply((keys[0]! + 1) >>> 0, '2001:db8::1');
    expect(context.inFlight.size).toBe(2);
    reply(keys[0]!, '2001:DB8:0:0:0:0:0:1');
    reply(keys[1]!, '10.0.0.1');
    await batch.done;
    expect(context.inFlight.size).toBe(0);
    expect(table.result(0)).toMatchObject({ id: 1, sent: 1, received: 1 });
    expect(table.result(1)).toMatchObject({ id: 2, sent: 1, received: 1 });
  });

  it('spell addresses one way', () => {
    expect(canonicalAddress('2001:0DB8:0000::0001')).toBe('2001:db8::1');
    expect(canonicalAddress('fe80::1%eth0')).toBe('fe80::1');
    expect(canonicalAddress('10.0.0.1')).toBe('10.0.0.1');
  });

  it('never hand out a key that is taken', () => {
    const drawer = new ProbeKeys();
    const taken = new Set<number>();
    for (let i = 0; i < 10_000; i++) taken.add(drawer.draw((key) => taken.has(key)));
    expect(taken.size).toBe(10_000);
  });
});
