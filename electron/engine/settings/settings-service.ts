import {
  settingsGroups,
  settingsKey,
  type AllSettings,
  type SettingsChanged,
  type SettingsGroup,
  type SettingsValue,
} from '../../../shared/contract/settings';
import { checkSettings } from '../../../shared/contract/settings-issues';
import { translate, type Language } from '../../../shared/i18n';
import { invalidInput } from '../../../shared/contract/api-failure';
import type { EventBus } from '../event-bus';
import type { Repository } from '../store/repository';
import { groupFromLegacy, legacyKeys } from './legacy-keys';
import { readStoredGroup } from './stored-group';

export interface SettingsServiceOptions {
  repo: Repository;
  bus: EventBus;
  /** The operator when none is stored: the signed-in user in the desktop app, the host name headless. */
  defaultOperator: string;
  now?: () => number;
}

type Listener<G extends SettingsGroup> = (value: SettingsValue<G>) => void;

/**
 * The typed settings: one key per group in the store, checked on the way in (a rejected value is
 * told field by field in the stored UI language, and the stored one stays), made whole on the way
 * out, and pushed to whoever follows a group (the monitors, the notifier, the UI) the moment it is
 * saved, so nothing waits for a restart.
 */
export class SettingsService {
  private readonly listeners = new Map<SettingsGroup, Set<Listener<never>>>();
  private readonly now: () => number;
  /** Saves and refreshes one at a time, so a refresh never reads around a save in progress. */
  private tail: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly options: SettingsServiceOptions,
    private current: AllSettings,
  ) {
    this.now = options.now ?? Date.now;
  }

  /** Reads every group, moving the values of the old free-form keys into their groups once. */
  static async open(options: SettingsServiceOptions): Promise<SettingsService> {
    const stored = await options.repo.settings.all();
    const current = {} as Record<SettingsGroup, unknown>;
    const oldKeys = Object.keys(legacyKeys).filter((old) => old in stored);
    for (const group of settingsGroups) {
      const key = settingsKey(group);
      const fromOld = oldKeys.some((old) => legacyKeys[old]!.includes(group));
      if (!(key in stored) && fromOld) {
        current[group] = readStoredGroup(group, groupFromLegacy(group, stored));
        await options.repo.settings.set(key, current[group]);
      } else current[group] = readStoredGroup(group, stored[key]);
    }
    // Only once every group that draws on them is written.
    for (const old of oldKeys) await options.repo.settings.delete(old);
    return new SettingsService(options, current as AllSettings);
  }

  /** Every group, the operator filled in with the workstation's default when none was chosen. */
  all(): AllSettings {
    return { ...this.current, ui: { ...this.current.ui, operator: this.operator() } };
  }

  group<G extends SettingsGroup>(group: G): SettingsValue<G> {
    return this.current[group] as SettingsValue<G>;
  }

  language(): Language {
    return this.current.ui.language;
  }

  operator(): string {
    return this.current.ui.operator || this.options.defaultOperator;
  }

  /**
   * Applies a patch over the stored group and saves it whole, or rejects it with every problem
   * named (field and rule) and stores nothing.
   */
  set<G extends SettingsGroup>(
    group: G,
    patch: Partial<Record<string, unknown>>,
    by: string,
  ): Promise<SettingsValue<G>> {
    return this.serial(() => this.save(group, patch, by));
  }

  /**
   * Takes up the groups another workstation saved (workstations sharing one PostgreSQL), as if
   * saved here: listeners and the UI follow.
   */
  refresh(): Promise<void> {
    return this.serial(async () => {
      const stored = await this.options.repo.settings.all();
      for (const group of settingsGroups) {
        const value = readStoredGroup(group, stored[settingsKey(group)]);
        if (JSON.stringify(value) !== JSON.stringify(this.current[group])) this.adopt(group, value);
      }
    });
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.tail.then(work, work);
    this.tail = next.catch(() => undefined);
    return next;
  }

  private async save<G extends SettingsGroup>(
    group: G,
    patch: Partial<Record<string, unknown>>,
    by: string,
  ): Promise<SettingsValue<G>> {
    const isPatch = typeof patch === 'object' && patch !== null && !Array.isArray(patch);
    const checked = isPatch
      ? checkSettings(group, { ...this.current[group], ...patch }, this.language())
      : checkSettings(group, patch, this.language());
    if (!checked.ok)
      throw invalidInput(
        translate(this.language(), 'settings.invalid', {
          problems: checked.issues.map((issue) => issue.message).join(' '),
        }),
        checked.issues,
      );
    const value = checked.value;
    await this.options.repo.settings.set(settingsKey(group), value);
    await this.options.repo.audit.add({
      at: this.now(),
      actor: by,
      action: `settings.${group}.set`,
      target: settingsKey(group),
      details: JSON.stringify(value).slice(0, 300),
    });
    return this.adopt(group, value);
  }

  /** The new value in use: kept, handed to the listeners, published (the operator filled in). */
  private adopt<G extends SettingsGroup>(group: G, value: SettingsValue<G>): SettingsValue<G> {
    this.current = { ...this.current, [group]: value };
    const shown = (group === 'ui' ? this.all().ui : value) as SettingsValue<G>;
    for (const listener of this.listeners.get(group) ?? []) (listener as Listener<G>)(shown);
    this.options.bus.publish({ type: 'settings.changed', group, value: shown } as SettingsChanged);
    return shown;
  }

  /** Calls `listener` with the group's new value after every save; returns the unsubscribe. */
  onChange<G extends SettingsGroup>(group: G, listener: Listener<G>): () => void {
    let set = this.listeners.get(group);
    if (!set) this.listeners.set(group, (set = new Set()));
    set.add(listener as Listener<never>);
    return () => set.delete(listener as Listener<never>);
  }
}
