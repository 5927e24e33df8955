import { describe, expect, it } from 'vitest';
import type { TrapNotice, TrapReceiverStats } from '../../../../../shared/contract/traps-worker';
import { TrapService } from '../../../../../electron/engine/traps/trap-service';
import { MemoryAlarmPort } from '../../../../helpers/memory-alarm-port';

const coldStart = (deviceId: number): TrapNotice => ({
  at: 1_000,
  address: `127.0.0.${deviceId}`,
  deviceId,
  version: '2c',
  kind: 'trap',
  trapOid: '1.3.6.1.6.3.1.1.5.1',
  varbinds: [],
});

const receiver: TrapReceiverStats = {
  listening: true,
  error: null,
  port: 1162,
  received: 2,
  accepted: 2,
  unknownSource: 0,
  badCommunity: 0,
  badCredentials: 0,
  malformed: 0,
  rateLimited: 0,
  cpuS: 0,
  rssMb: 0,
};

describe('traps on an instance that leads some poller groups', () => {
  it("acts on the traps of its groups' devices and counts the others as another instance's", async () => {
    const alarms = new MemoryAlarmPort();
    const polled: number[] = [];
    const service = new TrapService({
      alarms,
      links: { onLinkTraps: async () => undefined, pollSoon: (id) => polled.push(id) },
      isSuppressed: () => false,
      // Device 1 is in a group led here, device 2 in one another instance leads.
      handles: (deviceId) => deviceId === 1,
    });
    await service.handle([coldStart(1), coldStart(2)]);
    expect(Object.keys(alarms.ofDevice(1))).toEqual(['agent_restarted']);
    expect(alarms.ofDevice(2)).toEqual({});
    expect(polled).toEqual([1]);
    expect(service.counts(receiver)).toMatchObject({ mapped: 1, logged: 0, elsewhere: 1 });
  });
});
