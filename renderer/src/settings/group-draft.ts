import { requiresRestart, type SettingsGroup } from '../../../shared/contract/settings';
import { checkSettings, type SettingsIssue } from '../../../shared/contract/settings-issues';
import type { Language } from '../../../shared/i18n/language';
import type { FieldSpec } from './group-fields';

/** A settings form as typed: numbers stay text until saved, so "1,5" or "" can be told apart. */
export type GroupDraft = Record<string, string | boolean>;

/** The form's starting point from a stored value. */
export function draftOf(value: Readonly<Record<string, unknown>>, fields: readonly FieldSpec[]): GroupDraft {
  const draft: GroupDraft = {};
  for (const field of fields) {
    const current = value[field.name];
    draft[field.name] = typeof current === 'boolean' ? current : current == null ? '' : String(current);
  }
  return draft;
}

/**
 * What the form would send: numbers parsed (a decimal comma accepted, as Brazilians type it), an
 * empty optional number as null; text that is no number is sent as it is, so the check says so.
 */
export function candidateOf(draft: GroupDraft, fields: readonly FieldSpec[]): Record<string, unknown> {
  const candidate: Record<string, unknown> = {};
  for (const field of fields) {
    const typed = draft[field.name];
    if (field.kind !== 'number' || typeof typed !== 'string') {
      candidate[field.name] = typeof typed === 'string' ? typed.trim() : typed;
      continue;
    }
    const text = typed.trim().replace(',', '.');
    if (text === '') candidate[field.name] = field.nullable ? null : typed;
    else candidate[field.name] = Number.isFinite(Number(text)) ? Number(text) : typed;
  }
  return candidate;
}

/** The first problem of each field, by field name, for the inputs' error texts. */
export function errorsByField(issues: readonly SettingsIssue[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) errors[issue.path] ??= issue.message;
  return errors;
}

/** The draft checked with the contract's own rules, in the page's language, before it is sent. */
export function checkDraft(
  group: SettingsGroup,
  draft: GroupDraft,
  fields: readonly FieldSpec[],
  language: Language,
): { value: Record<string, unknown> | null; errors: Record<string, string> } {
  const checked = checkSettings(group, candidateOf(draft, fields), language);
  return checked.ok
    ? { value: checked.value as Record<string, unknown>, errors: {} }
    : { value: null, errors: errorsByField(checked.issues) };
}

/** Fields whose saved value differs from the one before. */
export function changedFields(
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
): string[] {
  return Object.keys(after).filter((name) => before[name] !== after[name]);
}

/** Of the fields just changed, those that take effect only after a restart. */
export function restartFields(group: SettingsGroup, changed: readonly string[]): string[] {
  const marked = requiresRestart[group] as readonly string[];
  return changed.filter((name) => marked.includes(name));
}

/** Whether the form differs from what is stored. */
export function isDirty(draft: GroupDraft, saved: GroupDraft): boolean {
  return Object.keys(saved).some((name) => draft[name] !== saved[name]);
}
