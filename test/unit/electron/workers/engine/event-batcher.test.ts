import { describe, expect, it } from 'vitest';
import type { VigiaEvent } from '../../../../../shared/contract/events';
import { EventBatcher, MESSAGES_AHEAD } from '../../../../../electron/workers/engine/event-batcher';
import { storedDevice as device } from '../../../../helpers/devices';

const deleted = (id: number): VigiaEvent => ({ type: 'device.deleted', id });
const burst = (count: number): VigiaEvent => ({
  type: 'status.changed',
  at: 7,
  statuses: Array.from({ length: count }, (_, i) => ({
    deviceId: i + 1,
    state: 'down' as const,
    since: 7,
    lastCheck: 7,
    rttMs: null,
    lossPct: 100,
    cause: null,
  })),
});
/** The shapes of `count` full messages of events. */
const hundreds = (count: number) => Array.from({ length: count }, () => 'events:100');
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
const shape = (batch: VigiaEvent[]) => {
  const first = batch[0]!;
  if (first.type === 'status.changed') return `statuses:${first.statuses.length}`;
  if (first.type === 'devices.upserted') return `devices:${first.devices.length}`;
  return `events:${batch.length}`;
};

describe('the engine’s event batches', () => {
  it('sends messages of 100, a slice of statuses alone, in order, no more than 4 ahead of what the host read', async () => {
    const sent: VigiaEvent[][] = [];
    const batcher = new EventBatcher((batch) => sent.push(batch));
    for (let id = 1; id <= 600; id++) batcher.push(deleted(id));
    batcher.push(burst(2_500));
    batcher.push(deleted(601));
    expect(sent).toEqual([]);
    await nextTurn();
    expect(sent).toHaveLength(MESSAGES_AHEAD);
    await nextTurn();
    expect(sent).toHaveLength(MESSAGES_AHEAD);
    batcher.read(2);
    await nextTurn();
    expect(sent).toHaveLength(6);
    batcher.read(6);
    await nextTurn();
    expect(sent.map(shape)).toEqual([
      ...hundreds(6),
      'statuses:1000',
      'statuses:1000',
      'statuses:500',
      'events:1',
    ]);
    expect(sent.flat().filter((event) => event.type === 'device.deleted')).toEqual(
      Array.from({ length: 601 }, (_, i) => deleted(i + 1)),
    );
  });

  it('sends a bulk write of devices in slices of its own, between the events around it', async () => {
    const sent: VigiaEvent[][] = [];
    const batcher = new EventBatcher((batch) => sent.push(batch));
    batcher.push(deleted(1));
    batcher.push({
      type: 'devices.upserted',
      devices: Array.from({ length: 400 }, (_, i) => device(i + 1)),
    });
    batcher.push(deleted(2));
    batcher.flush();
    expect(sent.map(shape)).toEqual(['events:1', 'devices:250', 'devices:150', 'events:1']);
  });

  it('flushes everything waiting at once, whatever the host has read, so a call’s answer follows its events', async () => {
    const sent: VigiaEvent[][] = [];
    const batcher = new EventBatcher((batch) => sent.push(batch));
    for (let id = 1; id <= 520; id++) batcher.push(deleted(id));
    batcher.flush();
    expect(sent.map(shape)).toEqual([...hundreds(5), 'events:20']);
    await nextTurn();
    expect(sent).toHaveLength(6);
  });
});
