import { describe, expect, it } from 'vitest';
import { TrapLog } from '../../../../../electron/engine/traps/trap-log';
import { TrapLogQuery, type TrapLogEntry } from '../../../../../shared/contract/traps';

const entry = (at: number, address: string, trapOid: string, value: string): TrapLogEntry => ({
  at,
  address,
  deviceId: address === '127.0.0.9' ? null : 7,
  version: '2c',
  kind: 'trap',
  trapOid,
  varbinds: [{ oid: `${trapOid}.1`, type: 4, value }],
  reason: address === '127.0.0.9' ? 'unknown_source' : 'unknown_trap',
});

const search = (log: TrapLog, query: Partial<TrapLogQuery>) => log.search(TrapLogQuery.parse(query));

const filled = () => {
  const log = new TrapLog(4);
  log.add(entry(1_000, '127.0.0.2', '1.3.6.1.4.1.14988.1.99', 'old, pushed out'));
  log.add(entry(2_000, '127.0.0.2', '1.3.6.1.4.1.14988.1.99', 'Falha na FONTE 2'));
  log.add(entry(3_000, '127.0.0.3', '1.3.6.1.4.1.9.9.41.2', 'Fan failure'));
  log.add(entry(4_000, '127.0.0.9', '1.3.6.1.4.1.14988.1.98', 'porta aberta'));
  log.add(entry(5_000, '127.0.0.3', '1.3.6.1.4.1.2011.5.25', 'fonte 1 ok'));
  return log;
};

const times = (page: { entries: TrapLogEntry[] }) => page.entries.map((found) => found.at);

describe('trap log', () => {
  it('keeps the newest entries and counts every one logged', () => {
    expect(search(filled(), {})).toMatchObject({ matched: 4, kept: 4, total: 5 });
    expect(times(search(filled(), {}))).toEqual([5_000, 4_000, 3_000, 2_000]);
  });

  it('filters by source, OID prefix, varbind text in any case, reason and time', () => {
    const log = filled();
    expect(times(search(log, { source: '127.0.0.3' }))).toEqual([5_000, 3_000]);
    expect(times(search(log, { oid: '.1.3.6.1.4.1.14988' }))).toEqual([4_000, 2_000]);
    expect(times(search(log, { oid: '1.3.6.1.4.1.14988.1.99' }))).toEqual([2_000]);
    expect(times(search(log, { text: 'fonte' }))).toEqual([5_000, 2_000]);
    expect(times(search(log, { text: '9.9.41' }))).toEqual([3_000]);
    expect(times(search(log, { reason: 'unknown_source' }))).toEqual([4_000]);
    expect(times(search(log, { from: 3_000, to: 4_000 }))).toEqual([4_000, 3_000]);
    expect(search(log, { source: '127.0.0.3', text: 'fan' })).toMatchObject({ matched: 1, kept: 4 });
  });

  it('pages newest first, telling how many match in all', () => {
    const log = filled();
    const first = search(log, { limit: 3 });
    const second = search(log, { limit: 3, offset: 3 });
    expect([times(first), times(second)]).toEqual([[5_000, 4_000, 3_000], [2_000]]);
    expect([first.matched, second.matched]).toEqual([4, 4]);
  });

  it('refuses an OID filter that is not an OID', () => {
    const parsed = TrapLogQuery.safeParse({ oid: 'mikrotik' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('traps.badOid');
  });
});
