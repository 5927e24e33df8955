import * as snmp from 'net-snmp';

export interface ColumnsRead {
  /** Scalars in the order asked; null where the agent has none. */
  scalars: (snmp.Varbind | null)[];
  /** Rows of each column, keyed by the column OID, in agent order. */
  columns: Map<string, snmp.Varbind[]>;
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

/**
 * Reads scalars and whole table columns together, robust to the shape of the agent's answers: a
 * column is followed until it leaves its subtree, whatever number of rows each answer carries
 * (some agents cap a GetBulk answer at max-repetitions values in all instead of per column).
 */
export async function readColumns(session: snmp.Session, v1: boolean, plan: WalkPlan): Promise<ColumnsRead> {
  const columns = new Map<string, snmp.Varbind[]>(plan.columns.map((column) => [column, []]));
  const cursors = new Map<string, string>(plan.columns.map((column) => [column, column]));
  const scalars: (snmp.Varbind | null)[] = plan.scalars.map(() => null);
  const maxRepetitions = Math.max(
    1,
    Math.min(plan.maxRepetitions, Math.floor(plan.maxVarbinds / Math.max(1, plan.columns.length))),
  );

  let first = true;
  for (let round = 0; round < MAX_ROUNDS && (first || cursors.size > 0); round++) {
    const pending = [...cursors.keys()];
    const nonRepeaters = first ? plan.scalars.length : 0;
    const oids = [
      ...(first ? plan.scalars.map(parentOf) : []),
      ...pending.map((column) => cursors.get(column)!),
    ];
    if (oids.length === 0) break;
    const answer = await request(session, v1, oids, nonRepeaters, maxRepetitions);

    if (first) {
      plan.scalars.forEach((wanted, i) => {
        const varbind = answer[i];
        if (varbind && !Array.isArray(varbind) && varbind.oid === wanted && !snmp.isVarbindError(varbind)) {
          scalars[i] = varbind;
        }
      });
      first = false;
    }

    let progressed = false;
    pending.forEach((column, i) => {
      const rows = answer[nonRepeaters + i];
      const values = Array.isArray(rows) ? rows : [];
      for (const varbind of values) {
        if (snmp.isVarbindError(varbind) || !isInside(column, varbind.oid)) {
          cursors.delete(column);
          return;
        }
        columns.get(column)!.push(varbind);
        cursors.set(column, varbind.oid);
        progressed = true;
      }
    });
    if (!progressed) break;
  }
  return { scalars, columns };
}

/** The row index of a column value: the OID part after the column. */
export function rowIndex(column: string, oid: string): string {
  return oid.slice(column.length + 1);
}
