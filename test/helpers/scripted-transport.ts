import type { PingOptions, PingResult, PingTarget, PingerMode } from '../../shared/contract/pinger';
import type { PingTransport } from '../../shared/contract/pinger';
import { summarize } from '../../shared/domain/ping/summarize';

/**
 * A network whose answers the test decides: the monitor's process boundary, scripted. Devices
 * answer with `rttMs` (default 10 ms) unless marked down; every call is recorded.
 */
export class ScriptedTransport implements PingTransport {
  readonly calls: PingTarget[][] = [];
  private readonly down = new Set<number>();
  private readonly rtt = new Map<number, number>();
  private readonly loss = new Map<number, number>();

  setDown(ids: Iterable<number>, isDown = true): void {
    for (const id of ids)
      if (isDown) this.down.add(id);
      else this.down.delete(id);
  }

  setRtt(id: number, ms: number): void {
    this.rtt.set(id, ms);
  }

  setLoss(id: number, pct: number): void {
    this.loss.set(id, pct);
  }

  async mode(): Promise<PingerMode> {
    return { mode: 'simulated', note: null };
  }

  async run(targets: PingTarget[], options: PingOptions): Promise<PingResult[]> {
    this.calls.push(targets);
    return targets.map(({ id }) => {
      if (this.down.has(id)) return summarize(id, options.count, []);
      const rtt = this.rtt.get(id) ?? 10;
      const lossPct = this.loss.get(id) ?? 0;
      const received = Math.max(1, Math.round(options.count * (1 - lossPct / 100)));
      return {
        id,
        sent: options.count,
        received,
        lossPct,
        minMs: rtt * 0.9,
        avgMs: rtt,
        maxMs: rtt * 1.1,
        jitterMs: rtt * 0.05,
        error: null,
      };
    });
  }
}
