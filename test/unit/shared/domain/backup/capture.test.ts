import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  answerBody,
  checkComplete,
  cleanTerminal,
  looksBinary,
  normalizeConfig,
} from '../../../../../shared/domain/backup/capture';
import { builtInProfiles } from '../../../../../shared/domain/backup/profiles';

const cisco = builtInProfiles['cisco-ios'];

describe('configuration capture', () => {
  it('cleans terminal output: escapes, pager erasures and carriage returns', () => {
    expect(cleanTerminal('a\r\n\x1b[32mb\x1b[0m\r\n\b\b\b   \b\b\bc\r\n')).toBe('a\nb\nc\n');
  });

  it("takes an answer's body without the echoed command and the prompt after it", () => {
    expect(answerBody('show run\r\nhostname a\r\nend\r\nrtr#', 'show run', 'rtr#')).toBe('hostname a\nend');
  });

  it("cuts an answer's body after its echo, past what the step before left", () => {
    expect(answerBody('\r\nrtr#show run\r\nhostname a\r\nend\r\nrtr#', 'show run', 'rtr#')).toBe(
      'hostname a\nend',
    );
  });

  it('accepts a whole Cisco configuration, even with the prompt inside a banner', () => {
    expect(checkComplete(cisco, 'hostname rtr\nbanner motd ^C\nrtr#\n^C\nend', 'rtr#')).toBeNull();
  });

  it('names what is wrong with an incomplete one', () => {
    expect(checkComplete(cisco, 'hostname rtr\ninterface Gi0/1', 'rtr#')).toEqual({
      code: 'truncated',
      detail: 'interface Gi0/1',
    });
    expect(checkComplete(cisco, 'hostname rtr\n --More-- \nend', 'rtr#')).toEqual({
      code: 'pager_residue',
      detail: '--More--',
    });
    expect(checkComplete(cisco, 'hostname rtr\nrtr#show running-config\nend', 'rtr#')).toEqual({
      code: 'prompt_residue',
      detail: 'rtr#show running-config',
    });
    expect(checkComplete(cisco, "% Invalid input detected at '^' marker.", 'rtr#')).toEqual({
      code: 'command_rejected',
      detail: "% Invalid input detected at '^' marker.",
    });
    expect(checkComplete(cisco, 'ELF\u0000\u0001\u0002', 'rtr#')?.code).toBe('binary_output');
    expect(checkComplete(cisco, '\n\n', 'rtr#')?.code).toBe('empty');
    expect(
      checkComplete(
        builtInProfiles['juniper-junos'],
        'system {\n    host-name a;\n}\ninterfaces {\n}\n}',
        'a>',
      ),
    ).toEqual({
      code: 'truncated',
      detail: '{ }',
    });
  });

  it('strips the lines that change on every run and masks secrets when asked', () => {
    const text =
      '! Last configuration change at 12:00:00 BRT\nenable secret 5 $1$abc\nsnmp-server community s3cr3t RO\nend';
    expect(normalizeConfig(cisco, text, false)).toBe(
      'enable secret 5 $1$abc\nsnmp-server community s3cr3t RO\nend\n',
    );
    expect(normalizeConfig(cisco, text, true)).toBe(
      'enable secret 5 ********\nsnmp-server community ******** RO\nend\n',
    );
  });

  it('calls text binary on a NUL or on control bytes in more than one character in a thousand', () => {
    const text = 'hostname rtr\n'.repeat(100);
    expect(looksBinary(text)).toBe(false);
    expect(looksBinary(text + '\t\r\x0b\x0c\x1b[0m')).toBe(false);
    expect(looksBinary(text + '\x00')).toBe(true);
    expect(looksBinary(text + '\x07')).toBe(false);
    expect(looksBinary(text + '\x07\x07')).toBe(true);
    for (const char of ['\x01', '\x08', '\x0e', '\x1a', '\x1c', '\x1f', '\x7f'])
      expect(looksBinary('ab'.repeat(200) + char.repeat(2))).toBe(true);
  });

  it('finds binary text exactly as counting its control bytes does', () => {
    // The definition the fast path must agree with, on text mixing printable and control characters.
    // eslint-disable-next-line no-control-regex
    const counted = (text: string) => (text.match(/[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]/g) ?? []).length;
    const reference = (text: string) =>
      counted(text) > 0 && (text.includes('\x00') || counted(text) > text.length / 1_000);
    const char = fc.oneof(
      fc.constantFrom('a', ' ', '\n'),
      fc.integer({ min: 0, max: 0x7f }).map((code) => String.fromCharCode(code)),
    );
    fc.assert(
      fc.property(fc.array(char, { maxLength: 3_000 }), fc.nat(20), (chars, padding) => {
        const text = 'x'.repeat(padding * 100) + chars.join('');
        expect(looksBinary(text)).toBe(reference(text));
      }),
    );
  });
});
