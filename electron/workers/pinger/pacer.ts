import { nowMs } from './clock';
import type { TokenBucket } from './token-bucket';

/** The probes of one tower (or of all tower-less targets) in sending order, with its budget. */
export interface Lane {
  probes: Int32Array;
  next: number;
  bucket: TokenBucket | null;
}

/** Timer ticks, not a busy loop: at 20,000 pps a tick sends a burst of about a hundred. */
const TICK_MS = 5;
/**
 * Probes sent in one turn of the event loop. A high budget allows thousands at once, but their
 * replies must be read before they overflow the socket's receive buffer, and the time each probe
 * left is taken as it is sent: the next burst waits for the loop to read what came back.
 */
const BURST = 128;

/**
 * Sends probes as the budgets allow: one global packets-per-second bucket and one per tower, the
 * towers served round-robin so that none waits behind a big one. Probe p belongs to round
 * floor(p / perRound) and may not leave before its round's start, so a host's echoes are spaced.
 */
export class Pacer {
  private readonly active: Lane[];
  private readonly startedAt = nowMs();
  private cursor = 0;
  private timer: NodeJS.Timeout | null = null;
  private immediate: NodeJS.Immediate | null = null;

  constructor(
    lanes: Lane[],
    private readonly global: TokenBucket,
    private readonly perRound: number,
    private readonly roundIntervalMs: number,
    private readonly send: (probe: number) => void,
    /** False while the sockets still have plenty queued: sending more would only pile up. */
    private readonly socketsReady: () => boolean,
  ) {
    this.active = lanes.filter((lane) => lane.probes.length > 0);
  }

  start(): void {
    this.pump();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.immediate) clearImmediate(this.immediate);
    this.timer = null;
    this.immediate = null;
    this.active.length = 0;
  }

  private readonly pump = (): void => {
    this.timer = null;
    this.immediate = null;
    const now = nowMs();
    let waitMs = Infinity;
    let blocked = 0;
    let burst = 0;
    while (this.active.length > 0 && blocked < this.active.length) {
      if (this.cursor >= this.active.length) this.cursor = 0;
      const lane = this.active[this.cursor]!;
      const probe = lane.probes[lane.next]!;
      const due = this.startedAt + Math.floor(probe / this.perRound) * this.roundIntervalMs;
      const laneWait =
        due > now ? due - now : lane.bucket && !lane.bucket.ready(now) ? lane.bucket.waitMs() : 0;
      if (laneWait > 0) {
        waitMs = Math.min(waitMs, laneWait);
        blocked++;
        this.cursor++;
        continue;
      }
      // Once per burst: a burst adds at most BURST to a backlog, far below its cap.
      if (burst === 0 && !this.socketsReady()) {
        waitMs = TICK_MS;
        break;
      }
      if (!this.global.ready(now)) {
        waitMs = this.global.waitMs();
        break;
      }
      if (burst === BURST) {
        waitMs = 0;
        break;
      }
      burst++;
      this.global.take();
      lane.bucket?.take();
      blocked = 0;
      lane.next++;
      if (lane.next === lane.probes.length) {
        this.active[this.cursor] = this.active[this.active.length - 1]!;
        this.active.pop();
      } else {
        this.cursor++;
      }
      this.send(probe);
    }
    if (this.active.length === 0) return;
    if (waitMs === 0) this.immediate = setImmediate(this.pump);
    else this.timer = setTimeout(this.pump, Math.max(TICK_MS, Math.ceil(waitMs)));
  };
}
