/** Ids kept in hand, and how many are fetched at a time once fewer than half of them are left. */
const DEFAULT_TARGET = 10_000;

/**
 * Alarm ids reserved in the store ahead of need, so an alarm can be opened and published while
 * the store is slow to answer: only when more alarms open at once than the ids in hand does a
 * caller wait for the store.
 */
export class IdReserve {
  private ids: number[] = [];
  private refilling: Promise<void> = Promise.resolve();
  private toppingUp = false;

  constructor(
    private readonly reserve: (count: number) => Promise<number[]>,
    private readonly onError: (error: unknown) => void,
    private readonly target = DEFAULT_TARGET,
  ) {}

  /** Fills the reserve (at start, while the store answers). */
  fill(): Promise<void> {
    return this.refill(this.target);
  }

  async take(count: number): Promise<number[]> {
    if (count === 0) return [];
    if (this.ids.length < count) await this.refill(count - this.ids.length + this.target);
    const taken = this.ids.splice(0, count);
    if (this.ids.length < this.target / 2 && !this.toppingUp) {
      this.toppingUp = true;
      this.refill(this.target)
        .catch(this.onError)
        .finally(() => (this.toppingUp = false));
    }
    return taken;
  }

  /** One refill at a time: a second asks once the first has landed, if still short. */
  private refill(wanted: number): Promise<void> {
    const next = this.refilling.then(async () => {
      const missing = wanted - this.ids.length;
      if (missing > 0) this.ids.push(...(await this.reserve(missing)));
    });
    this.refilling = next.catch(() => undefined);
    return next;
  }
}
