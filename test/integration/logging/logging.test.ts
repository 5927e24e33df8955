import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildDiagnostics } from '../../../electron/engine/logging/diagnostics';
import { createFileLogger, LOG_FILE, logsFolder } from '../../../electron/engine/logging/file-logger';
import { redactValue } from '../../../electron/engine/logging/redact';

const BOT_TOKEN = '123456789:AAH-abcdefghijklmnopqrstuvwxyz012345';
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), `vigia-logs-${process.pid}-`));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('structured logs', () => {
  it('writes one JSON record per line in the data folder, with the level and no secret', async () => {
    const log = createFileLogger(dir);
    log.line('[warn] pinger restarted after a crash');
    log.line('store: connecting to postgres://vigia:s3nh4-forte@db.isp.test/vigia');
    log.line(`telegram: sending with bot ${BOT_TOKEN} to https://api.example/bot?token=abc123&x=1`);
    log.logger.error({ device: 12, snmp: { community: 'segredo-snmp', port: 161 } }, 'snmp poll failed');
    await log.close();

    const text = readFileSync(join(logsFolder(dir), LOG_FILE), 'utf8');
    const records = text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records.map((record) => [record.level, record.msg])).toEqual([
      [40, 'pinger restarted after a crash'],
      [30, 'store: connecting to postgres://vigia:[redacted]@db.isp.test/vigia'],
      [30, 'telegram: sending with bot [redacted-bot-token] to https://api.example/bot?token=[redacted]&x=1'],
      [50, 'snmp poll failed'],
    ]);
    expect(records[3]).toMatchObject({
      device: 12,
      snmp: { community: '[redacted]', port: 161 },
      pid: process.pid,
    });
    expect(typeof records[0]!.time).toBe('string');
    for (const secret of ['s3nh4-forte', 'abc123', BOT_TOKEN, 'segredo-snmp'])
      expect(text).not.toContain(secret);
  });

  it('takes a line written after close without crashing the process', async () => {
    const log = createFileLogger(mkdtempSync(join(tmpdir(), 'vigia-log-closed-')));
    await log.close();
    const console = vi.spyOn(globalThis.console, 'log').mockImplementation(() => undefined);
    try {
      log.line('[warn] backup of device 7: connection closed');
      // An ended stream would report its write error on a later turn: give it one.
      await new Promise((resolve) => setImmediate(resolve));
      expect(console).toHaveBeenCalledWith('[warn] backup of device 7: connection closed');
    } finally {
      console.mockRestore();
    }
  });

  it('removes secrets from nested settings but keeps everything else', () => {
    expect(
      redactValue({
        'notify.config': {
          telegram: { sealedToken: 'v1:abc', chats: [{ id: 1, name: 'NOC' }] },
          webhooks: [{ url: 'https://h.test/x', secret: 'k' }],
        },
        'ui.language': 'pt-BR',
        'snmp.default': { community: '' },
      }),
    ).toEqual({
      'notify.config': {
        telegram: { sealedToken: '[redacted]', chats: [{ id: 1, name: 'NOC' }] },
        webhooks: [{ url: 'https://h.test/x', secret: '[redacted]' }],
      },
      'ui.language': 'pt-BR',
      'snmp.default': { community: '' },
    });
  });

  it('exports diagnostics as a zip of logs, settings without secrets, versions and health', async () => {
    const { fileName, zip } = await buildDiagnostics({
      dataDir: dir,
      settings: async () => ({ 'notify.config': { botToken: BOT_TOKEN }, 'ui.language': 'pt-BR' }),
      about: () => ({ version: '9.9.9', dialect: 'sqlite' }),
      health: async () => ({ storeOk: true, note: 'ok' }),
      metrics: async () => 'vigia_store_up 1\n',
      now: () => Date.UTC(2026, 10, 29, 21, 0, 0),
    });
    expect(fileName).toBe('vigia-diagnostics-20261129-210000.zip');
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual([
      'health.json',
      `logs/${LOG_FILE}`,
      'metrics.txt',
      'settings.json',
      'versions.json',
    ]);
    expect(JSON.parse(strFromU8(files['settings.json']!))).toEqual({
      'notify.config': { botToken: '[redacted]' },
      'ui.language': 'pt-BR',
    });
    expect(JSON.parse(strFromU8(files['versions.json']!))).toMatchObject({
      version: '9.9.9',
      node: process.versions.node,
    });
    expect(strFromU8(files[`logs/${LOG_FILE}`]!)).toContain('pinger restarted after a crash');
    expect(strFromU8(files['metrics.txt']!)).toBe('vigia_store_up 1\n');
  });
});
