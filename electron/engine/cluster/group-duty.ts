/**
 * Which poller groups this instance does the leader-only work of: traps turned into alarms,
 * optical endpoints read, configuration backups taken, synthetic checks run. Each of those asks
 * before acting on a subject (a device's group, an endpoint's or a check's), and follows
 * `onChange` to start or stop its scheduled work when leadership moves.
 */
export interface GroupDuty {
  /** Whether this instance leads the group now, by its own clock (a woken process does not). */
  leads(group: number): boolean;
  /** Whether this instance leads the group the device belongs to. */
  leadsDevice(deviceId: number): boolean;
  /** A device's poller group (the default group when it is in none). */
  groupOf(deviceId: number): number;
  /** Told after the groups led here or their devices changed; returns the unsubscribe. */
  onChange(listener: () => void): () => void;
}

export interface GroupDutyOptions {
  /** From the lease keeper: the term is held and not self-fenced (null: one instance alone, leading all). */
  holds: ((group: number) => boolean) | null;
  /** A device's poller group (the default group when it is in none). */
  groupOf(deviceId: number): number;
}

/** The duty as the cluster role keeps it: told when terms or memberships change. */
export class GroupDutyBoard implements GroupDuty {
  private readonly listeners = new Set<() => void>();

  constructor(private readonly options: GroupDutyOptions) {}

  leads(group: number): boolean {
    return this.options.holds?.(group) ?? true;
  }

  leadsDevice(deviceId: number): boolean {
    return this.leads(this.groupOf(deviceId));
  }

  groupOf(deviceId: number): number {
    return this.options.groupOf(deviceId);
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The cluster role's report: the groups led here, or their devices, changed. */
  changed(): void {
    for (const listener of this.listeners) listener();
  }
}
