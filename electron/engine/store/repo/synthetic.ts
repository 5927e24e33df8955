import { and, asc, between, desc, eq, lt } from 'drizzle-orm';
import {
  ProbeSpec,
  type SyntheticCheckInput,
  type SyntheticResult,
} from '../../../../shared/contract/synthetic';
import { StoreError, type Repository, type StoredSyntheticCheck } from '../repository';
import { chunksFor } from '../writer';
import type { RepoContext } from './context';

const RESULT_COLUMNS = 11;

type CheckRow = {
  id: number;
  name: string;
  spec: string;
  intervalS: number;
  timeoutMs: number;
  enabled: boolean;
  severity: StoredSyntheticCheck['severity'];
  uplink: boolean;
  groupId: number;
  createdAt: number;
  updatedAt: number;
};

/** A stored row as the engine uses it; the spec is checked again, so a hand-edited row fails loudly. */
const fromRow = ({ spec, ...row }: CheckRow): StoredSyntheticCheck => ({
  ...row,
  spec: ProbeSpec.parse(JSON.parse(spec)),
});

const toRow = (input: SyntheticCheckInput) => ({
  name: input.name,
  kind: input.spec.kind,
  spec: JSON.stringify(input.spec),
  intervalS: input.intervalS,
  timeoutMs: input.timeoutMs,
  enabled: input.enabled,
  severity: input.severity,
  uplink: input.uplink,
  groupId: input.groupId,
});

export function syntheticRepository({ dialect, writer, now }: RepoContext): Repository['synthetic'] {
  const { db, tables } = dialect;
  const c = tables.syntheticChecks;
  const r = tables.syntheticResults;
  const columns = {
    id: c.id,
    name: c.name,
    spec: c.spec,
    intervalS: c.intervalS,
    timeoutMs: c.timeoutMs,
    enabled: c.enabled,
    severity: c.severity,
    uplink: c.uplink,
    groupId: c.groupId,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
  return {
    checks: async () => (await db.select(columns).from(c).orderBy(asc(c.name))).map(fromRow),
    createCheck: (input) =>
      writer.run(async () => {
        const at = now();
        const [row] = await db
          .insert(c)
          .values({ ...toRow(input), createdAt: at, updatedAt: at })
          .returning(columns);
        return fromRow(row!);
      }),
    updateCheck: (id, input) =>
      writer.run(async () => {
        const [row] = await db
          .update(c)
          .set({ ...toRow(input), updatedAt: now() })
          .where(eq(c.id, id))
          .returning(columns);
        if (!row) throw new StoreError('not_found', `Synthetic check ${id} does not exist.`);
        return fromRow(row);
      }),
    deleteCheck: (id) =>
      writer.run(async () => {
        await db.delete(c).where(eq(c.id, id));
      }),
    insertResults: (rows) =>
      writer.run(() =>
        dialect.transaction(async (tx) => {
          for (const chunk of chunksFor(rows, RESULT_COLUMNS, dialect.maxParams)) {
            // A check deleted while its probe ran has no row to attach to: its result is dropped.
            await tx.insert(r).values(chunk).onConflictDoNothing();
          }
        }),
      ),
    results: async (checkId, from, to): Promise<SyntheticResult[]> =>
      db
        .select()
        .from(r)
        .where(and(eq(r.checkId, checkId), between(r.at, from, to)))
        .orderBy(asc(r.at)),
    recent: async (checkId, limit) =>
      db.select().from(r).where(eq(r.checkId, checkId)).orderBy(desc(r.at)).limit(limit),
    deleteResultsBefore: (at) =>
      writer.run(async () => (await db.delete(r).where(lt(r.at, at)).returning({ at: r.at })).length),
  };
}
