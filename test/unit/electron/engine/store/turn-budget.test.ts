import { describe, expect, it } from 'vitest';
import { TurnBudget } from '../../../../../electron/engine/store/turn-budget';

describe('TurnBudget', () => {
  it('is due once its slice has passed, and a turn starts a new slice', async () => {
    let now = 1_000;
    const budget = new TurnBudget(8, () => now);
    expect(budget.due()).toBe(false);
    now = 1_007;
    expect(budget.due()).toBe(false);
    now = 1_008;
    expect(budget.due()).toBe(true);
    await budget.turn();
    expect(budget.due()).toBe(false);
    now = 1_016;
    expect(budget.due()).toBe(true);
  });

  it('lets work queued on the event loop run during a turn', async () => {
    const budget = new TurnBudget(8, () => 0);
    const order: string[] = [];
    setImmediate(() => order.push('waiting call'));
    await budget.turn();
    order.push('after the turn');
    expect(order).toEqual(['waiting call', 'after the turn']);
  });
});
