import { describe, expect, it } from 'vitest';
import {
  coalesce,
  MAX_PAYLOAD_BYTES,
  parseNotice,
  payloadsOf,
} from '../../../../../shared/domain/cluster/relay';

describe('the relay between instances', () => {
  it('gathers consecutive changes of one kind, keeping the order of kinds', () => {
    expect(
      coalesce([
        { kind: 'alarm.raised', id: 1 },
        { kind: 'alarm.raised', id: 2 },
        { kind: 'alarm.raised', id: 1 },
        { kind: 'alarm.cleared', id: 1 },
        { kind: 'alarm.raised', id: 3 },
      ]),
    ).toEqual([
      { kind: 'alarm.raised', ids: [1, 2] },
      { kind: 'alarm.cleared', ids: [1] },
      { kind: 'alarm.raised', ids: [3] },
    ]);
  });

  it('splits 10,000 ids into payloads under PostgreSQL’s 8,000-byte limit, none lost', () => {
    const ids = Array.from({ length: 10_000 }, (_, index) => 100_000 + index);
    const payloads = payloadsOf({ from: 'x/1/a', kind: 'status.changed', ids });
    expect(payloads.every((payload) => Buffer.byteLength(payload) <= MAX_PAYLOAD_BYTES)).toBe(true);
    expect(payloads).toHaveLength(9);
    expect(payloads.flatMap((payload) => parseNotice(payload)!.ids)).toEqual(ids);
  });

  it('sends a notice without ids as one payload', () => {
    expect(payloadsOf({ from: 'x/1/a', kind: 'groups.changed', ids: [] })).toEqual([
      '{"from":"x/1/a","kind":"groups.changed","ids":[]}',
    ]);
  });

  it('reads only well-formed notices', () => {
    expect(parseNotice('{"from":"x/1/a","kind":"alarm.raised","ids":[7]}')).toEqual({
      from: 'x/1/a',
      kind: 'alarm.raised',
      ids: [7],
    });
    expect(parseNotice('{"from":"x/1/a","kind":"duty.requested","ids":[12]}')).toEqual({
      from: 'x/1/a',
      kind: 'duty.requested',
      ids: [12],
    });
    expect(parseNotice('{"from":"x/1/a","kind":"drop.tables","ids":[7]}')).toBeNull();
    expect(parseNotice('{"from":"x/1/a","kind":"alarm.raised","ids":[-1]}')).toBeNull();
    expect(parseNotice('not json')).toBeNull();
  });
});
