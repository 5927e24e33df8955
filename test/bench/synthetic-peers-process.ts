// The bench's far ends, in their own process so their CPU is not counted as Vigia's: a DNS server
// and an HTTP server on 127.0.0.1, each answering after `latencyMs`. Prints their ports as JSON.
import { startDnsServer } from '../helpers/dns-server';
import { startHttpPeer } from '../helpers/http-peers';

const count = Number(process.argv[2] ?? 1000);
const latencyMs = Number(process.argv[3] ?? 100);

async function main(): Promise<void> {
  const records = Object.fromEntries(
    Array.from({ length: count }, (_, i) => [`host-${i}.bench.test`, [`10.${i >> 8}.${i & 255}.1`]]),
  );
  const dns = await startDnsServer({ records, latencyMs });
  const http = await startHttpPeer((_req, res) => {
    setTimeout(() => res.end('ok'), latencyMs);
  });
  process.stdout.write(JSON.stringify({ dns: dns.address, http: http.url }) + '\n');
  process.stdin.resume();
  process.stdin.once('end', () => process.exit(0));
}

void main();
