import { nextTurn } from './writer';

/** How long a loop over the network may run before the event loop gets a turn. */
const SLICE_MS = 8;

/**
 * Lets a long synchronous loop (10,000 devices assessed, 10,000 alarms reconciled) give the event
 * loop a turn every few milliseconds, so a call that arrives meanwhile (engine health, a page's
 * request) is answered within a slice instead of after the whole pass. Checked with `due()` on each item,
 * awaited with `turn()` only when due: an await per item would cost more than the work.
 */
export class TurnBudget {
  private sliceEnd: number;

  constructor(
    private readonly sliceMs = SLICE_MS,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.sliceEnd = now() + sliceMs;
  }

  due(): boolean {
    return this.now() >= this.sliceEnd;
  }

  async turn(): Promise<void> {
    await nextTurn();
    this.sliceEnd = this.now() + this.sliceMs;
  }
}
