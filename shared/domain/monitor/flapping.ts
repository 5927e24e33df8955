/**
 * Flap detection. Each up↔down change of a device's health is recorded; `flapChanges` of them
 * within `flapWindowMs` make the device flapping, which holds it in one "flapping" alarm instead of
 * a down/up pair per bounce. It is released once no change happened for `flapQuietMs`. Only the
 * last `flapChanges` times are kept, so memory per device is fixed.
 */
export interface FlapState {
  changes: readonly number[];
  flapping: boolean;
  lastChangeAt: number | null;
}

export interface FlapRule {
  flapChanges: number;
  flapWindowMs: number;
  flapQuietMs: number;
}

export const initialFlapState: FlapState = { changes: [], flapping: false, lastChangeAt: null };

export function recordHealthChange(state: FlapState, at: number, rule: FlapRule): FlapState {
  const changes = [...state.changes.filter((t) => at - t < rule.flapWindowMs), at].slice(-rule.flapChanges);
  return {
    changes,
    flapping: state.flapping || changes.length >= rule.flapChanges,
    lastChangeAt: at,
  };
}

/** Called every cycle: releases a flapping device that has been quiet long enough. */
export function settleFlapping(state: FlapState, now: number, rule: FlapRule): FlapState {
  if (!state.flapping || state.lastChangeAt === null) return state;
  if (now - state.lastChangeAt < rule.flapQuietMs) return state;
  return { changes: [], flapping: false, lastChangeAt: state.lastChangeAt };
}
