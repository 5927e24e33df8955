import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  answerBody,
  checkComplete,
  checkLines,
  cleanTerminal,
  looksBinary,
  normalizeConfig,
  normalizeLines,
} from '../../shared/domain/backup/capture';
import { BackupFailure } from '../../shared/contract/backup-worker';
import { builtInProfiles } from '../../shared/domain/backup/profiles';
import { RUNS } from './arbitraries';

// What a device's CLI sends back over SSH is untrusted: escapes, pager residue, binary bytes,
// truncation. The backup worker's parsing turns any answer into a configuration or a named failure.
const profiles = Object.values(builtInProfiles);
const terminal = fc.oneof(
  fc.string({ maxLength: 500 }),
  fc.string({ unit: 'binary', maxLength: 500 }),
  fc
    .array(
      fc.oneof(
        fc.string({ maxLength: 60 }),
        fc.constantFrom(
          '\x1b[2K',
          '\x1b[24;1H',
          ' --More-- ',
          '\r\n',
          '\b\b',
          '\x00',
          '}',
          '{',
          'end',
          '% Invalid input',
        ),
      ),
      { maxLength: 80 },
    )
    .map((parts) => parts.join('')),
  fc.string({ minLength: 50_000, maxLength: 100_000 }),
);

describe('fuzz: backup worker output parsing', () => {
  it('cleans, cuts and checks any answer under every profile, never throwing', () => {
    fc.assert(
      fc.property(
        terminal,
        fc.constantFrom(...profiles),
        fc.string({ maxLength: 20 }),
        (raw, profile, prompt) => {
          const clean = cleanTerminal(raw);
          expect(clean).not.toMatch(/\r/);
          expect(typeof looksBinary(raw)).toBe('boolean');
          const body = answerBody(raw, profile.commands[0] ?? 'show run', prompt);
          const failure = checkComplete(profile, body, prompt);
          if (failure) expect(BackupFailure.safeParse(failure).success).toBe(true);
          const stored = normalizeConfig(profile, body, true);
          expect(stored.endsWith('\n')).toBe(true);
        },
      ),
      { ...RUNS, numRuns: 100 },
    );
  });

  // The whole-text scans that spare the line-by-line checks must answer exactly as those do.
  const configLine = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.constantFrom(
      'end',
      ' --More-- ',
      '% Invalid input detected',
      'rtr#show running-config',
      'rtr# terminal length 0',
      '! Last configuration change at 12:00',
      'Building configuration...',
      'ntp clock-period 17179',
      'hostname rtr ',
      '\tdescription #1',
      '',
      '   ',
      'set system host-name a \\',
      '/interface bridge',
      '# jan/01/2026 00:00:00 by RouterOS 7.14',
    ),
  );
  it('answers the same by whole-text scans as line by line, for every profile', () => {
    fc.assert(
      fc.property(
        fc.array(configLine, { maxLength: 60 }).map((lines) => lines.join('\n')),
        fc.constantFrom(...profiles),
        fc.constantFrom('rtr#', 'rtr>', '[admin@rtr] >', 'a@b# ', ''),
        (config, profile, prompt) => {
          const lineByLine = looksBinary(config)
            ? { code: 'binary_output', detail: '' }
            : checkLines(profile, config, prompt);
          expect(checkComplete(profile, config, prompt)).toEqual(lineByLine);
          expect(normalizeConfig(profile, config, false)).toBe(normalizeLines(profile, config, false));
        },
      ),
      { ...RUNS, numRuns: 2_000 },
    );
  });
});
