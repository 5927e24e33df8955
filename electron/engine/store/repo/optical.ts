import { and, asc, desc, eq, gte, lt, sql } from 'drizzle-orm';
import type { CardEvent, Resolution } from '../../../../shared/contract/optical';
import type { OpticalCardRecord, OpticalFamily } from '../../../../shared/contract/optical-worker';
import { chunksFor } from '../writer';
import type { RepoContext } from './context';

export interface StoredCard extends Omit<OpticalCardRecord, 'updatedAt'> {
  endpointId: number;
  firstSeenAt: number;
  lastSeenAt: number;
  removedAt: number | null;
}

export interface SiteMapping {
  endpointId: number;
  site: string;
  towerId: number | null;
}

export interface MeasureIdentity {
  endpointId: number;
  uid: string;
  cardUid: string;
  key: number;
}

export interface OpticalSample {
  measureId: number;
  at: number;
  value: number;
}

export interface Point {
  at: number;
  min: number;
  avg: number;
  max: number;
}

/** The fields whose change is recorded as a card event. */
const TRACKED = ['site', 'name', 'model', 'family', 'part', 'serial', 'firmware', 'isActive'] as const;

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

export interface OpticalRepository {
  sites(): Promise<SiteMapping[]>;
  mapSite(mapping: SiteMapping): Promise<void>;
  cards(): Promise<StoredCard[]>;
  /** Stores one endpoint's full inventory: what is new, gone or changed becomes an event. */
  applyInventory(endpointId: number, cards: readonly OpticalCardRecord[], at: number): Promise<CardEvent[]>;
  cardEvents(limit: number): Promise<CardEvent[]>;
  measureIds(): Promise<(MeasureIdentity & { id: number })[]>;
  registerMeasures(measures: readonly MeasureIdentity[]): Promise<(MeasureIdentity & { id: number })[]>;
  insertSamples(samples: readonly OpticalSample[]): Promise<void>;
  /** Aggregates raw samples in [from, to) into hours, or hours into days. */
  rollUp(resolution: 'hour' | 'day', from: number, to: number): Promise<number>;
  history(measureId: number, resolution: Resolution, from: number): Promise<Point[]>;
  deleteBefore(resolution: Resolution, at: number): Promise<void>;
}

const sameValue = (value: unknown) => (value === null || value === undefined ? '' : String(value));

