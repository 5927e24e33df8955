/** Keys whose values are secrets wherever they appear (settings, log fields, error objects). */
const SECRET_KEY =
  /pass(word)?|secret|token|community|authkey|privkey|apikey|credential|sealed|cookie|authorization/i;

/** Secrets inside text: a password in a URL, `token=…` in a query, a bearer header, a Telegram bot token. */
const SECRET_TEXT: [RegExp, string][] = [
  [/(\w+:\/\/[^:/?#\s]+:)[^@/\s]+@/g, '$1[redacted]@'],
  [/((?:token|password|secret|community|key)=)[^&\s]+/gi, '$1[redacted]'],
  [/(bearer\s+)[\w.~+/-]+=*/gi, '$1[redacted]'],
  [/\b\d{6,12}:[\w-]{30,}\b/g, '[redacted-bot-token]'],
];

export const REDACTED = '[redacted]';

export function redactText(text: string): string {
  return SECRET_TEXT.reduce((result, [pattern, replacement]) => result.replace(pattern, replacement), text);
}

/** A deep copy with every secret-named value replaced and every string scrubbed. */
export function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (depth > 12 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      SECRET_KEY.test(key) && inner !== null && inner !== '' ? REDACTED : redactValue(inner, depth + 1),
    ]),
  );
}
