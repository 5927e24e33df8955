import { describe, expect, it } from 'vitest';
import {
  backlogGrowing,
  cycleLate,
  restartingCollectors,
  selfAlarms,
  storeRefusing,
  type SelfFacts,
} from '../../../../../shared/domain/self/self-alarms';
import { renderAlarm } from '../../../../../shared/domain/alarms/render';

const MIN = 60_000;
const NOW = 100 * MIN;

const facts = (overrides: Partial<SelfFacts> = {}): SelfFacts => ({
  now: NOW,
  startedAt: 0,
  lastCycleAt: NOW - 10_000,
  intervalMs: 30_000,
  restarts: [],
  backlog: [],
  storeWriteError: null,
  ...overrides,
});

const text = (alarm: ReturnType<typeof selfAlarms>[number], language: 'pt-BR' | 'en' = 'pt-BR') =>
  renderAlarm(language, { ...alarm, affected: 1 });

describe('self-alarms', () => {
  it('wants nothing while Vigia is healthy', () => {
    expect(selfAlarms(facts())).toEqual([]);
  });

  it('calls a cycle late only past twice its interval, counting from the start before the first', () => {
    expect(cycleLate(facts({ lastCycleAt: NOW - 60_000 }))).toBeNull();
    const late = cycleLate(facts({ lastCycleAt: NOW - 60_001 }));
    expect(late).toMatchObject({
      type: 'cycle_late',
      severity: 'critical',
      params: { seconds: 60, intervalS: 30 },
    });
    expect(cycleLate(facts({ lastCycleAt: null, startedAt: NOW - 61_000 }))?.params.seconds).toBe(61);
    expect(text(late!)).toBe(
      'O ciclo de monitoramento está atrasado: nenhum terminou há 60 s (intervalo de 30 s)',
    );
  });

  it('flags a collector restarting more than 3 times within 10 minutes, one alarm per collector', () => {
    const at = (worker: string, ...minutesAgo: number[]) =>
      minutesAgo.map((m) => ({ worker, at: NOW - m * MIN }));
    expect(restartingCollectors(facts({ restarts: at('snmp', 1, 2, 3) }))).toEqual([]);
    // The fourth restart 11 minutes ago is outside the window.
    expect(restartingCollectors(facts({ restarts: at('snmp', 1, 2, 3, 11) }))).toEqual([]);
    const [alarm, ...rest] = restartingCollectors(
      facts({ restarts: [...at('snmp', 1, 2, 3, 9), ...at('pinger', 1)] }),
    );
    expect(rest).toEqual([]);
    expect(alarm).toMatchObject({
      type: 'collector_restarts',
      subject: { deviceId: null, towerId: null, ref: 'self:worker:snmp' },
      params: { worker: 'snmp', restarts: 4, minutes: 10 },
    });
    expect(text(alarm!, 'en')).toBe('Collector snmp restarted 4 times in the last 10 minutes');
  });

  it('flags the backlog only when it grew across a whole 5-minute window', () => {
    const series = (...pending: number[]) =>
      pending.map((value, i) => ({ at: NOW - (pending.length - 1 - i) * MIN, pending: value }));
    // 6 samples a minute apart cover 5 minutes.
    expect(backlogGrowing(facts({ backlog: series(10, 20, 20, 30, 40, 50) }))).toMatchObject({
      type: 'backlog_growing',
      params: { from: 10, to: 50, minutes: 5 },
    });
    expect(backlogGrowing(facts({ backlog: series(20, 30, 40, 50, 60) }))).toBeNull(); // 4 minutes only
    expect(backlogGrowing(facts({ backlog: series(10, 20, 15, 30, 40, 50) }))).toBeNull(); // drained once
    expect(backlogGrowing(facts({ backlog: series(10, 10, 10, 10, 10, 10) }))).toBeNull(); // steady
  });

  it('flags a store that refuses writes, with its reason', () => {
    expect(storeRefusing(facts())).toBeNull();
    const alarm = storeRefusing(facts({ storeWriteError: 'SQLITE_FULL: database or disk is full' }));
    expect(text(alarm!)).toBe('O banco de dados recusa gravações: SQLITE_FULL: database or disk is full');
  });
});
