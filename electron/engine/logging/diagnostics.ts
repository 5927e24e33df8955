import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { logsFolder } from './file-logger';
import { redactText, redactValue } from './redact';

/** Logs put in one export, newest first: enough for days of history, small enough to mail. */
const LOGS_BUDGET_BYTES = 20 * 1024 * 1024;

export interface DiagnosticsSources {
  dataDir: string;
  settings(): Promise<Record<string, unknown>>;
  /** Versions, runtime, store dialect. */
  about(): Record<string, unknown>;
  /** The health snapshot, the /health verdict and the recent synthetic results. */
  health(): Promise<Record<string, unknown>>;
  metrics(): Promise<string>;
  now?: () => number;
}

const json = (value: unknown) => strToU8(`${JSON.stringify(value, null, 2)}\n`);

/**
 * One zip for support: the newest log files, the settings with every secret removed, versions,
 * the health picture and a metrics snapshot. Every text in it passes the same redaction as the
 * logs, so a secret that slipped into a message is not exported either.
 */
export async function buildDiagnostics(
  sources: DiagnosticsSources,
): Promise<{ fileName: string; zip: Uint8Array }> {
  const at = (sources.now ?? Date.now)();
  const files: Zippable = {
    'settings.json': json(redactValue(await sources.settings())),
    'versions.json': json({
      ...sources.about(),
      node: process.versions.node,
      electron: process.versions.electron ?? null,
      platform: `${process.platform} ${process.arch}`,
      exportedAt: new Date(at).toISOString(),
    }),
    'health.json': json(redactValue(await sources.health())),
    'metrics.txt': strToU8(redactText(await sources.metrics())),
  };
  const folder = logsFolder(sources.dataDir);
  if (existsSync(folder)) {
    let budget = LOGS_BUDGET_BYTES;
    const logs = readdirSync(folder)
      .map((name) => ({ name, stat: statSync(join(folder, name)) }))
      .filter((file) => file.stat.isFile())
      .sort((a, b) => b.stat.mtimeMs - a.stat.mtimeMs);
    for (const { name, stat } of logs) {
      if (stat.size > budget) break;
      budget -= stat.size;
      files[`logs/${name}`] = strToU8(redactText(readFileSync(join(folder, name), 'utf8')));
    }
  }
  const stamp = new Date(at).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return { fileName: `vigia-diagnostics-${stamp}.zip`, zip: zipSync(files, { level: 6 }) };
}
