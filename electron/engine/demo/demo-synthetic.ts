import { DEFAULT_POLLER_GROUP } from '../../../shared/contract/cluster';
import type { SyntheticCheckInput, SyntheticResult } from '../../../shared/contract/synthetic';
import type { ProbeOutcome, ProbeRequest } from '../../../shared/contract/synthetic-worker';
import type { Repository } from '../store/repository';
import { resultOf, type SyntheticRunner } from '../synthetic/synthetic-service';
import { seededRandom } from './random';

/**
 * The demo's synthetic checks point only at reserved names and documentation addresses
 * (`.example`, 192.0.2.0/24): they are run by the simulation below, never by a socket, and would
 * reach nothing even if they were.
 */
export const demoSyntheticChecks: SyntheticCheckInput[] = [
  {
    name: 'DNS do portal (demo)',
    spec: {
      kind: 'dns',
      query: 'portal.provedor.example',
      recordType: 'A',
      resolvers: ['192.0.2.53', '192.0.2.54'],
      expectAnswer: null,
    },
    intervalS: 300,
    timeoutMs: 3_000,
    enabled: true,
    uplink: true,
    groupId: DEFAULT_POLLER_GROUP,
    severity: 'major',
  },
  {
    name: 'Portal do assinante (demo)',
    spec: {
      kind: 'http',
      url: 'https://portal.provedor.example/login',
      expectStatus: 200,
      expectText: 'Entrar',
      ignoreTlsErrors: false,
    },
    intervalS: 300,
    timeoutMs: 5_000,
    enabled: true,
    uplink: false,
    groupId: DEFAULT_POLLER_GROUP,
    severity: 'major',
  },
  {
    name: 'Radius do concentrador (demo)',
    spec: { kind: 'tcp', host: '192.0.2.10', port: 1812 },
    intervalS: 120,
    timeoutMs: 2_000,
    enabled: true,
    uplink: false,
    groupId: DEFAULT_POLLER_GROUP,
    severity: 'critical',
  },
  {
    name: 'Sistema de cobrança (demo)',
    spec: {
      kind: 'http',
      url: 'http://192.0.2.20:8080/health',
      expectStatus: 200,
      expectText: null,
      ignoreTlsErrors: false,
    },
    intervalS: 300,
    timeoutMs: 5_000,
    enabled: true,
    uplink: false,
    groupId: DEFAULT_POLLER_GROUP,
    severity: 'minor',
  },
];

const HISTORY_MS = 86_400_000;
const HISTORY_STEP_MS = 300_000;

/** Adds the demo's checks to a store that has none, with a day of simulated results behind them. */
export async function seedDemoSynthetic(repo: Repository, now = Date.now()): Promise<number> {
  if ((await repo.synthetic.checks()).length > 0) return 0;
  const checks = [];
  for (const check of demoSyntheticChecks) checks.push(await repo.synthetic.createCheck(check));
  let at = now - HISTORY_MS;
  const runner = createDemoSyntheticRunner(() => at);
  const probes = checks.map((check) => ({ id: check.id, spec: check.spec, timeoutMs: check.timeoutMs }));
  const history: SyntheticResult[] = [];
  for (; at < now; at += HISTORY_STEP_MS) history.push(...(await runner.run(probes)).map(resultOf));
  await repo.synthetic.insertResults(history);
  return checks.length;
}

const noTimings = { dnsMs: null, connectMs: null, tlsMs: null, firstByteMs: null };
const passed = (id: number, at: number, detail: string | null) =>
  ({ id, at, ok: true, status: null, error: null, detail }) as const;

/** Simulated outcomes with believable timings; the billing system fails one round in four. */
export function createDemoSyntheticRunner(now: () => number = Date.now): SyntheticRunner {
  const random = seededRandom(15);
  const jitter = (base: number) => Math.round(base * (0.7 + random() * 0.6) * 10) / 10;
  const outcome = ({ id, spec }: ProbeRequest): ProbeOutcome => {
    const at = now();
    switch (spec.kind) {
      case 'dns': {
        const dnsMs = jitter(18);
        return { ...passed(id, at, '192.0.2.80'), timings: { ...noTimings, dnsMs, totalMs: dnsMs } };
      }
      case 'tcp': {
        const connectMs = jitter(4);
        return { ...passed(id, at, spec.host), timings: { ...noTimings, connectMs, totalMs: connectMs } };
      }
      case 'http': {
        const https = spec.url.startsWith('https:');
        const timings = {
          dnsMs: https ? jitter(15) : null,
          connectMs: jitter(9),
          tlsMs: https ? jitter(32) : null,
          firstByteMs: jitter(85),
          totalMs: 0,
        };
        timings.totalMs = Math.round(
          (timings.dnsMs ?? 0) + timings.connectMs + (timings.tlsMs ?? 0) + timings.firstByteMs + jitter(6),
        );
        const failing = !https && random() < 0.25;
        return failing
          ? { id, at, ok: false, status: 503, error: 'unexpected_status', detail: '503', timings }
          : { id, at, ok: true, status: 200, error: null, detail: null, timings };
      }
    }
  };
  return { run: async (probes) => probes.map(outcome) };
}
