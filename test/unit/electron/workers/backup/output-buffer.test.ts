import { describe, expect, it } from 'vitest';
import { OutputBuffer } from '../../../../../electron/workers/backup/output-buffer';
import { tailWindow } from '../../../../../shared/domain/backup/arrival';
import { echoWindow } from '../../../../../shared/domain/backup/capture';

describe('output buffer', () => {
  it('shows the start and the end of what arrived in pieces, and gives all of it back once', () => {
    const output = new OutputBuffer();
    const pieces = Array.from({ length: 50 }, (_, index) => `${String(index).padStart(4, '0')}`.repeat(100));
    for (const piece of pieces) output.append(piece);
    const whole = pieces.join('');
    expect(output.length).toBe(whole.length);
    expect(output.head).toBe(whole.slice(0, echoWindow));
    expect(output.tail).toBe(whole.slice(-tailWindow));
    expect(output.take()).toBe(whole);
    expect([output.length, output.head, output.tail, output.take()]).toEqual([0, '', '', '']);
  });

  it('drops an end that spans pieces (a pager marker split across packets)', () => {
    const output = new OutputBuffer();
    for (const piece of ['line 1\r\nline 2\r\n --Mo', 're-- ']) output.append(piece);
    output.dropEnd(' --More-- '.length);
    expect(output.head).toBe('line 1\r\nline 2\r\n');
    expect(output.tail).toBe('line 1\r\nline 2\r\n');
    output.append('line 3\r\n');
    expect(output.take()).toBe('line 1\r\nline 2\r\nline 3\r\n');
  });
});
