/**
 * What instances on one PostgreSQL tell each other through LISTEN/NOTIFY: which records changed,
 * by id — the listener reads them from the store. PostgreSQL caps a payload at 8,000 bytes.
 */
/** The one LISTEN/NOTIFY channel the instances of a store share. */
export const RELAY_CHANNEL = 'vigia_events';

export const relayKinds = [
  'alarm.raised',
  'alarm.updated',
  'alarm.cleared',
  'status.changed',
  'device.upserted',
  'device.deleted',
  'tower.upserted',
  'tower.deleted',
  'groups.changed',
  // Duty requests (cluster/duty-requests): one asked of a group's leader, one's state changed.
  'duty.requested',
  'duty.updated',
] as const;
export type RelayKind = (typeof relayKinds)[number];

export interface RelayNotice {
  /** The sending process's holder token: an instance ignores its own notices. */
  from: string;
  kind: RelayKind;
  ids: number[];
}

/** Below PostgreSQL's 8,000-byte payload limit, with room to spare. */
export const MAX_PAYLOAD_BYTES = 7_900;

/** Consecutive notices of one kind become one; the order of kinds is kept (a raise before its clear). */
export function coalesce(
  batch: readonly { kind: RelayKind; id: number }[],
): { kind: RelayKind; ids: number[] }[] {
  const out: { kind: RelayKind; ids: number[] }[] = [];
  for (const { kind, id } of batch) {
    const last = out.at(-1);
    if (last?.kind === kind) {
      if (!last.ids.includes(id)) last.ids.push(id);
    } else out.push({ kind, ids: [id] });
  }
  return out;
}

/** One notice as payloads that each fit PostgreSQL's limit (ids split across as many as needed). */
export function payloadsOf(notice: RelayNotice, maxBytes = MAX_PAYLOAD_BYTES): string[] {
  const head = JSON.stringify({ from: notice.from, kind: notice.kind, ids: [] }).length;
  const payloads: string[] = [];
  let ids: number[] = [];
  let size = head;
  for (const id of notice.ids) {
    const width = String(id).length + 1;
    if (size + width > maxBytes && ids.length > 0) {
      payloads.push(JSON.stringify({ ...notice, ids }));
      ids = [];
      size = head;
    }
    ids.push(id);
    size += width;
  }
  if (ids.length > 0 || notice.ids.length === 0) payloads.push(JSON.stringify({ ...notice, ids }));
  return payloads;
}

/** A payload as sent by another instance; null for anything else (never trusted blindly). */
export function parseNotice(payload: string): RelayNotice | null {
  try {
    const value = JSON.parse(payload) as Partial<RelayNotice>;
    if (typeof value.from !== 'string' || !relayKinds.includes(value.kind as RelayKind)) return null;
    if (!Array.isArray(value.ids) || !value.ids.every((id) => Number.isSafeInteger(id) && id > 0))
      return null;
    return { from: value.from, kind: value.kind as RelayKind, ids: value.ids };
  } catch {
    return null;
  }
}
