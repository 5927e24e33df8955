import { describe, expect, it } from 'vitest';
import { defaultMonitorConfig, resolveMonitorConfig } from '../../../../../shared/domain/monitor/config';

describe('monitor config', () => {
  it('merges nested groups over the defaults', () => {
    const config = resolveMonitorConfig({ downAfter: 3, interval: { stableMs: 120_000 } });
    expect(config.downAfter).toBe(3);
    expect(config.interval).toEqual({ ...defaultMonitorConfig.interval, stableMs: 120_000 });
  });
  it.each([{ downAfter: 0 }, { anomaly: { warmup: 100 } }, { sectorFailPct: 0 }])('rejects %o', (input) => {
    expect(() => resolveMonitorConfig(input)).toThrow(/invalid monitor config/);
  });
});
