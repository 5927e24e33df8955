import type { BackupFailure, BackupProfileSpec } from '../../contract/backup-worker';

// CSI/OSC escape sequences (colours, cursor moves, window titles) that some CLIs print.
// eslint-disable-next-line no-control-regex
const ESCAPES = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>]/g;
// What a pager leaves once answered: backspaces over it, or a carriage return and blanks over it.
// eslint-disable-next-line no-control-regex
const ERASED = /(?:\x08+ +\x08+)|(?:\r +\r)/g;
// eslint-disable-next-line no-control-regex
const BINARY = /[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]/g;

/** Terminal text as plain lines: escapes, pager erasures and carriage returns gone, "\n" endings. */
export function cleanTerminal(raw: string): string {
  // Each pass only where its mark occurs: a plain configuration has none but "\r\n" line endings.
  let text = raw.includes('\x1b') ? raw.replace(ESCAPES, '') : raw;
  if (text.includes('\x08') || text.includes('\r ')) text = text.replace(ERASED, '');
  if (text.includes('\r')) text = text.replace(/\r+\n/g, '\n');
  if (text.includes('\r')) text = text.replace(/\n\r+/g, '\n').replace(/\r/g, '\n');
  return text;
}

// The characters BINARY matches, each looked for on its own: a search for one character runs at
// memory speed, while the class is tried at every one of a 200 KB configuration's characters.
const BINARY_CHARS = Array.from({ length: 0x80 }, (_, code) => String.fromCharCode(code)).filter((char) =>
  new RegExp(BINARY.source).test(char),
);

/** True when the text holds control bytes no configuration has (a binary answer). */
export function looksBinary(text: string): boolean {
  if (!BINARY_CHARS.some((char) => text.includes(char))) return false;
  const hits = text.match(BINARY)?.length ?? 0;
  return text.includes('\x00') || hits > text.length / 1_000;
}

/** Where a command's echo is looked for: at the start of its answer. */
export const echoWindow = 4_096;

export function lastLine(text: string): string {
  const at = text.lastIndexOf('\n');
  return at < 0 ? text : text.slice(at + 1);
}

/**
 * The configuration inside one command's answer: what follows the echo of the command and
 * precedes the prompt that came back after it. Before the echo there may be what the step before
 * left (a prompt the device printed twice), looked past within the echo's window.
 */
export function answerBody(answer: string, command: string, prompt: string): string {
  let body = cleanTerminal(answer);
  const echo = body.slice(0, echoWindow).indexOf(command);
  if (echo >= 0) {
    const lineEnd = body.indexOf('\n', echo);
    body = lineEnd < 0 ? '' : body.slice(lineEnd + 1);
  }
  const tail = lastLine(body);
  if (tail.trimEnd() === prompt.trimEnd() || tail.trim() === '')
    body = body.slice(0, body.length - tail.length);
  let end = body.length;
  while (end > 0 && body[end - 1] === '\n') end--;
  let start = 0;
  while (start < end && body[start] === '\n') start++;
  return body.slice(start, end);
}

const compile = (source: string) => new RegExp(source);

/**
 * One pattern that matches where any of `sources` does: one test per line instead of one per
 * pattern (a configuration has thousands of lines). A pattern with a back-reference keeps its own,
 * since joining would renumber its groups.
 */
function anyOf(sources: readonly string[]): (line: string) => boolean {
  if (sources.length === 0) return () => false;
  if (sources.some((source) => /\\[1-9]|\\k</.test(source))) {
    const patterns = sources.map(compile);
    return (line) => patterns.some((pattern) => pattern.test(line));
  }
  const joined = new RegExp(sources.map((source) => `(?:${source})`).join('|'));
  return (line) => joined.test(line);
}

