import { describe, expect, it } from 'vitest';
import { trapMeaning } from '../../../../../shared/domain/snmp/trap-meaning';

const LINK_DOWN = '1.3.6.1.6.3.1.1.5.3';
const LINK_UP = '1.3.6.1.6.3.1.1.5.4';

describe('what a trap means', () => {
  it('reads linkDown/linkUp with the ifIndex from the varbind OID or value, and the name when sent', () => {
    expect(
      trapMeaning({
        trapOid: LINK_DOWN,
        varbinds: [
          { oid: '1.3.6.1.2.1.2.2.1.1.7', value: '7' },
          { oid: '1.3.6.1.2.1.31.1.1.1.1.7', value: 'ether7' },
        ],
      }),
    ).toEqual({ kind: 'link', up: false, ifIndex: 7, name: 'ether7' });
    expect(
      trapMeaning({ trapOid: `.${LINK_UP}`, varbinds: [{ oid: '1.3.6.1.2.1.2.2.1.1.3', value: '3' }] }),
    ).toEqual({ kind: 'link', up: true, ifIndex: 3, name: null });
  });

  it('does not guess a link trap without a readable ifIndex', () => {
    expect(trapMeaning({ trapOid: LINK_DOWN, varbinds: [] })).toEqual({ kind: 'unknown' });
    expect(
      trapMeaning({ trapOid: LINK_DOWN, varbinds: [{ oid: '1.3.6.1.2.1.2.2.1.1.x', value: 'abc' }] }),
    ).toEqual({ kind: 'unknown' });
  });

  it('turns restarts, authentication failures and known vendor traps into events', () => {
    expect(trapMeaning({ trapOid: '1.3.6.1.6.3.1.1.5.2', varbinds: [] })).toMatchObject({
      kind: 'event',
      type: 'agent_restarted',
      params: { trap: 'warmStart' },
    });
    expect(trapMeaning({ trapOid: '1.3.6.1.6.3.1.1.5.5', varbinds: [] })).toMatchObject({
      type: 'auth_failure',
    });
    expect(trapMeaning({ trapOid: '1.3.6.1.4.1.2636.4.1.1', varbinds: [] })).toMatchObject({
      type: 'power_supply',
      severity: 'major',
    });
    expect(trapMeaning({ trapOid: '1.3.6.1.4.1.14988.1.99', varbinds: [] })).toEqual({ kind: 'unknown' });
  });
});
