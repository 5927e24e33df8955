import { settingsSchemas, type SettingsGroup, type SettingsValue } from '../../../shared/contract/settings';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A group as stored, made whole: a value written by an older version, edited by hand or broken
 * keeps every field that is still valid and falls back to the default for the others, field by
 * field; a rule across fields that no longer holds sends the fields it names back to their
 * defaults. Never throws: a bad row must not stop the engine from starting.
 */
export function readStoredGroup<G extends SettingsGroup>(group: G, stored: unknown): SettingsValue<G> {
  const schema = settingsSchemas[group];
  const whole = schema.safeParse(stored ?? {});
  if (whole.success) return whole.data as SettingsValue<G>;

  const source = isRecord(stored) ? stored : {};
  const kept: Record<string, unknown> = {};
  for (const [field, fieldSchema] of Object.entries(schema.shape)) {
    if (source[field] === undefined) continue;
    const one = (fieldSchema as { safeParse(value: unknown): { success: boolean } }).safeParse(source[field]);
    if (one.success) kept[field] = source[field];
  }
  const fieldwise = schema.safeParse(kept);
  if (fieldwise.success) return fieldwise.data as SettingsValue<G>;
  for (const issue of fieldwise.error.issues) delete kept[String(issue.path[0])];
  const relaxed = schema.safeParse(kept);
  return (relaxed.success ? relaxed.data : schema.parse({})) as SettingsValue<G>;
}
