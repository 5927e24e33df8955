import { describe, expect, it } from 'vitest';
import {
  initialQuality,
  initialReachability,
  isPoorQuality,
  stepQuality,
  stepReachability,
  type Health,
} from '../../../../../shared/domain/monitor/reachability';

const rule = { downAfter: 2, upAfter: 2 };
const run = (checks: string, r = rule): Health[] => {
  let state = initialReachability;
  return [...checks].map((c) => (state = stepReachability(state, c === '+', r)).health);
};

describe('reachability hysteresis', () => {
  it.each([
    ['first answer is up', '+', ['up']],
    ['one failure is noise', '+-+', ['up', 'up', 'up']],
    ['N failures in a row are down', '+--', ['up', 'up', 'down']],
    ['down needs M answers to be up again', '+--+-++', ['up', 'up', 'down', 'down', 'down', 'down', 'up']],
    ['never answered: unknown until N failures', '--', ['unknown', 'down']],
  ])('%s', (_name, checks, expected) => {
    expect(run(checks)).toEqual(expected);
  });

  it('honours other N and M', () => {
    expect(run('+---++++', { downAfter: 3, upAfter: 3 })).toEqual([
      'up',
      'up',
      'up',
      'down',
      'down',
      'down',
      'up',
      'up',
    ]);
  });
});

describe('degraded quality', () => {
  const limits = { degradedLossPct: 20, degradedRttMs: 250 };
  it.each([
    [{ lossPct: 0, avgMs: 10 }, false],
    [{ lossPct: 33, avgMs: 10 }, true],
    [{ lossPct: 0, avgMs: 300 }, true],
    [{ lossPct: 0, avgMs: null }, false],
  ])('%o poor: %s', (check, poor) => expect(isPoorQuality(check, limits)).toBe(poor));

  it('needs N poor checks to degrade and M good ones to recover; no reply changes nothing', () => {
    let q = initialQuality;
    const seen = [true, true, null, false, true, false, false].map(
      (poor) => (q = stepQuality(q, poor, rule)).degraded,
    );
    expect(seen).toEqual([false, true, true, true, true, true, false]);
  });
});
