import { X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { generate } from 'selfsigned';

export interface TlsMaterial {
  cert: string;
  key: string;
  /** SHA-256 of the certificate, "AB:CD:…", for the operator to compare in the browser. */
  fingerprint: string;
  /** Made now, at this start (the server says so, with the fingerprint). */
  generated: boolean;
}

const DAY_MS = 86_400_000;

/**
 * The server's certificate: the operator's own (`--tls-cert`/`--tls-key`), else the one generated
 * at the first start into `<dataDir>/tls/` (EC P-256, SHA-256, valid 825 days, naming the bind
 * address and localhost), reused on later starts so the fingerprint the browser pinned stays.
 */
export async function loadOrCreateTls(options: {
  dataDir: string;
  host: string;
  certFile?: string | undefined;
  keyFile?: string | undefined;
  now?: Date;
}): Promise<TlsMaterial> {
  if (options.certFile || options.keyFile) {
    if (!options.certFile || !options.keyFile) throw new Error('give both --tls-cert and --tls-key');
    return material(readFileSync(options.certFile, 'utf8'), readFileSync(options.keyFile, 'utf8'), false);
  }
  const dir = join(options.dataDir, 'tls');
  const certFile = join(dir, 'server.crt');
  const keyFile = join(dir, 'server.key');
  if (existsSync(certFile) && existsSync(keyFile))
    return material(readFileSync(certFile, 'utf8'), readFileSync(keyFile, 'utf8'), false);
  const now = options.now ?? new Date();
  const names = [...new Set([options.host, 'localhost', '127.0.0.1'])];
  const pems = await generate([{ name: 'commonName', value: `Vigia ${options.host}` }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - DAY_MS),
    notAfterDate: new Date(now.getTime() + 825 * DAY_MS),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: names.map((name) => (isIP(name) ? { type: 7, ip: name } : { type: 2, value: name })),
      },
    ],
  });
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileSync(keyFile, pems.private, { mode: 0o600 });
  chmodSync(keyFile, 0o600);
  writeFileSync(certFile, pems.cert);
  return material(pems.cert, pems.private, true);
}

function material(cert: string, key: string, generated: boolean): TlsMaterial {
  return { cert, key, fingerprint: new X509Certificate(cert).fingerprint256, generated };
}
