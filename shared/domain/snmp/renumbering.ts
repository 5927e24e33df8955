/** How a device's interfaces changed between two discoveries, interfaces matched by name. */
export interface Renumbering {
  /** Old ifIndex → new ifIndex, for interfaces whose name now sits at another index. */
  moved: Map<number, number>;
  /** Indexes whose interface is gone (neither there under its name nor moved). */
  removed: number[];
}

const uniqueNames = (interfaces: ReadonlyMap<number, string>): Map<string, number> => {
  const byName = new Map<string, number>();
  const repeated = new Set<string>();
  for (const [index, name] of interfaces) {
    if (byName.has(name)) repeated.add(name);
    byName.set(name, index);
  }
  for (const name of repeated) byName.delete(name);
  return byName;
};

/**
 * Agents renumber ifIndex after a reboot or when interfaces come and go (PPPoE, VLANs, a module
 * swapped). An interface keeps its history, state and alarms when its name is found at another
 * index; names an agent repeats are ambiguous and never matched.
 */
export function renumbering(
  before: ReadonlyMap<number, string>,
  after: ReadonlyMap<number, string>,
): Renumbering {
  const afterByName = uniqueNames(after);
  const beforeByName = uniqueNames(before);
  const moved = new Map<number, number>();
  const removed: number[] = [];
  for (const [index, name] of before) {
    const now = beforeByName.get(name) === index ? afterByName.get(name) : undefined;
    if (now !== undefined && now !== index) moved.set(index, now);
    else if (now === undefined && after.get(index) !== name) removed.push(index);
  }
  return { moved, removed };
}
