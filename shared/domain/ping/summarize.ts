import type { PingResult } from '../../contract/pinger';

const round = (value: number): number => Math.round(value * 1000) / 1000;

/** Percentage of echoes lost, to three decimals; 100 when none left. */
export const lossPct = (sent: number, received: number): number =>
  sent === 0 ? 100 : round(((sent - received) / sent) * 100);

/** Loss, min/avg/max and jitter (mean absolute difference of consecutive RTTs) of one host. */
export function summarize(id: number, sent: number, rtts: number[], error: string | null = null): PingResult {
  const received = rtts.length;
  const loss = lossPct(sent, received);
  if (received === 0) {
    return {
      id,
      sent,
      received,
      lossPct: loss,
      minMs: null,
      avgMs: null,
      maxMs: null,
      jitterMs: null,
      error,
    };
  }
  let min = Infinity;
  let max = 0;
  let sum = 0;
  let jitter = 0;
  rtts.forEach((rtt, i) => {
    min = Math.min(min, rtt);
    max = Math.max(max, rtt);
    sum += rtt;
    if (i > 0) jitter += Math.abs(rtt - rtts[i - 1]!);
  });
  return {
    id,
    sent,
    received,
    lossPct: loss,
    minMs: round(min),
    avgMs: round(sum / received),
    maxMs: round(max),
    jitterMs: received > 1 ? round(jitter / (received - 1)) : 0,
    error,
  };
}
