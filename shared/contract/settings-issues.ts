import type { z } from 'zod';
import { translate, type Language, type MessageKey } from '../i18n';
import { settingsRules, settingsSchemas, type SettingsGroup, type SettingsValue } from './settings';

/** One problem with a field, as forms show it: the field's path and a sentence naming it and the rule. */
export interface SettingsIssue {
  path: string;
  message: string;
}

export type SettingsCheck<G extends SettingsGroup> =
  { ok: true; value: SettingsValue<G> } | { ok: false; issues: SettingsIssue[] };

const isRule = (value: unknown): value is (typeof settingsRules)[number] =>
  (settingsRules as readonly unknown[]).includes(value);

/** The field's name in `language`; a path the catalog does not know is shown as it is. */
export function fieldLabel(language: Language, group: SettingsGroup, field: string): string {
  const key = `settings.field.${group}.${field}` as MessageKey;
  const label = translate(language, key);
  return label === key ? field : label;
}

/** A zod issue of a settings group as "<field>: <rule>" in `language`. */
export function describeIssue(
  language: Language,
  group: SettingsGroup,
  issue: z.core.$ZodIssue,
): SettingsIssue {
  const path = issue.path.map(String).join('.');
  if (path === '') return { path, message: translate(language, 'settings.rule.object') };
  const field = fieldLabel(language, group, path);
  const say = (key: MessageKey, params: Record<string, string | number> = {}): SettingsIssue => ({
    path,
    message: translate(language, key, { field, ...params }),
  });
  switch (issue.code) {
    case 'too_small':
      return say('settings.rule.min', { min: Number(issue.minimum) });
    case 'too_big':
      return issue.origin === 'string'
        ? say('settings.rule.maxChars', { max: Number(issue.maximum) })
        : say('settings.rule.max', { max: Number(issue.maximum) });
    case 'invalid_type':
      if (issue.expected === 'int') return say('settings.rule.integer');
      if (issue.expected === 'number') return say('settings.rule.number');
      if (issue.expected === 'boolean') return say('settings.rule.boolean');
      return say('settings.rule.text');
    case 'invalid_value':
      return say('settings.rule.choice', { options: issue.values.map(String).join(', ') });
    case 'custom': {
      const params = (issue.params ?? {}) as Record<string, string | number>;
      return isRule(params.rule) ? say(`settings.rule.${params.rule}`, params) : say('settings.rule.invalid');
    }
    default:
      return say('settings.rule.invalid');
  }
}

/** Checks a whole group; on failure, every problem in `language`, one per field, in form order. */
export function checkSettings<G extends SettingsGroup>(
  group: G,
  value: unknown,
  language: Language,
): SettingsCheck<G> {
  const parsed = settingsSchemas[group].safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data as SettingsValue<G> };
  const seen = new Set<string>();
  const issues = parsed.error.issues
    .map((issue) => describeIssue(language, group, issue))
    .filter((issue) => !seen.has(issue.path) && Boolean(seen.add(issue.path)));
  return { ok: false, issues };
}
