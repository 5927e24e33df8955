import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import { createStream } from 'rotating-file-stream';
import { redactText, redactValue } from './redact';

export const LOG_FILE = 'vigia.log';
export const logsFolder = (dataDir: string): string => join(dataDir, 'logs');

/** The engine's one-line log messages start with their level, e.g. "[warn] pinger restarted". */
const LEVEL_PREFIX = /^\[(info|warn|error)\]\s*/;

export interface FileLogger {
  /** Writes one engine log line as a structured JSON record (level, time, msg, pid, host). */
  line(message: string): void;
  logger: Logger;
  close(): Promise<void>;
}

/**
 * Structured JSON logs in `<dataDir>/logs/vigia.log`, rotated daily or at 10 MB, 14 files kept,
 * with every secret redacted before it is written: values under secret-named keys, and passwords
 * or tokens inside the text.
 */
export function createFileLogger(dataDir: string, level: pino.Level = 'info'): FileLogger {
  const folder = logsFolder(dataDir);
  mkdirSync(folder, { recursive: true });
  const stream = createStream(LOG_FILE, { path: folder, size: '10M', interval: '1d', maxFiles: 14 });
  const logger = pino(
    {
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { log: (record) => redactValue(record) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          method.apply(
            this,
            args.map((arg) => (typeof arg === 'string' ? redactText(arg) : arg)) as Parameters<typeof method>,
          );
        },
      },
    },
    stream,
  );
  // Work still finishing while the engine stops (a backup lane, a worker's last words) may log
  // after close: those lines go to the console only, never to an ended stream (a process crash).
  let closed = false;
  return {
    logger,
    line(message) {
      if (closed) {
        console.log(message);
        return;
      }
      const match = LEVEL_PREFIX.exec(message);
      const lineLevel = (match?.[1] ?? 'info') as 'info' | 'warn' | 'error';
      logger[lineLevel](match ? message.slice(match[0].length) : message);
    },
    close: () =>
      new Promise((resolve) => {
        closed = true;
        logger.flush();
        stream.end(() => resolve());
      }),
  };
}

/**
 * The engine's log file, or none when the logs folder cannot be written (a read-only data
 * folder): monitoring goes on, and the reason is printed once.
 */
export function openFileLog(
  dataDir: string,
  print: (message: string) => void,
): Pick<FileLogger, 'line' | 'close'> {
  try {
    return createFileLogger(dataDir);
  } catch (error) {
    print(`[warn] no log file in ${logsFolder(dataDir)}: ${(error as Error).message}`);
    return { line: () => undefined, close: async () => undefined };
  }
}
