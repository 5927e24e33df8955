import { describe, expect, it } from 'vitest';
import { answerArrival, tailLine, type AwaitedAnswer } from '../../../../../shared/domain/backup/arrival';

const atPrompt = (line: string) => line === 'rtr#';
const config: AwaitedAnswer = { command: 'show running-config', waits: atPrompt, end: /^end$/ };
const setting: AwaitedAnswer = { command: 'terminal length 0', waits: atPrompt, end: 'any' };

describe('arrival of an answer', () => {
  it('takes a configuration at once when the prompt follows its echo and its end', () => {
    expect(answerArrival('show running-config\r\nhostname rtr\r\nend\r\n\r\nrtr#', config)).toBe('complete');
  });

  it('waits for quiet when a prompt-like line inside the configuration ends a packet', () => {
    const banner = 'show running-config\r\nbanner motd ^C\r\nrtr#';
    expect(answerArrival(banner, config)).toBe('unless-more');
    expect(answerArrival(`${banner}\r\n^C\r\ninterface Gi0/1\r\n`, config)).toBe('pending');
  });

  it('waits for quiet when the vendor has no end line, or before the echo came back', () => {
    expect(
      answerArrival('/export\r\n/ip address\r\nrtr#', { ...config, command: '/export', end: null }),
    ).toBe('unless-more');
    expect(answerArrival('rtr#', setting)).toBe('unless-more');
  });

  it("takes a setting's acknowledgement at once, past a prompt the step before left", () => {
    expect(answerArrival('\r\nrtr#terminal length 0\r\nrtr#', setting)).toBe('complete');
    expect(answerArrival('terminal length 0\r\n', setting)).toBe('pending');
  });

  it('takes an unechoed answer (a secret) at the first prompt', () => {
    expect(answerArrival('\r\nrtr#', { command: null, waits: atPrompt, end: 'any' })).toBe('complete');
  });

  it('reads the last line through escapes and carriage returns', () => {
    expect(tailLine('x\r\n\x1b[1mrtr#\x1b[0m ')).toBe('rtr#');
  });
});
