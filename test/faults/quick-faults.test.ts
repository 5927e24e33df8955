import { describe, expect, it } from 'vitest';
import { skipOnlyOffCi } from '../helpers/local-skip';
import { collectorKilled } from './collector-killed';
import { diskFullUnsupported, sqliteVolumeFull } from './disk-full';
import { clockJumps, endpointsDown } from './scenarios';

const NOTHING_LOST = { lost_alarms: 0, lost_notifications: 0, duplicated_notifications: 0 };

/** The fast scenarios of the fault suite (`npm run bench:faults` runs them all). */
describe('fault suite, fast scenarios', () => {
  it('the clock jumping an hour forward and back loses and repeats nothing', async () => {
    const result = await clockJumps();
    expect(result).toMatchObject({ scenario: 'clock_forward_and_back_1h', ...NOTHING_LOST });
    expect(result.recovery_s).toBeLessThanOrEqual(2 * 1.5);
  }, 60_000);

  it('Telegram and the webhook down for an hour (accelerated): every alert goes out once they are back, none twice, in order', async () => {
    const result = await endpointsDown(720);
    expect(result).toMatchObject({
      scenario: 'telegram_and_webhook_down_1h',
      ...NOTHING_LOST,
      out_of_order: 0,
    });
    expect(result.recovery_s).toBeLessThanOrEqual(5);
  }, 60_000);
});

describe('fault suite, a collector killed', () => {
  it('the pinger killed -9 four times: restarted each time, answering again, and Vigia alarms on itself', async () => {
    const result = await collectorKilled('pinger');
    expect(result).toMatchObject({
      scenario: 'collector_killed_pinger',
      kills: 4,
      self_alarm: true,
      answers_after: true,
    });
    // Two cycles at the default stable interval (30 s); the restart backoff is 0.2 s doubling.
    expect(result.restart_s).toBeLessThan(60);
  }, 120_000);
});

describe.skipIf(skipOnlyOffCi('fault suite, SQLite volume full', diskFullUnsupported()))(
  'fault suite, SQLite volume full',
  () => {
    it('monitors and alerts from memory while the disk is full, says so, and writes it all once there is room', async () => {
      const result = await sqliteVolumeFull(6);
      expect(result).toMatchObject({
        scenario: 'sqlite_volume_full',
        ...NOTHING_LOST,
        out_of_order: 0,
        health_problem: 'full',
        alerted_while_full: 2,
        dropped_samples: 0,
        integrity: 'ok',
      });
      expect(result.cycles_while_full).toBeGreaterThanOrEqual(4);
      expect(result.recovery_s).toBeLessThanOrEqual(2 * 1.5);
    }, 60_000);
  },
);
