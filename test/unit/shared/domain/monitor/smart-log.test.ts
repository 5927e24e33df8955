import { describe, expect, it } from 'vitest';
import { defaultMonitorConfig } from '../../../../../shared/domain/monitor/config';
import { shouldLogSample } from '../../../../../shared/domain/monitor/smart-log';

describe('smart logging', () => {
  const rule = defaultMonitorConfig.smartLog;
  const at = 1_000_000;
  it.each([
    ['first sample', null, { at, state: 'up', rttMs: 10 }, true],
    ['nothing new', { at, state: 'up', rttMs: 10 }, { at: at + 30_000, state: 'up', rttMs: 12 }, false],
    ['state change', { at, state: 'up', rttMs: 10 }, { at: at + 30_000, state: 'down', rttMs: null }, true],
    ['big jump', { at, state: 'up', rttMs: 10 }, { at: at + 30_000, state: 'up', rttMs: 40 }, true],
    [
      '20 ms but under 50 %',
      { at, state: 'up', rttMs: 200 },
      { at: at + 30_000, state: 'up', rttMs: 225 },
      false,
    ],
    [
      '50 % but under 20 ms',
      { at, state: 'up', rttMs: 2 },
      { at: at + 30_000, state: 'up', rttMs: 4 },
      false,
    ],
    ['10 minutes passed', { at, state: 'up', rttMs: 10 }, { at: at + 600_000, state: 'up', rttMs: 10 }, true],
    ['reply vanished', { at, state: 'up', rttMs: 10 }, { at: at + 30_000, state: 'up', rttMs: null }, true],
  ] as const)('%s', (_name, last, current, expected) => {
    expect(shouldLogSample(last, current, rule)).toBe(expected);
  });
});
