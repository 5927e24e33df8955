import { tailWindow, type ShellOutput } from '../../../shared/domain/backup/arrival';
import { echoWindow } from '../../../shared/domain/backup/capture';

/**
 * A device's output since the last take, kept as the pieces that arrived: appending is cheap and
 * every packet reads only the start (for the echo) and the end (for the prompt), never the whole
 * answer, which a 200 KB configuration in many packets would otherwise copy again on each one.
 */
export class OutputBuffer implements ShellOutput {
  private pieces: string[] = [];
  private size = 0;
  head = '';
  tail = '';

  get length(): number {
    return this.size;
  }

  append(text: string): void {
    if (text === '') return;
    this.pieces.push(text);
    this.size += text.length;
    if (this.head.length < echoWindow) this.head += text.slice(0, echoWindow - this.head.length);
    this.tail = text.length >= tailWindow ? text.slice(-tailWindow) : (this.tail + text).slice(-tailWindow);
  }

  /** Drops the last `count` characters (what a pager's marker left), `count` at most the tail's. */
  dropEnd(count: number): void {
    let left = count;
    while (left > 0 && this.pieces.length > 0) {
      const last = this.pieces[this.pieces.length - 1]!;
      if (last.length > left) {
        this.pieces[this.pieces.length - 1] = last.slice(0, last.length - left);
        break;
      }
      this.pieces.pop();
      left -= last.length;
    }
    this.size = Math.max(0, this.size - count);
    this.tail = this.lastChars(tailWindow);
    if (this.size < echoWindow) this.head = this.pieces.join('');
  }

  /** Everything appended since the last take. */
  take(): string {
    const text = this.pieces.join('');
    this.pieces = [];
    this.size = 0;
    this.head = '';
    this.tail = '';
    return text;
  }

  private lastChars(count: number): string {
    let text = '';
    for (let index = this.pieces.length - 1; index >= 0 && text.length < count; index--) {
      text = this.pieces[index]! + text;
    }
    return text.slice(-count);
  }
}