// What asserts a position in a pattern (outside character classes and escapes): `^`, `$`, `\b`,
// `\B` and lookarounds. Escapes and classes are matched first, so that they are skipped whole.
const POSITION_TOKENS = /\\[bB]|\\.|\[(?:\\.|[^\]\\])*\]|\(\?<?[=!]|[\^$]/g;

/** Where any line of a text may match some patterns, found by scans of the whole text. */
interface WholeTextGate {
  /** False only when no line can match. */
  test(text: string): boolean;
  /** Where the next possible match from `from` starts (-1: none); lines before it cannot match. */
  find(text: string, from: number): number;
}

/**
 * The gate of patterns tried on a line (trimmed): each pattern without its leading `^` and
 * trailing `$`, which a match inside a line also matches in the whole text. One scan at memory
 * speed then spares a test per line (a configuration has thousands) where nothing matches. Null
 * when a pattern asserts a position elsewhere, where that would not hold.
 */
function wholeTextGate(sources: readonly string[]): WholeTextGate | null {
  if (sources.length === 0) return { test: () => false, find: () => -1 };
  const bare: string[] = [];
  for (const source of sources) {
    let inner = source.startsWith('^') ? source.slice(1) : source;
    if (inner.endsWith('$') && !inner.endsWith('\\$')) inner = inner.slice(0, -1);
    const asserts = [...inner.matchAll(POSITION_TOKENS)].some(
      ([token]) => token === '\\b' || token === '\\B' || !(token.startsWith('\\') || token.startsWith('[')),
    );
    if (asserts) return null;
    bare.push(`(?:${inner})`);
  }
  const pattern = new RegExp(bare.join('|'), 'g');
  const find = (text: string, from: number) => {
    pattern.lastIndex = from;
    return pattern.exec(text)?.index ?? -1;
  };
  return { test: (text) => find(text, 0) >= 0, find };
}

const squash = (text: string) => text.replace(/\s+/g, '');

function fail(code: BackupFailure['code'], detail: string): BackupFailure {
  return { code, detail: detail.slice(0, 500) };
}

function bracesBalance(lines: readonly string[]): boolean {
  let depth = 0;
  for (const line of lines) {
    // Quoted strings ("description \"a {b\"") do not count.
    const bare = line.replace(/"(?:[^"\\]|\\.)*"/g, '');
    for (const char of bare) {
      if (char === '{') depth++;
      else if (char === '}' && --depth < 0) return false;
    }
  }
  return depth === 0;
}

/**
 * Whether a captured configuration is whole: it starts and ends the way the vendor starts and
 * ends it, holds no prompt or pager residue and no rejection of the command. Null: complete.
 */
export function checkComplete(
  profile: BackupProfileSpec,
  config: string,
  prompt: string,
): BackupFailure | null {
  if (looksBinary(config)) return fail('binary_output', '');
  const rejections = wholeTextGate(profile.rejections);
  const pager = profile.pager === null ? null : wholeTextGate([profile.pager]);
  // Braces balance over every line; a gate that cannot be built leaves only the line-by-line way.
  if (profile.bracesBalance || !rejections || (profile.pager !== null && !pager)) {
    return checkLines(profile, config, prompt);
  }
  // Each check reads only the lines a scan of the whole text finds it may fail on.
  const first = firstLine(config);
  if (first === '') return fail('empty', '');
  const rejected = firstLineWhere(config, rejections.find, anyOf(profile.rejections));
  if (rejected !== null) return fail('command_rejected', rejected);
  if (profile.configStart && !compile(profile.configStart).test(first)) return fail('bad_start', first);
  if (pager) {
    const residue = firstLineWhere(config, pager.find, (line) => compile(profile.pager!).test(line));
    if (residue !== null) return fail('pager_residue', residue);
  }
  const mark = squash(prompt).slice(-1);
  const typed = firstLineWhere(config, (text, from) => text.indexOf(mark, from), typedAt(profile, prompt));
  if (typed !== null) return fail('prompt_residue', typed);
  return checkBounds(profile, first, lastFilledLine(config));
}

/** Where the line holding `index` starts and ends (its "\n", or the text's end). */
function lineAround(text: string, index: number): { start: number; end: number } {
  const start = index === 0 ? 0 : text.lastIndexOf('\n', index - 1) + 1;
  const newline = text.indexOf('\n', index);
  return { start, end: newline < 0 ? text.length : newline };
}

/** The first line, trimmed and not blank, that passes `test`, among those `next` points into. */
function firstLineWhere(
  config: string,
  next: (text: string, from: number) => number,
  test: (line: string) => boolean,
): string | null {
  for (let at = 0; at < config.length;) {
    const found = next(config, at);
    if (found < 0) return null;
    const { start, end } = lineAround(config, found);
    const line = config.slice(start, end).trim();
    if (line !== '' && test(line)) return line;
    at = Math.max(end + 1, found + 1);
  }
  return null;
}

/** Whether a line is the prompt with one of the profile's commands typed after it. */
function typedAt(profile: BackupProfileSpec, prompt: string): (line: string) => boolean {
  const typed = new Set(
    [...profile.pagingOff, ...profile.commands, profile.enable?.command ?? null]
      .filter((command): command is string => command !== null)
      .map((command) => squash(prompt + command)),
  );
  // Only a line holding the prompt's last mark ("#", ">") can be one; the others are not squashed.
  const mark = squash(prompt).slice(-1);
  return (line) => line.includes(mark) && typed.has(squash(line));
}

/** The first line that is not blank, trimmed ('' when there is none). */
function firstLine(config: string): string {
  return (
    firstLineWhere(
      config,
      (_text, from) => from,
      () => true,
    ) ?? ''
  );
}

