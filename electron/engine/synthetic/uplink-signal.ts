import type { SyntheticCheck } from '../../../shared/contract/synthetic';
import { uplinkVerdict } from '../../../shared/domain/synthetic/uplink';

import type { UplinkSignal, UplinkState } from '../outage/uplink-port';

export type { UplinkSignal, UplinkState };

/**
 * The NOC's uplink as its uplink-marked synthetic checks see it, for the "is it us?" verdict:
 * updated after every synthetic round; listeners hear each change of state or of failing checks.
 */
export class UplinkTracker implements UplinkSignal {
  private state: UplinkState;
  private readonly listeners = new Set<(s: UplinkState) => void>();

  constructor(private readonly now: () => number = Date.now) {
    this.state = { down: false, since: new Date(now()).toISOString(), failing: [] };
  }

  current(): UplinkState {
    return this.state;
  }

  onChange(listener: (s: UplinkState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  update(checks: readonly SyntheticCheck[]): void {
    const verdict = uplinkVerdict(checks);
    const before = this.state;
    if (verdict.down === before.down && verdict.failing.join('\n') === before.failing.join('\n')) return;
    this.state = {
      down: verdict.down,
      since: verdict.down === before.down ? before.since : new Date(this.now()).toISOString(),
      failing: verdict.failing,
    };
    for (const listener of this.listeners) listener(this.state);
  }
}
