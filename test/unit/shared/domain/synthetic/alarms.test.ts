import { describe, expect, it } from 'vitest';
import type { SyntheticCheck, SyntheticResult } from '../../../../../shared/contract/synthetic';
import { dueChecks, syntheticAlarms, targetOf } from '../../../../../shared/domain/synthetic/alarms';
import { renderAlarm } from '../../../../../shared/domain/alarms/render';

const result = (checkId: number, at: number, ok: boolean): SyntheticResult => ({
  checkId,
  at,
  ok,
  totalMs: 12,
  dnsMs: null,
  connectMs: 2,
  tlsMs: null,
  firstByteMs: 10,
  status: ok ? 200 : 503,
  error: ok ? null : 'unexpected_status',
  detail: ok ? null : '503',
});

const check = (id: number, failStreak: number, overrides: Partial<SyntheticCheck> = {}): SyntheticCheck => ({
  id,
  name: `Portal ${id}`,
  spec: {
    kind: 'http',
    url: `http://10.0.0.${id}/`,
    expectStatus: 200,
    expectText: null,
    ignoreTlsErrors: false,
  },
  intervalS: 300,
  timeoutMs: 5_000,
  enabled: true,
  severity: 'major',
  uplink: false,
  groupId: 1,
  createdAt: 0,
  updatedAt: 0,
  last: result(id, 1_000_000, failStreak === 0),
  failStreak,
  ...overrides,
});

describe('synthetic alarms', () => {
  it('wants one alarm per enabled check failing twice or more in a row', () => {
    const alarms = syntheticAlarms([check(1, 0), check(2, 1), check(3, 2), check(4, 5, { enabled: false })]);
    expect(alarms).toEqual([
      {
        source: 'synthetic',
        type: 'check_failed',
        subject: { deviceId: null, towerId: null, ref: 'synthetic:check:3' },
        severity: 'major',
        params: {
          name: 'Portal 3',
          kind: 'http',
          target: 'http://10.0.0.3/',
          reason: 'unexpected_status',
          detail: ' (503)',
          failures: 2,
        },
      },
    ]);
  });

  it('keeps the check severity and renders the alarm in both languages', () => {
    const [alarm] = syntheticAlarms([check(5, 3, { severity: 'critical' })]);
    expect(alarm!.severity).toBe('critical');
    expect(renderAlarm('en', { ...alarm!, affected: 1 })).toBe(
      'Check "Portal 5" failed 3 times in a row (http://10.0.0.5/): unexpected HTTP status (503)',
    );
    expect(renderAlarm('pt-BR', { ...alarm!, affected: 1 })).toBe(
      'Verificação "Portal 5" falhou 3 vezes seguidas (http://10.0.0.5/): status HTTP inesperado (503)',
    );
  });

  it('runs a check when it never ran or its interval has passed', () => {
    const never = check(1, 0, { last: null });
    const fresh = check(2, 0);
    const old = check(3, 0, { last: result(3, 1_000_000 - 300_000, true) });
    const off = check(4, 0, { last: null, enabled: false });
    expect(dueChecks([never, fresh, old, off], 1_000_000).map((c) => c.id)).toEqual([1, 3]);
  });

  it('names each kind of target in one line', () => {
    expect(
      targetOf({
        kind: 'dns',
        query: 'a.test',
        recordType: 'A',
        resolvers: ['127.0.0.1:53', '::1'],
        expectAnswer: null,
      }),
    ).toBe('a.test A @ 127.0.0.1:53, ::1');
    expect(targetOf({ kind: 'tcp', host: '10.0.0.1', port: 1812 })).toBe('10.0.0.1:1812');
  });
});
