import type { SyntheticCheck } from '../../contract/synthetic';

export interface UplinkVerdict {
  /** Every enabled uplink-marked check failed its last run, and there is at least one. */
  down: boolean;
  /** The names of the uplink-marked checks whose last run failed. */
  failing: string[];
}

/**
 * Is the NOC's own uplink down? Only enabled checks marked "uplink" count; one that never ran
 * yet, or passed its last run, keeps the verdict "up".
 */
export function uplinkVerdict(
  checks: readonly Pick<SyntheticCheck, 'name' | 'enabled' | 'uplink' | 'last'>[],
): UplinkVerdict {
  const uplinks = checks.filter((check) => check.enabled && check.uplink);
  const failing = uplinks.filter((check) => check.last !== null && !check.last.ok).map((check) => check.name);
  return { down: uplinks.length > 0 && failing.length === uplinks.length, failing };
}
