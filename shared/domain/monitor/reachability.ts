/**
 * Whether a device answers, with hysteresis: one lost check is noise, `downAfter` in a row is an
 * outage, and a down device must answer `upAfter` checks in a row before it counts as back. A
 * device never seen answering stays unknown until it has failed `downAfter` times.
 */
export type Health = 'unknown' | 'up' | 'down';

export interface Reachability {
  health: Health;
  failStreak: number;
  okStreak: number;
}

export const initialReachability: Reachability = { health: 'unknown', failStreak: 0, okStreak: 0 };

export function stepReachability(
  current: Reachability,
  answered: boolean,
  rule: { downAfter: number; upAfter: number },
): Reachability {
  if (answered) {
    const okStreak = current.okStreak + 1;
    const stillDown = current.health === 'down' && okStreak < rule.upAfter;
    return { health: stillDown ? 'down' : 'up', failStreak: 0, okStreak };
  }
  const failStreak = current.failStreak + 1;
  return { health: failStreak >= rule.downAfter ? 'down' : current.health, failStreak, okStreak: 0 };
}

/**
 * Degradation of an answering device (loss or latency over the limits), with the same hysteresis
 * as reachability so a link hovering at the limit does not toggle every cycle.
 */
export interface Quality {
  degraded: boolean;
  badStreak: number;
  goodStreak: number;
}

export const initialQuality: Quality = { degraded: false, badStreak: 0, goodStreak: 0 };

export function isPoorQuality(
  check: { lossPct: number; avgMs: number | null },
  limits: { degradedLossPct: number; degradedRttMs: number },
): boolean {
  return (
    check.lossPct >= limits.degradedLossPct || (check.avgMs !== null && check.avgMs >= limits.degradedRttMs)
  );
}

/** `poor` is null for a check with no reply: quality is only judged on answers. */
export function stepQuality(
  current: Quality,
  poor: boolean | null,
  rule: { downAfter: number; upAfter: number },
): Quality {
  if (poor === null) return current;
  if (poor) {
    const badStreak = current.badStreak + 1;
    return { degraded: current.degraded || badStreak >= rule.downAfter, badStreak, goodStreak: 0 };
  }
  const goodStreak = current.goodStreak + 1;
  return { degraded: current.degraded && goodStreak < rule.upAfter, badStreak: 0, goodStreak };
}
