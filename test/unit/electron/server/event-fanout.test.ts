import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import type { DeviceStatus } from '../../../../shared/contract/entities';
import type { VigiaEvent } from '../../../../shared/contract/events';
import type { Engine } from '../../../../electron/engine/engine';
import { EventFanout } from '../../../../electron/server/event-fanout';
import { deviceStatus } from '../../../helpers/device-status';

/** The engine's side: events pushed at will. */
function engineStandIn() {
  const listeners = new Set<(event: VigiaEvent) => void>();
  const engine: Engine = {
    call: () => Promise.reject(new Error('no calls here')),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop: async () => undefined,
  };
  return { engine, publish: (event: VigiaEvent) => listeners.forEach((listener) => listener(event)) };
}

/** What the fan-out uses of a ws client: its state, its queue and send; `sent` keeps the texts. */
class Browser extends EventEmitter {
  readonly OPEN = 1;
  readyState = 1;
  bufferedAmount = 0;
  readonly sent: string[] = [];
  send(text: string): void {
    this.sent.push(text);
  }
}

const status = (deviceId: number): DeviceStatus => deviceStatus(deviceId, 'down', 1);
const limits = { maxBufferedBytes: 1024 * 1024, heartbeatMs: 600_000 };
const nextTick = () => new Promise<void>((resolve) => process.nextTick(resolve));

describe('event fan-out to browsers', () => {
  it('sends every event to every browser in order, a status burst in slices of 1,000', () => {
    const { engine, publish } = engineStandIn();
    const fanout = new EventFanout(engine, limits);
    const browsers = [new Browser(), new Browser()];
    for (const browser of browsers) fanout.add(browser as unknown as WebSocket, new PassThrough());
    publish({ type: 'device.deleted', id: 7 });
    publish({
      type: 'status.changed',
      at: 5,
      statuses: Array.from({ length: 2_500 }, (_, i) => status(i + 1)),
    });
    for (const browser of browsers) {
      const events = browser.sent.map((text) => (JSON.parse(text) as { event: VigiaEvent }).event);
      expect(
        events.map((event) => (event.type === 'status.changed' ? event.statuses.length : event.type)),
      ).toEqual(['device.deleted', 1_000, 1_000, 500]);
      expect(
        events.slice(1).map((event) => event.type === 'status.changed' && event.statuses[0]!.deviceId),
      ).toEqual([1, 1_001, 2_001]);
    }
    fanout.close();
  });

  it('keeps each socket corked until the end of the tick, so a burst leaves in one write', async () => {
    const { engine, publish } = engineStandIn();
    const fanout = new EventFanout(engine, limits);
    const socket = new PassThrough();
    fanout.add(new Browser() as unknown as WebSocket, socket);
    for (let id = 1; id <= 250; id++) publish({ type: 'device.deleted', id });
    expect(socket.writableCorked).toBe(1);
    await nextTick();
    expect(socket.writableCorked).toBe(0);
    fanout.close();
  });

  it('stops sending to a browser once it has closed, and to all once closed itself', () => {
    const { engine, publish } = engineStandIn();
    const fanout = new EventFanout(engine, limits);
    const leaving = new Browser();
    const staying = new Browser();
    fanout.add(leaving as unknown as WebSocket, new PassThrough());
    fanout.add(staying as unknown as WebSocket, new PassThrough());
    leaving.emit('close');
    publish({ type: 'device.deleted', id: 1 });
    expect([leaving.sent.length, staying.sent.length]).toEqual([0, 1]);
    fanout.close();
    publish({ type: 'device.deleted', id: 2 });
    expect(staying.sent.length).toBe(1);
  });
});
