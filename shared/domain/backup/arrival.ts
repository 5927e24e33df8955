import { cleanTerminal, lastLine } from './capture';

/**
 * What the output read so far says about an answer awaited from a device's CLI: not there yet,
 * surely whole, or whole unless more follows within a quiet time (its last line looks like the
 * prompt, but nothing proves that it is the device's rather than text inside a configuration).
 */
export type Arrival = 'pending' | 'complete' | 'unless-more';

/** How much of an answer's end is read on each packet: a 200 KB answer arrives in many. */
export const tailWindow = 512;

/** What is read of the output since the last step on each packet: its start and its end. */
export interface ShellOutput {
  /** The first `echoWindow` characters (where the command's echo is). */
  head: string;
  /** The last `tailWindow` characters (where the prompt is). */
  tail: string;
}

export interface AwaitedAnswer {
  /** The command typed: its echo shows that what follows answers it. Null: typed unechoed (a secret). */
  command: string | null;
  /** Whether a line is one where the device waits for input (its prompt, a password question). */
  waits: (line: string) => boolean;
  /**
   * The line a whole answer ends with before the prompt (the vendor's end of a configuration):
   * `'any'` for an answer too short to hold a prompt-like line (a setting acknowledged), null when
   * nothing tells (then only a quiet time after the prompt does).
   */
  end: RegExp | 'any' | null;
}

/** The last line of terminal output as the device left it (cleaned, without trailing blanks). */
export const tailLine = (text: string): string => lastLine(cleanTerminal(text.slice(-tailWindow))).trimEnd();

/**
 * Whether the answer awaited has arrived: the device waits again, after the command's echo, and —
 * for a configuration — right after the line the vendor ends it with. Event-driven, so that a whole
 * answer is taken at once while a prompt-like line inside a configuration never cuts it.
 */
export function answerArrival(output: ShellOutput, awaited: AwaitedAnswer): Arrival {
  const lines = cleanTerminal(output.tail).split('\n');
  if (!awaited.waits(lines[lines.length - 1]!.trimEnd())) return 'pending';
  if (awaited.command !== null && !output.head.includes(awaited.command)) {
    return 'unless-more';
  }
  if (awaited.end === 'any') return 'complete';
  if (awaited.end === null) return 'unless-more';
  const before = lines
    .slice(0, -1)
    .reverse()
    .find((line) => line.trim() !== '');
  return before !== undefined && awaited.end.test(before.trim()) ? 'complete' : 'unless-more';
}

/**
 * Whether the output ends with the same prompt twice, only blank lines between: the device's
 * answer to an empty line typed at its first prompt. A login banner may hold a line that looks
 * like the prompt, but not that line, an empty line typed and the same line again at its very
 * end, so the prompt is known without waiting for the output to stay quiet.
 */
export function promptRepeated(output: ShellOutput, waits: (line: string) => boolean): boolean {
  const lines = cleanTerminal(output.tail)
    .split('\n')
    .map((line) => line.trimEnd());
  const last = lines.pop()!;
  if (!waits(last)) return false;
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.length > 0 && lines[lines.length - 1] === last;
}