export function opticalRepository({ dialect, writer }: RepoContext): OpticalRepository {
  const { db, tables } = dialect;
  const { opticalSites: st, opticalCards: c, opticalCardEvents: ev, opticalMeasures: m } = tables;
  const { opticalSamples: s, opticalRollups: r } = tables;
  const excluded = (column: string) => sql.raw(`excluded.${column}`);
  // Literals, not parameters: a bound number is a REAL to SQLite, and the division must be an integer one.
  const hourMs = sql.raw(String(HOUR_MS));
  const dayMs = sql.raw(String(DAY_MS));
  const toEvent = (row: typeof ev.$inferSelect): CardEvent => ({
    endpointId: row.endpointId,
    cardUid: row.cardUid,
    site: row.site,
    at: row.at,
    change: row.change,
    fields: JSON.parse(row.fields) as CardEvent['fields'],
  });
  return {
    sites: async () => db.select().from(st),
    mapSite: (mapping) =>
      writer.run(async () => {
        await db
          .insert(st)
          .values(mapping)
          .onConflictDoUpdate({ target: [st.endpointId, st.site], set: { towerId: mapping.towerId } });
      }),
    cards: async () =>
      (await db.select().from(c)).map((row) => ({ ...row, family: row.family as OpticalFamily })),
    applyInventory: (endpointId, cards, at) =>
      writer.run(() =>
        dialect.transaction(async (tx) => {
          const stored = new Map(
            (await tx.select().from(c).where(eq(c.endpointId, endpointId))).map((row) => [row.cardUid, row]),
          );
          const events: CardEvent[] = [];
          const seen = new Set<string>();
          for (const card of cards) {
            seen.add(card.cardUid);
            const before = stored.get(card.cardUid);
            const { updatedAt: _updatedAt, ...fields } = card;
            if (!before || before.removedAt !== null) {
              events.push({
                endpointId,
                cardUid: card.cardUid,
                site: card.site,
                at,
                change: 'new',
                fields: {},
              });
            } else {
              const changed = Object.fromEntries(
                TRACKED.filter((field) => sameValue(before[field]) !== sameValue(fields[field])).map(
                  (field) => [
                    field,
                    [sameValue(before[field]), sameValue(fields[field])] as [string, string],
                  ],
                ),
              );
              if (Object.keys(changed).length > 0)
                events.push({
                  endpointId,
                  cardUid: card.cardUid,
                  site: card.site,
                  at,
                  change: 'changed',
                  fields: changed,
                });
            }
            await tx
              .insert(c)
              .values({ ...fields, endpointId, firstSeenAt: at, lastSeenAt: at, removedAt: null })
              .onConflictDoUpdate({
                target: [c.endpointId, c.cardUid],
                set: {
                  ...fields,
                  lastSeenAt: at,
                  removedAt: null,
                  // A card that comes back is new again from now.
                  ...(before?.removedAt ? { firstSeenAt: at } : {}),
                },
              });
          }
          for (const [cardUid, before] of stored) {
            if (seen.has(cardUid) || before.removedAt !== null) continue;
            events.push({ endpointId, cardUid, site: before.site, at, change: 'removed', fields: {} });
            await tx
              .update(c)
              .set({ removedAt: at })
              .where(and(eq(c.endpointId, endpointId), eq(c.cardUid, cardUid)));
          }
          for (const chunk of chunksFor(events, 6, dialect.maxParams))
            await tx
              .insert(ev)
              .values(chunk.map((event) => ({ ...event, fields: JSON.stringify(event.fields) })));
          return events;
        }),
      ),
    cardEvents: async (limit) =>
      (await db.select().from(ev).orderBy(desc(ev.at), desc(ev.id)).limit(limit)).map(toEvent),
    measureIds: async () => db.select().from(m),
    registerMeasures: (measures) =>
      writer.run(() =>
        dialect.transaction(async (tx) => {
          const rows: (MeasureIdentity & { id: number })[] = [];
          for (const chunk of chunksFor([...measures], 4, dialect.maxParams)) {
            await tx.insert(m).values(chunk).onConflictDoNothing();
          }
          const wanted = new Set(measures.map((measure) => `${measure.endpointId} ${measure.uid}`));
          for (const endpointId of new Set(measures.map((measure) => measure.endpointId)))
            for (const row of await tx.select().from(m).where(eq(m.endpointId, endpointId)))
              if (wanted.has(`${row.endpointId} ${row.uid}`)) rows.push(row);
          return rows;
        }),
      ),
    insertSamples: (samples) =>
      writer.run(() =>
        dialect.transaction(async (tx) => {
          for (const chunk of chunksFor([...samples], 3, dialect.maxParams))
            await tx.insert(s).values(chunk).onConflictDoNothing();
        }),
      ),
    rollUp: (resolution, from, to) =>
      writer.run(() =>
        dialect.transaction(async (tx) => {
          const rows =
            resolution === 'hour'
              ? await tx
                  .select({
                    measureId: s.measureId,
                    bucket: sql<number>`(${s.at} / ${hourMs}) * ${hourMs}`.mapWith(Number),
                    samples: sql<number>`count(*)`.mapWith(Number),
                    min: sql<number>`min(${s.value})`.mapWith(Number),
                    avg: sql<number>`avg(${s.value})`.mapWith(Number),
                    max: sql<number>`max(${s.value})`.mapWith(Number),
                  })
                  .from(s)
                  .where(and(gte(s.at, from), lt(s.at, to)))
                  .groupBy(s.measureId, sql`${s.at} / ${hourMs}`)
              : await tx
                  .select({
                    measureId: r.measureId,
                    bucket: sql<number>`(${r.bucket} / ${dayMs}) * ${dayMs}`.mapWith(Number),
                    samples: sql<number>`sum(${r.samples})`.mapWith(Number),
                    min: sql<number>`min(${r.min})`.mapWith(Number),
                    avg: sql<number>`sum(${r.avg} * ${r.samples}) / sum(${r.samples})`.mapWith(Number),
                    max: sql<number>`max(${r.max})`.mapWith(Number),
                  })
                  .from(r)
                  .where(and(eq(r.resolution, 'hour'), gte(r.bucket, from), lt(r.bucket, to)))
                  .groupBy(r.measureId, sql`${r.bucket} / ${dayMs}`);
          for (const chunk of chunksFor(rows, 7, dialect.maxParams))
            await tx
              .insert(r)
              .values(chunk.map((row) => ({ ...row, resolution })))
              .onConflictDoUpdate({
                target: [r.measureId, r.resolution, r.bucket],
                set: {
                  samples: excluded('samples'),
                  min: excluded('min'),
                  avg: excluded('avg'),
                  max: excluded('max'),
                },
              });
          return rows.length;
        }),
      ),
    history: async (measureId, resolution, from) =>
      resolution === 'raw'
        ? (
            await db
              .select({ at: s.at, value: s.value })
              .from(s)
              .where(and(eq(s.measureId, measureId), gte(s.at, from)))
              .orderBy(asc(s.at))
          ).map(({ at, value }) => ({ at, min: value, avg: value, max: value }))
        : db
            .select({ at: r.bucket, min: r.min, avg: r.avg, max: r.max })
            .from(r)
            .where(and(eq(r.measureId, measureId), eq(r.resolution, resolution), gte(r.bucket, from)))
            .orderBy(asc(r.bucket)),
    deleteBefore: (resolution, at) =>
      writer.run(async () => {
        if (resolution === 'raw') await db.delete(s).where(lt(s.at, at));
        else await db.delete(r).where(and(eq(r.resolution, resolution), lt(r.bucket, at)));
      }),
  };
}
