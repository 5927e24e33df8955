import type { PingTarget } from '../../shared/contract/pinger';

/** Silent targets live in this range; the bench namespace drops ICMP to it. */
export const SILENT_RANGE = '127.9.0.0/16';

const address = (base: number, i: number): string =>
  `127.${base + Math.floor(i / 65_000)}.${Math.floor((i % 65_000) / 250)}.${(i % 250) + 1}`;

/** Answering hosts from 127.1.0.1 on, silent ones from 127.9.0.1 on; silent ones come first in ids. */
export function benchTargets(answering: number, silent: number): PingTarget[] {
  return [
    ...Array.from({ length: answering }, (_, i) => ({ id: i + 1, host: address(1, i), towerId: null })),
    ...Array.from({ length: silent }, (_, i) => ({
      id: answering + i + 1,
      host: address(9, i),
      towerId: null,
    })),
  ];
}
