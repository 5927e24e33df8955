import * as snmp from 'net-snmp';

export interface ColumnsRead {
  /** Scalars in the order asked; null where the agent has none. */
  scalars: (snmp.Varbind | null)[];
  /** Rows of each column, keyed by the column OID, in agent order. */
  columns: Map<string, snmp.Varbind[]>;
  /** Columns the agent refused even when asked alone: not worth asking again until it changes. */
  refused: Set<string>;
}

export interface WalkPlan {
  /** Instance OIDs ending in .0. */
  scalars: readonly string[];
  columns: readonly string[];
  /** Upper bound on values per request, to keep answers inside one UDP datagram. */
  maxVarbinds: number;
  maxRepetitions: number;
}

/** Safety net against an agent that keeps answering without ever finishing a column. */
const MAX_ROUNDS = 200;

const parentOf = (instanceOid: string): string => instanceOid.replace(/\.0$/, '');
const isInside = (column: string, oid: string): boolean => oid.startsWith(`${column}.`);

/** An answer with an error status (noSuchName, genErr, tooBig…): the agent refused the request as a whole. */
const refusal = (error: unknown): number | null =>
  error instanceof Error && error.name === 'RequestFailedError'
    ? Number((error as Error & { status?: number }).status ?? snmp.ErrorStatus.GeneralError)
    : null;

function request(
  session: snmp.Session,
  v1: boolean,
  oids: string[],
  nonRepeaters: number,
  maxRepetitions: number,
): Promise<(snmp.Varbind | snmp.Varbind[])[]> {
  return new Promise((resolve, reject) => {
    const done = (error: Error | null, varbinds?: (snmp.Varbind | snmp.Varbind[])[]): void => {
      if (error) reject(error);
      else resolve(varbinds ?? []);
    };
    if (v1) {
      // SNMPv1 has no GetBulk: one GetNext per row, every column in the same request.
      session.getNext(oids, (error, varbinds) =>
        done(
          error,
          varbinds?.map((varbind, i) => (i < nonRepeaters ? varbind : [varbind])),
        ),
      );
    } else {
      session.getBulk(oids, nonRepeaters, maxRepetitions, done);
    }
  });
}

/** One read in progress: what has arrived, and where each unfinished column stands. */
class Walk {
  readonly columns: Map<string, snmp.Varbind[]>;
  readonly cursors: Map<string, string>;
  /** OIDs already taken per column: an agent walking in its own order is followed until it repeats. */
  private readonly seen = new Map<string, Set<string>>();
  readonly scalars: (snmp.Varbind | null)[];
  scalarsPending: boolean;

  constructor(private readonly plan: WalkPlan) {
    this.columns = new Map(plan.columns.map((column) => [column, []]));
    this.cursors = new Map(plan.columns.map((column) => [column, column]));
    this.scalars = plan.scalars.map(() => null);
    this.scalarsPending = plan.scalars.length > 0;
    for (const column of plan.columns) this.seen.set(column, new Set());
  }

  /** Takes one answer to `scalars` (when asked) and `pending` columns; whether any column moved on. */
  absorb(answer: (snmp.Varbind | snmp.Varbind[])[], withScalars: boolean, pending: string[]): boolean {
    const offset = withScalars ? this.plan.scalars.length : 0;
    if (withScalars) {
      this.plan.scalars.forEach((wanted, i) => {
        const varbind = answer[i];
        if (varbind && !Array.isArray(varbind) && varbind.oid === wanted && !snmp.isVarbindError(varbind))
          this.scalars[i] = varbind;
      });
      this.scalarsPending = false;
    }
    let progressed = false;
    pending.forEach((column, i) => {
      const rows = answer[offset + i];
      // An answer cut short (fewer values than asked) leaves the column where it was.
      const values = Array.isArray(rows) ? rows : [];
      const seen = this.seen.get(column)!;
      for (const varbind of values) {
        if (
          varbind.type === snmp.ObjectType.EndOfMibView ||
          !isInside(column, varbind.oid) ||
          seen.has(varbind.oid)
        ) {
          this.cursors.delete(column);
          return;
        }
        seen.add(varbind.oid);
        this.cursors.set(column, varbind.oid);
        progressed = true;
        // A row the agent says it has no value for (noSuchInstance inside a walk) costs that row only.
        if (!snmp.isVarbindError(varbind)) this.columns.get(column)!.push(varbind);
      }
    });
    return progressed;
  }
}

/**
 * Reads scalars and whole table columns together, robust to the shape of the agent's answers: a
 * column is followed until it leaves its subtree, whatever number of rows each answer carries
 * (some agents cap a GetBulk answer at max-repetitions values in all instead of per column), in
 * the agent's own order (some never sort their rows), and until it ends mid-table. An agent that
 * refuses the whole request because of one object it lacks (noSuchName from SNMPv1 agents, genErr
 * from some embedded ones) is asked again object by object, so that only that object is missing.
 */
export async function readColumns(session: snmp.Session, v1: boolean, plan: WalkPlan): Promise<ColumnsRead> {
  const walk = new Walk(plan);
  const refused = new Set<string>();
  let maxRepetitions = Math.max(
    1,
    Math.min(plan.maxRepetitions, Math.floor(plan.maxVarbinds / Math.max(1, plan.columns.length))),
  );

  /** Follows `columns` (and the scalars when still pending) round by round; refusals propagate. */
  const follow = async (columns: readonly string[]): Promise<void> => {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const pending = columns.filter((column) => walk.cursors.has(column));
      const withScalars = walk.scalarsPending;
      if (pending.length === 0 && !withScalars) return;
      const nonRepeaters = withScalars ? plan.scalars.length : 0;
      const oids = [
        ...(withScalars ? plan.scalars.map(parentOf) : []),
        ...pending.map((column) => walk.cursors.get(column)!),
      ];
      let answer: (snmp.Varbind | snmp.Varbind[])[];
      try {
        answer = await request(session, v1, oids, nonRepeaters, maxRepetitions);
      } catch (error) {
        // An answer too big for the agent to send: ask for fewer rows at a time.
        if (refusal(error) === snmp.ErrorStatus.TooBig && maxRepetitions > 1) {
          maxRepetitions = Math.max(1, Math.floor(maxRepetitions / 2));
          continue;
        }
        throw error;
      }
      if (!walk.absorb(answer, withScalars, pending)) return;
    }
  };

  try {
    await follow(plan.columns);
  } catch (error) {
    if (refusal(error) === null) throw error;
    // One object at a time from here on; what was read before stays.
    if (walk.scalarsPending) {
      for (const [i, oid] of plan.scalars.entries()) {
        try {
          const [varbind] = await request(session, v1, [parentOf(oid)], 1, 1);
          if (varbind && !Array.isArray(varbind) && varbind.oid === oid && !snmp.isVarbindError(varbind))
            walk.scalars[i] = varbind;
        } catch (alone) {
          if (refusal(alone) === null) throw alone;
        }
      }
      walk.scalarsPending = false;
    }
    for (const column of plan.columns) {
      try {
        await follow([column]);
      } catch (alone) {
        if (refusal(alone) === null) throw alone;
        walk.cursors.delete(column);
        refused.add(column);
      }
    }
  }
  return { scalars: walk.scalars, columns: walk.columns, refused };
}

/** The row index of a column value: the OID part after the column. */
export function rowIndex(column: string, oid: string): string {
  return oid.slice(column.length + 1);
}
