import { z } from 'zod';
import { zodIssueReason, type Reason } from '../../../shared/domain/validation/issue-reason';
import i18n from './index';

/** The label a form shows for a contract field, in the current language; an unknown field as it is. */
export function fieldLabel(field: string): string {
  const keys = [`import.field.${field}`, `towers.${field}`, `devices.${field.replace(/Id$/, '')}`];
  const key = keys.find((candidate) => i18n.exists(candidate));
  return key ? i18n.t(key) : field;
}

/** A reason (from the import's checks or from zod) as a sentence in the current language. */
export function reasonText(reason: Reason): string {
  const params: Record<string, string | number> = { ...reason.params };
  if (typeof params.field === 'string') params.field = fieldLabel(params.field);
  return i18n.t(reason.key, params);
}

/**
 * Zod's error map for the renderer: every message zod writes here is in the operator's language
 * and names the field as its form does ("Endereço (IP): obrigatório"), never zod's English.
 */
z.config({ customError: (issue) => reasonText(zodIssueReason(issue as z.core.$ZodIssue)) });

/** A form's errors by field (the first of each), from a failed parse. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '');
    errors[field] ??= issue.message;
  }
  return errors;
}
