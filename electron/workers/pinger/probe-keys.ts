import { randomFillSync } from 'node:crypto';
import { isIP } from 'node:net';

const POOL_SIZE = 4_096;

/**
 * Unpredictable 32-bit probe keys. Sequential keys let anyone who sees one probe guess the others
 * and answer for a host that is down; random ones must be guessed one by one, 1 in 4 billion.
 * Drawn from the OS generator in pools, so a round of 10,000 probes costs three system calls.
 */
export class ProbeKeys {
  private readonly pool = new Uint32Array(POOL_SIZE);
  private next = POOL_SIZE;

  /** A random key not `taken` (two probes in flight never share one). */
  draw(taken: (key: number) => boolean): number {
    for (;;) {
      if (this.next === POOL_SIZE) {
        randomFillSync(this.pool);
        this.next = 0;
      }
      const key = this.pool[this.next++]!;
      if (!taken(key)) return key;
    }
  }
}

/**
 * One spelling per address, so that a reply's source compares equal to the probed address:
 * IPv6 has many ("2001:DB8:0::1" is "2001:db8::1"), and a link-local one may carry its zone.
 */
export function canonicalAddress(address: string): string {
  const bare = address.replace(/%.*$/, '');
  if (isIP(bare) !== 6) return bare;
  try {
    return new URL(`http://[${bare}]/`).hostname.slice(1, -1);
  } catch {
    return bare;
  }
}
