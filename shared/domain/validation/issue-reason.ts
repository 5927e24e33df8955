import type { z } from 'zod';
import { USER_NAME_PATTERN } from '../../contract/accounts';

/**
 * A problem as facts, never a sentence: the UI renders `key` (a text of its catalog) with
 * `params` in the reader's language, and names the field as its form shows it.
 */
export interface Reason {
  key: string;
  params: Record<string, string | number>;
}

/** What zod found, as a reason keyed `validation.*`; `field` is the issue's path ("tags.0" → "tags"). */
export function zodIssueReason(issue: z.core.$ZodIssue): Reason {
  const field = issue.path.find((part) => typeof part === 'string') ?? '';
  const reason = (key: string, params: Record<string, string | number> = {}): Reason => ({
    key: `validation.${key}`,
    params: { field, ...params },
  });
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1
          ? reason('required')
          : reason('tooShort', { min: Number(issue.minimum) });
      if (issue.origin === 'array') return reason('tooFew', { min: Number(issue.minimum) });
      return reason('min', { min: Number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') return reason('tooLong', { max: Number(issue.maximum) });
      if (issue.origin === 'array') return reason('tooMany', { max: Number(issue.maximum) });
      return reason('max', { max: Number(issue.maximum) });
    case 'invalid_type':
      if (issue.expected === 'int') return reason('integer');
      if (issue.expected === 'number') return reason('number');
      return issue.input === undefined ? reason('required') : reason('invalid');
    case 'invalid_value':
      return reason('choice', { options: issue.values.map(String).join(', ') });
    case 'invalid_format':
      if (issue.format === 'regex' && issue.pattern === String(USER_NAME_PATTERN)) return reason('userName');
      // Every address in the contract is a `host`: say what it should look like.
      return reason(field === 'host' ? 'address' : 'format');
    default:
      return reason('invalid');
  }
}
