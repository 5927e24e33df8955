import { describe, expect, it } from 'vitest';
import { storeDialects } from '../helpers/store-dialects';

const stores = storeDialects('chart-samples');

const T0 = Date.UTC(2026, 10, 29, 12, 0);

describe.each(stores)('a device chart reads its raw samples on $name', ({ open }) => {
  it('reads at most the newest samples asked for, oldest first, and only that device’s', async () => {
    const repo = await open();
    try {
      const [a, b] = await Promise.all([
        repo.devices.create({ name: 'A', host: '127.0.0.1', kind: 'router' }),
        repo.devices.create({ name: 'B', host: '127.0.0.2', kind: 'router' }),
      ]);
      await repo.ping.insertSamples(
        [a!, b!].flatMap((device) =>
          Array.from({ length: 30 }, (_, i) => ({
            deviceId: device.id,
            at: T0 + i * 10_000,
            rttMs: i + 1,
            minMs: i + 1,
            maxMs: i + 1,
            jitterMs: null,
            lossPct: 0,
            state: 'up' as const,
          })),
        ),
      );
      const newest = await repo.ping.samples(a!.id, T0, T0 + 3_600_000, 10);
      expect(newest.map((sample) => [sample.deviceId, sample.at - T0, sample.rttMs])).toEqual(
        Array.from({ length: 10 }, (_, i) => [a!.id, (20 + i) * 10_000, 21 + i]),
      );
      expect(await repo.ping.samples(a!.id, T0, T0 + 3_600_000)).toHaveLength(30);
    } finally {
      await repo.close();
    }
  }, 120_000);
});
