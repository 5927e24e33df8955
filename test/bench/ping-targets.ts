import type { PingTarget } from '../../shared/contract/pinger';

/** Silent targets live in this range; the bench namespace drops ICMP to it. */
export const SILENT_RANGE = '127.9.0.0/16';

/** The i-th address from 127.<firstOctet>.0.1 on, 250 per /24, 256 /24s per /16. */
const address = (firstOctet: number, i: number): string =>
  `127.${firstOctet + Math.floor(i / 64_000)}.${Math.floor((i % 64_000) / 250)}.${(i % 250) + 1}`;

/** Answering hosts from 127.1.0.1 on (ids first), then silent ones from 127.9.0.1 on. */
export function benchTargets(answering: number, silent: number): PingTarget[] {
  if (answering > 8 * 64_000 || silent > 64_000) throw new Error('too many bench targets for 127.1-127.9');
  return [
    ...Array.from({ length: answering }, (_, i) => ({ id: i + 1, host: address(1, i), towerId: null })),
    ...Array.from({ length: silent }, (_, i) => ({
      id: answering + i + 1,
      host: address(9, i),
      towerId: null,
    })),
  ];
}
