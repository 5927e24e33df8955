import { diffLines, structuredPatch } from 'diff';
import type { DiffHunk } from '../../../shared/contract/backup';

/** How many lines one configuration added and removed against the one before it. */
export function lineChanges(before: string, after: string): { added: number; removed: number } {
  // A first version adds every line: no diff needed (Myers' diff costs lines × changes, and for a
  // whole new configuration that is the square of its length).
  if (before === '') return { added: countLines(after), removed: 0 };
  let added = 0;
  let removed = 0;
  for (const part of diffLines(before, after)) {
    if (part.added) added += part.count ?? 0;
    else if (part.removed) removed += part.count ?? 0;
  }
  return { added, removed };
}

function countLines(text: string): number {
  if (text === '') return 0;
  let lines = 1;
  for (let at = text.indexOf('\n'); at >= 0 && at < text.length - 1; at = text.indexOf('\n', at + 1)) lines++;
  return lines;
}

const CONTEXT = 3;

/** The changed places between two configurations, with three lines of context around each. */
export function configHunks(before: string, after: string): DiffHunk[] {
  const patch = structuredPatch('before', 'after', before, after, '', '', { context: CONTEXT });
  return patch.hunks.map((hunk) => ({
    oldStart: hunk.oldStart,
    newStart: hunk.newStart,
    lines: hunk.lines
      .filter((line) => !line.startsWith('\\'))
      .map((line) => ({
        kind: line.startsWith('+')
          ? ('added' as const)
          : line.startsWith('-')
            ? ('removed' as const)
            : ('same' as const),
        text: line.slice(1),
      })),
  }));
}
