import { asc, between, lt } from 'drizzle-orm';
import type { HealthSample } from '../../../../shared/contract/self-health';
import type { RepoContext } from './context';

export interface SelfHealthStore {
  insert(sample: HealthSample): Promise<void>;
  /** Samples with from ≤ at ≤ to, oldest first. */
  range(from: number, to: number): Promise<HealthSample[]>;
  deleteBefore(at: number): Promise<number>;
}

export function selfHealthRepository({ dialect, writer }: RepoContext): SelfHealthStore {
  const { db, tables } = dialect;
  const t = tables.selfHealthSamples;
  return {
    insert: (sample) =>
      writer.run(async () => {
        await db.insert(t).values(sample).onConflictDoNothing();
      }),
    range: (from, to) =>
      db
        .select()
        .from(t)
        .where(between(t.at, from, to))
        .orderBy(asc(t.at)),
    deleteBefore: (at) =>
      writer.run(async () => (await db.delete(t).where(lt(t.at, at)).returning({ at: t.at })).length),
  };
}
