import type { SyntheticCheck } from '../../../shared/contract/synthetic';
import { uplinkVerdict } from '../../../shared/domain/synthetic/uplink';

import { MemoryUplink } from '../outage/memory-uplink';
import type { UplinkSignal, UplinkState } from '../outage/uplink-port';

export type { UplinkSignal, UplinkState };

/**
 * The NOC's uplink as its uplink-marked synthetic checks see it, for the "is it us?" verdict:
 * updated after every synthetic round; listeners hear each change of state or of failing checks.
 */
export class UplinkTracker extends MemoryUplink {
  update(checks: readonly SyntheticCheck[]): void {
    const verdict = uplinkVerdict(checks);
    const before = this.current();
    if (verdict.down === before.down && verdict.failing.join('\n') === before.failing.join('\n')) return;
    this.set({
      down: verdict.down,
      since: verdict.down === before.down ? before.since : new Date(this.now()).toISOString(),
      failing: verdict.failing,
    });
  }
}
