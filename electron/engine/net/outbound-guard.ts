import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { translate, type Language } from '../../../shared/i18n';

/** Why an outbound destination is refused. */
export type RefusalReason = 'metadata' | 'linkLocal' | 'loopback' | 'unspecified' | 'unresolved';

function list(entries: Array<[string, number | null, 'ipv4' | 'ipv6']>): BlockList {
  const blocks = new BlockList();
  for (const [address, prefix, family] of entries) {
    if (prefix === null) blocks.addAddress(address, family);
    else blocks.addSubnet(address, prefix, family);
  }
  return blocks;
}

// BlockList also matches IPv4-mapped IPv6 (::ffff:169.254.169.254) against the IPv4 rules.
/** Cloud instance metadata: AWS/GCP/Azure/OpenStack, AWS over IPv6, Alibaba, Oracle. */
const metadata = list([
  ['169.254.169.254', null, 'ipv4'],
  ['fd00:ec2::254', null, 'ipv6'],
  ['100.100.100.200', null, 'ipv4'],
  ['192.0.0.192', null, 'ipv4'],
]);
const linkLocal = list([
  ['169.254.0.0', 16, 'ipv4'],
  ['fe80::', 10, 'ipv6'],
]);
const loopback = list([
  ['127.0.0.0', 8, 'ipv4'],
  ['::1', null, 'ipv6'],
]);
const unspecified = list([
  ['0.0.0.0', 8, 'ipv4'],
  ['::', null, 'ipv6'],
]);

export interface DestinationPolicy {
  /** Loopback answers only for a receiver on this machine that the administrator allowed. */
  allowLoopback: boolean;
}

/** The reason an IP address may not be sent to, or null when it may. */
export function refusalFor(address: string, policy: DestinationPolicy): RefusalReason | null {
  const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
  if (metadata.check(address, family)) return 'metadata';
  if (linkLocal.check(address, family)) return 'linkLocal';
  if (unspecified.check(address, family)) return 'unspecified';
  if (loopback.check(address, family) && !policy.allowLoopback) return 'loopback';
  return null;
}

/** A refused destination, with its text in either language (it reaches the operator). */
export class DestinationRefused extends Error {
  constructor(
    readonly host: string,
    readonly reason: RefusalReason,
  ) {
    super(DestinationRefused.describe('en', host, reason));
    this.name = 'DestinationRefused';
  }

  static describe(language: Language, host: string, reason: RefusalReason): string {
    return translate(language, 'security.destinationRefused', {
      host,
      reason: translate(language, `security.reason.${reason}`),
    });
  }

  text(language: Language): string {
    return DestinationRefused.describe(language, this.host, this.reason);
  }
}

/**
 * Checks every address the URL's host resolves to. Names are resolved here, so a public-looking
 * name pointing at 169.254.169.254 is refused too. (A name that changes its answer between this
 * check and the request can still slip through; the request never follows redirects.)
 * `resolve: false` checks only literal addresses and well-known names, for saving settings
 * while the name may not resolve yet.
 */
export async function assertDestinationAllowed(
  url: string,
  policy: DestinationPolicy,
  options: { resolve: boolean } = { resolve: true },
): Promise<void> {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else if (host.toLowerCase() === 'localhost' || host.toLowerCase().endsWith('.localhost'))
    addresses = ['127.0.0.1'];
  else if (!options.resolve) return;
  else {
    try {
      addresses = (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);
    } catch {
      throw new DestinationRefused(host, 'unresolved');
    }
  }
  for (const address of addresses) {
    const reason = refusalFor(address, policy);
    if (reason) throw new DestinationRefused(host, reason);
  }
}
