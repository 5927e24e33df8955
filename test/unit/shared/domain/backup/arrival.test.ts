import { describe, expect, it } from 'vitest';
import {
  answerArrival,
  promptRepeated,
  tailLine,
  tailWindow,
  type AwaitedAnswer,
} from '../../../../../shared/domain/backup/arrival';
import { echoWindow } from '../../../../../shared/domain/backup/capture';

/** The output as the shell shows it on each packet: its start and its end. */
const seen = (text: string) => ({ head: text.slice(0, echoWindow), tail: text.slice(-tailWindow) });

const atPrompt = (line: string) => line === 'rtr#';
const config: AwaitedAnswer = { command: 'show running-config', waits: atPrompt, end: /^end$/ };
const setting: AwaitedAnswer = { command: 'terminal length 0', waits: atPrompt, end: 'any' };

describe('arrival of an answer', () => {
  it('takes a configuration at once when the prompt follows its echo and its end', () => {
    expect(answerArrival(seen('show running-config\r\nhostname rtr\r\nend\r\n\r\nrtr#'), config)).toBe(
      'complete',
    );
  });

  it('waits for quiet when a prompt-like line inside the configuration ends a packet', () => {
    const banner = 'show running-config\r\nbanner motd ^C\r\nrtr#';
    expect(answerArrival(seen(banner), config)).toBe('unless-more');
    expect(answerArrival(seen(`${banner}\r\n^C\r\ninterface Gi0/1\r\n`), config)).toBe('pending');
  });

  it('waits for quiet when the vendor has no end line, or before the echo came back', () => {
    expect(
      answerArrival(seen('/export\r\n/ip address\r\nrtr#'), { ...config, command: '/export', end: null }),
    ).toBe('unless-more');
    expect(answerArrival(seen('rtr#'), setting)).toBe('unless-more');
  });

  it("takes a setting's acknowledgement at once, past a prompt the step before left", () => {
    expect(answerArrival(seen('\r\nrtr#terminal length 0\r\nrtr#'), setting)).toBe('complete');
    expect(answerArrival(seen('terminal length 0\r\n'), setting)).toBe('pending');
  });

  it('takes an unechoed answer (a secret) at the first prompt', () => {
    expect(answerArrival(seen('\r\nrtr#'), { command: null, waits: atPrompt, end: 'any' })).toBe('complete');
  });

  it('finds the end of a long answer and its echo without reading the whole of it', () => {
    const long = `show running-config\r\n${'interface Gi0/1\r\n'.repeat(20_000)}end\r\nrtr#`;
    expect(answerArrival(seen(long), config)).toBe('complete');
    expect(answerArrival(seen(`${'x\r\n'.repeat(echoWindow)}${long}`), config)).toBe('unless-more');
  });

  it('knows the first prompt once the device prints it again for an empty line, and not before', () => {
    expect(promptRepeated(seen('Welcome\r\nrtr#'), atPrompt)).toBe(false);
    expect(promptRepeated(seen('Welcome\r\nrtr#\r\nrtr#'), atPrompt)).toBe(true);
    expect(promptRepeated(seen('rtr#\r\n\r\nrtr#'), atPrompt)).toBe(true);
    // A banner's prompt-like line, then more banner: not the same line twice.
    expect(promptRepeated(seen('rtr#\r\nAuthorised access only\r\nrtr#'), atPrompt)).toBe(false);
    expect(promptRepeated(seen('rtr#\r\nrtr#\r\nAuthorised'), atPrompt)).toBe(false);
  });

  it('reads the last line through escapes and carriage returns', () => {
    expect(tailLine('x\r\n\x1b[1mrtr#\x1b[0m ')).toBe('rtr#');
  });
});
