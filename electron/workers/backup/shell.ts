import { StringDecoder } from 'node:string_decoder';
import type { ClientChannel } from 'ssh2';
import type { BackupFailureCode } from '../../../shared/contract/backup-worker';
import type { Arrival, ShellOutput } from '../../../shared/domain/backup/arrival';
import { BackupError } from './backup-error';
import { OutputBuffer } from './output-buffer';

export interface ShellLimits {
  stepMs: number;
  maxBytes: number;
  /** More pages than this is a pager that never ends. */
  maxPages: number;
  /**
   * How long the output must stay quiet after something that only looks like the end of an
   * answer: text inside a configuration (a banner, a description) may look like the prompt when a
   * packet ends right after it.
   */
  settleMs: number;
}

interface Waiter {
  /** New output arrived: look again. */
  wake(): void;
  reject(error: BackupError): void;
}

const TAIL = 256;

/**
 * An interactive shell read as text: waits for the device's prompt within a step timeout, answers
 * its pager, and fails on a closed channel, too much output, or a cancel.
 */
export class Shell {
  private readonly output = new OutputBuffer();
  private bytes = 0;
  private pagesAnswered = 0;
  private closed: BackupError | null = null;
  private waiter: Waiter | null = null;
  private readonly decoder = new StringDecoder('utf8');
  private pager: RegExp | null = null;

  constructor(
    private readonly channel: ClientChannel,
    private readonly limits: ShellLimits,
  ) {
    channel.on('data', (chunk: Buffer) => this.receive(chunk));
    channel.stderr.on('data', (chunk: Buffer) => this.receive(chunk));
    channel.on('close', () => this.end(new BackupError('connection_lost', this.describeTail())));
  }

  get pages(): number {
    return this.pagesAnswered;
  }

  /** Answer this pager marker with a space whenever the output ends with it. */
  answerPager(pattern: string | null): void {
    this.pager = pattern === null ? null : new RegExp(`(?:${pattern})\\s*$`);
  }

  send(line: string): void {
    this.channel.write(`${line}\n`);
  }

  /** Everything read since the last take. */
  take(): string {
    return this.output.take();
  }

  /** The last line the device printed, for a failure's detail. */
  describeTail(): string {
    const tail = this.output.tail.slice(-TAIL).replace(/\r/g, '');
    const line = tail.slice(tail.lastIndexOf('\n') + 1).trim() || tail.trim().split('\n').pop() || '';
    return line ? JSON.stringify(line.slice(-120)) : '';
  }

  /**
   * Resolves as soon as `arrival` finds the output read so far complete, or once it finds it
   * complete unless more follows and the output then stays quiet for the settle time (`settleMs`,
   * the shell's own unless told); `timeoutCode` names the failure when the device stays silent for
   * the step timeout.
   */
  waitFor(
    arrival: (output: ShellOutput) => Arrival,
    timeoutCode: BackupFailureCode,
    settleMs = this.limits.settleMs,
  ): Promise<void> {
    if (this.closed) return Promise.reject(this.closed);
    return new Promise((resolve, reject) => {
      let settle: NodeJS.Timeout | null = null;
      let idle: NodeJS.Timeout | null = null;
      const finish = (error: BackupError | null) => {
        if (idle) clearTimeout(idle);
        if (settle) clearTimeout(settle);
        this.waiter = null;
        if (error) reject(error);
        else resolve();
      };
      // The step timeout runs from the last output: a long answer that keeps coming is not a stall.
      const check = () => {
        if (idle) clearTimeout(idle);
        idle = setTimeout(
          () => finish(new BackupError(timeoutCode, this.describeTail())),
          this.limits.stepMs,
        );
        if (settle) clearTimeout(settle);
        settle = null;
        const seen = arrival(this.output);
        if (seen === 'pending') return;
        if (seen === 'complete' || settleMs === 0) finish(null);
        else settle = setTimeout(() => finish(null), settleMs);
      };
      this.waiter = { wake: check, reject: (error) => finish(error) };
      check();
    });
  }

  close(): void {
    this.channel.close();
  }

  private receive(chunk: Buffer): void {
    if (this.closed) return;
    this.bytes += chunk.length;
    if (this.bytes > this.limits.maxBytes) {
      this.end(new BackupError('too_large', `> ${this.limits.maxBytes} B`));
      this.channel.close();
      return;
    }
    this.output.append(this.decoder.write(chunk));
    if (this.pager) {
      const tail = this.output.tail.slice(-TAIL);
      const match = this.pager.exec(tail);
      if (match) {
        this.output.dropEnd(tail.length - match.index);
        if (++this.pagesAnswered > this.limits.maxPages) {
          this.end(new BackupError('endless_pager', `${this.limits.maxPages} × ${this.describeTail()}`));
          this.channel.close();
          return;
        }
        this.channel.write(' ');
      }
    }
    this.waiter?.wake();
  }

  /** Fails the current wait and every later one with this error. */
  end(error: BackupError): void {
    if (this.closed) return;
    this.closed = error;
    this.waiter?.reject(error);
  }
}
