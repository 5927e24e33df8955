import { describe, expect, it } from 'vitest';
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
