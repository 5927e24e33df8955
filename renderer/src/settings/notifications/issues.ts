import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { NotifyConfig } from '../../../../shared/contract/notify';
import { candidateFromDraft, type NotifyDraft } from './draft';

/** One problem with the form: a dotted path as the engine reports it, where it is, and what is wrong. */
export interface FormIssue {
  path: string;
  where: string;
  message: string;
}

const languageNames: Record<string, string> = { 'pt-BR': 'Português (Brasil)', en: 'English' };

/** "telegram.chats.1.chatId" as "Telegram › Chat 2 “NOC” › Chat ID", in the operator's language. */
export function describePath(path: string, draft: NotifyDraft, t: TFunction): string {
  const parts = path.split('.').filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part === 'chats' || part === 'webhooks') {
      const index = Number(parts[i + 1]);
      if (Number.isInteger(index)) {
        i++;
        const name = (part === 'chats' ? draft.telegram.chats : draft.webhooks)[index]?.name.trim();
        const label = t(part === 'chats' ? 'notify.issues.chat' : 'notify.issues.webhook', { n: index + 1 });
        out.push(name ? `${label} “${name}”` : label);
        continue;
      }
    }
    if (languageNames[part]) out.push(languageNames[part]);
    else if (/^\d+$/.test(part)) out.push(`#${Number(part) + 1}`);
    else out.push(t(`notify.field.${part}`, { defaultValue: part }));
  }
  return out.join(' › ') || t('notify.issues.form');
}

/** A zod issue in words an operator reads, in the UI's language; the schema's own text otherwise. */
export function issueMessage(issue: z.core.$ZodIssue, t: TFunction): string {
  const leaf = String(issue.path.at(-1) ?? '');
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'int') return t('notify.issues.integer');
      return issue.expected === 'number' ? t('notify.issues.number') : t('notify.issues.required');
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string')
        return min <= 1 ? t('notify.issues.required') : t('notify.issues.minChars', { min });
      if (issue.origin === 'array') return t('notify.issues.minItems', { min });
      return t('notify.issues.min', { min });
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return t('notify.issues.maxChars', { max });
      if (issue.origin === 'array') return t('notify.issues.maxItems', { max });
      return t('notify.issues.max', { max });
    }
    case 'invalid_format':
      if (issue.format === 'url') return t('notify.issues.url');
      if (leaf === 'chatId') return t('notify.issues.chatId');
      if (leaf === 'id') return t('notify.issues.slug');
      return issue.message;
    case 'custom':
      return leaf === 'url' || leaf === 'apiRoot' ? t('notify.issues.httpUrl') : issue.message;
    case 'invalid_value':
      return t('notify.issues.choice');
    default:
      return issue.message;
  }
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (node, key) =>
      node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined,
    root,
  );
}

const sectionOrder = ['desktop', 'groupWindowS', 'telegram', 'telegram.chats', 'webhooks', 'templates'];
const fieldOrder = [
  'token',
  'apiRoot',
  'perChatPerMinute',
  'chatId',
  'id',
  'name',
  'language',
  'url',
  'secret',
];

/** Where a path sits in the form, top to bottom: section, row, field. */
function formOrder(path: string): number[] {
  const parts = path.split('.');
  const section = parts[0] === 'telegram' && parts[1] === 'chats' ? 'telegram.chats' : (parts[0] ?? '');
  const index = parts.find((part) => /^\d+$/.test(part));
  const field = fieldOrder.indexOf(parts.at(-1) ?? '');
  return [sectionOrder.indexOf(section), index === undefined ? -1 : Number(index), field < 0 ? 99 : field];
}

const compareKeys = (a: number[], b: number[]): number => {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
};

/**
 * Everything wrong with the form before it goes to the engine: the contract's own schema first,
 * then what the schema cannot see (one id per destination, a tower filter with no towers, secret
 * lengths).
 */
export function validateDraft(
  draft: NotifyDraft,
  t: TFunction,
): { issues: FormIssue[]; config: NotifyConfig | null } {
  const raw: { path: string; message: string }[] = [];
  const candidate = candidateFromDraft(draft);
  const parsed = NotifyConfig.safeParse(candidate);
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      // An empty field is simply missing, whichever of its checks failed first.
      const value = valueAt(candidate, issue.path);
      const empty = typeof value === 'string' && value.trim() === '';
      raw.push({
        path: issue.path.map(String).join('.'),
        message: empty ? t('notify.issues.required') : issueMessage(issue, t),
      });
    }

  const duplicates = (values: string[]) => {
    const seen = new Set<string>();
    return values.map((value) => {
      const duplicate = value !== '' && seen.has(value);
      seen.add(value);
      return duplicate;
    });
  };
  duplicates(draft.telegram.chats.map((chat) => chat.chatId.trim())).forEach((duplicate, index) => {
    if (duplicate)
      raw.push({ path: `telegram.chats.${index}.chatId`, message: t('notify.issues.duplicate') });
  });
  duplicates(draft.webhooks.map((hook) => hook.id.trim())).forEach((duplicate, index) => {
    if (duplicate) raw.push({ path: `webhooks.${index}.id`, message: t('notify.issues.duplicate') });
  });
  draft.telegram.chats.forEach((chat, index) => {
    if (chat.towerIds?.length === 0)
      raw.push({ path: `telegram.chats.${index}.towerIds`, message: t('notify.issues.noTowers') });
  });
  draft.webhooks.forEach((hook, index) => {
    if (hook.towerIds?.length === 0)
      raw.push({ path: `webhooks.${index}.towerIds`, message: t('notify.issues.noTowers') });
    if (hook.secret.trim().length > 300)
      raw.push({ path: `webhooks.${index}.secret`, message: t('notify.issues.maxChars', { max: 300 }) });
  });
  if (draft.telegram.token.trim().length > 300)
    raw.push({ path: 'telegram.token', message: t('notify.issues.maxChars', { max: 300 }) });

  const seen = new Set<string>();
  const issues = raw
    .filter((issue) => !seen.has(issue.path) && Boolean(seen.add(issue.path)))
    .sort((a, b) => compareKeys(formOrder(a.path), formOrder(b.path)))
    .map((issue) => ({ ...issue, where: describePath(issue.path, draft, t) }));
  return { issues, config: parsed.success && issues.length === 0 ? parsed.data : null };
}

/** Issues the engine reported for notify.config.set, with the "config." prefix of its input dropped. */
export function engineIssues(
  issues: { path: string; message: string }[],
  draft: NotifyDraft,
  t: TFunction,
): FormIssue[] {
  return issues.map((issue) => {
    const path = issue.path.replace(/^config\./, '').replace(/^webhookSecrets\.(.+)$/, (_, id: string) => {
      const index = draft.webhooks.findIndex((hook) => hook.id.trim() === id);
      return index >= 0 ? `webhooks.${index}.secret` : `webhookSecrets.${id}`;
    });
    const mapped = path === 'telegramToken' ? 'telegram.token' : path;
    return { path: mapped, message: issue.message, where: describePath(mapped, draft, t) };
  });
}

/** The first problem at a path, for the field's own error text. */
export function errorAt(issues: FormIssue[], path: string): string | undefined {
  return issues.find((issue) => issue.path === path)?.message;
}
