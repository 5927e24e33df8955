import { describe, expect, it } from 'vitest';
import type { SyntheticCheck } from '../../../../../shared/contract/synthetic';
import { uplinkVerdict } from '../../../../../shared/domain/synthetic/uplink';

type Checked = Pick<SyntheticCheck, 'name' | 'enabled' | 'uplink' | 'last'>;
const last = (ok: boolean) => ({ ok }) as SyntheticCheck['last'];
const check = (name: string, ok: boolean | null, overrides: Partial<Checked> = {}): Checked => ({
  name,
  enabled: true,
  uplink: true,
  last: ok === null ? null : last(ok),
  ...overrides,
});

describe('uplinkVerdict', () => {
  it('is down only when every enabled uplink check failed its last run', () => {
    expect(uplinkVerdict([check('DNS 8.8.8.8', false), check('DNS 1.1.1.1', false)])).toEqual({
      down: true,
      failing: ['DNS 8.8.8.8', 'DNS 1.1.1.1'],
    });
    expect(uplinkVerdict([check('DNS 8.8.8.8', false), check('DNS 1.1.1.1', true)])).toEqual({
      down: false,
      failing: ['DNS 8.8.8.8'],
    });
  });

  it('ignores checks not marked uplink or disabled, and is up with none or before a run', () => {
    expect(uplinkVerdict([])).toEqual({ down: false, failing: [] });
    expect(uplinkVerdict([check('Portal', false, { uplink: false })])).toEqual({ down: false, failing: [] });
    expect(
      uplinkVerdict([check('DNS 8.8.8.8', false), check('DNS 1.1.1.1', true, { enabled: false })]),
    ).toEqual({ down: true, failing: ['DNS 8.8.8.8'] });
    expect(uplinkVerdict([check('DNS 8.8.8.8', false), check('DNS 1.1.1.1', null)]).down).toBe(false);
  });
});
