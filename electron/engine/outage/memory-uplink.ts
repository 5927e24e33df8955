import type { UplinkSignal, UplinkState } from './uplink-port';

/**
 * An uplink signal set by hand: the `--demo` network's simulated uplink (its checks reach no real
 * address) and, with no uplink checks wired, one that is never down. The synthetic checks'
 * `UplinkTracker` is one too, set from their verdict after every round.
 */
export class MemoryUplink implements UplinkSignal {
  private state: UplinkState;
  private readonly listeners = new Set<(s: UplinkState) => void>();

  constructor(protected readonly now: () => number = Date.now) {
    this.state = { down: false, since: new Date(now()).toISOString(), failing: [] };
  }

  current(): UplinkState {
    return this.state;
  }

  onChange(listener: (s: UplinkState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  set(state: UplinkState): void {
    this.state = state;
    for (const listener of this.listeners) listener(state);
  }
}
