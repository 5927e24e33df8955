import { describe, expect, it } from 'vitest';
import { fallbackMode } from '../../../../../electron/workers/pinger/create-pinger';

describe('the system-ping fallback note', () => {
  it('names missing rights as a code, without the system text', () => {
    expect(fallbackMode(new Error('Operation not permitted'))).toEqual({
      mode: 'system-ping',
      note: 'noRawRights',
    });
  });

  it('keeps any other system text for the log only, next to a code the page words', () => {
    expect(fallbackMode(new Error('Cannot find module raw.node'))).toEqual({
      mode: 'system-ping',
      note: 'rawUnavailable',
      detail: 'Cannot find module raw.node',
    });
  });
});