/** The last line that is not blank, trimmed ('' when there is none). */
function lastFilledLine(config: string): string {
  for (let end = config.length; end > 0;) {
    const start = config.lastIndexOf('\n', end - 1) + 1;
    const line = config.slice(start, end).trim();
    if (line !== '') return line;
    end = start - 1;
  }
  return '';
}

/** The checks on where a configuration starts and ends, from its first and last filled lines. */
function checkBounds(profile: BackupProfileSpec, first: string, last: string): BackupFailure | null {
  if (first === '') return fail('empty', '');
  if (profile.configStart && !compile(profile.configStart).test(first)) return fail('bad_start', first);
  if (profile.configEnd && !compile(profile.configEnd).test(last)) return fail('truncated', last);
  // A line continued with "\" (RouterOS) cannot be the last one.
  if (last.endsWith('\\')) return fail('truncated', last);
  return null;
}

/** `checkComplete` past the binary check, line by line: every check on every line that is not blank. */
export function checkLines(profile: BackupProfileSpec, config: string, prompt: string): BackupFailure | null {
  const isRejection = anyOf(profile.rejections);
  const pager = profile.pager ? compile(profile.pager) : null;
  // The prompt with a command typed after it means the capture ran past one answer into another.
  const isTyped = typedAt(profile, prompt);
  // One pass over the lines without their surrounding blanks (a configuration has thousands),
  // noting the first line each check fails on; the checks then answer in their order.
  const filled: string[] | null = profile.bracesBalance ? [] : null;
  let first: string | null = null;
  let last = '';
  let rejected: string | null = null;
  let pagerResidue: string | null = null;
  let promptResidue: string | null = null;
  for (const raw of config.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    first ??= line;
    last = line;
    filled?.push(line);
    if (rejected === null && isRejection(line)) rejected = line;
    if (pagerResidue === null && pager?.test(line)) pagerResidue = line;
    if (promptResidue === null && isTyped(line)) promptResidue = line;
  }
  if (first === null) return fail('empty', '');
  if (rejected !== null) return fail('command_rejected', rejected);
  if (profile.configStart && !compile(profile.configStart).test(first)) return fail('bad_start', first);
  if (pagerResidue !== null) return fail('pager_residue', pagerResidue);
  if (promptResidue !== null) return fail('prompt_residue', promptResidue);
  const bounds = checkBounds(profile, first, last);
  if (bounds) return bounds;
  if (filled && !bracesBalance(filled)) return fail('truncated', '{ }');
  return null;
}

/**
 * The configuration as stored and compared: volatile lines (clock, uptime, "last change") gone,
 * trailing blanks trimmed, and secrets masked when asked, so that an unchanged device hashes the same.
 */
export function normalizeConfig(profile: BackupProfileSpec, config: string, maskSecrets: boolean): string {
  const volatile = wholeTextGate(profile.volatile);
  // Line by line only where a line's end has blanks to trim or secrets are masked; otherwise the
  // text is kept as it is but for its volatile lines, found by a scan of the whole text.
  if (!volatile || maskSecrets || TRAILING_BLANK.test(config)) {
    return normalizeLines(profile, config, maskSecrets);
  }
  const isVolatile = anyOf(profile.volatile);
  const kept: string[] = [];
  let from = 0;
  for (let at = 0; at < config.length;) {
    const found = volatile.find(config, at);
    if (found < 0) break;
    const { start, end } = lineAround(config, found);
    if (isVolatile(config.slice(start, end))) {
      kept.push(config.slice(from, start));
      from = end + 1;
    }
    at = Math.max(end + 1, found + 1);
  }
  kept.push(config.slice(from));
  const text = kept.join('');
  let start = 0;
  while (text[start] === '\n') start++;
  let end = text.length;
  while (end > start && text[end - 1] === '\n') end--;
  return text.slice(start, end) + '\n';
}

// A blank before a line's end (or the text's): `trimEnd` would change that line.
const TRAILING_BLANK = /[^\S\n](?:\n|$)/;

/** `normalizeConfig` line by line. */
export function normalizeLines(profile: BackupProfileSpec, config: string, maskSecrets: boolean): string {
  const isVolatile = anyOf(profile.volatile);
  const secrets = maskSecrets ? profile.secrets.map((source) => new RegExp(source, 'g')) : [];
  const kept: string[] = [];
  for (const raw of config.split('\n')) {
    const line = raw.trimEnd();
    if (isVolatile(line)) continue;
    kept.push(secrets.reduce((text, pattern) => text.replace(pattern, '$1********'), line));
  }
  while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
  const first = kept.findIndex((line) => line !== '');
  return kept.slice(Math.max(first, 0)).join('\n') + '\n';
}
