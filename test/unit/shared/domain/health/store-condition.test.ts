import { describe, expect, it } from 'vitest';
import { storeCondition } from '../../../../../shared/domain/health/store-condition';

const base = { waitingMs: 0, stallMs: 1_000, queued: 0, droppedSamples: 0, error: null };

describe('store condition', () => {
  it('is fine when the store answers and the last write worked', () => {
    expect(storeCondition(base)).toEqual({ problem: null, silentS: 0, queued: 0, droppedSamples: 0 });
  });

  it('calls a store silent past the stall "stalled", with whole seconds and the queue', () => {
    expect(storeCondition({ ...base, waitingMs: 40_900, queued: 12_000, droppedSamples: 5 })).toEqual({
      problem: 'stalled',
      silentS: 40,
      queued: 12_000,
      droppedSamples: 5,
    });
  });

  it('names the kind of failure, never passing the driver text on', () => {
    const kind = (error: string) => storeCondition({ ...base, error }).problem;
    expect(kind('SQLITE_FULL: database or disk is full')).toBe('full');
    expect(kind('could not extend file "base/16384/2619": No space left on device')).toBe('full');
    expect(kind('database is locked')).toBe('locked');
    expect(kind('connect ECONNREFUSED 127.0.0.1:5432')).toBe('unreachable');
    expect(kind('Connection terminated unexpectedly')).toBe('unreachable');
    expect(kind('insert into "ping_samples" ("device_id") values ($1) - null value in column')).toBe(
      'failing',
    );
    expect(Object.keys(storeCondition({ ...base, error: 'select 1' }))).not.toContain('error');
  });
});
