// `npm run sim:padtec -- [flags]`: the Padtec Smart API simulator as a program, on loopback.
// Prints one JSON line with its URL and credentials once it listens, then serves until stopped.
import { parseArgs } from 'node:util';
import {
  PadtecSimulator,
  type Collection,
  type PageFault,
} from '../../electron/engine/demo/padtec/simulator';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8181' },
    sites: { type: 'string', default: '8' },
    'cards-per-site': { type: 'string', default: '6' },
    'measures-per-card': { type: 'string', default: '6' },
    user: { type: 'string', default: 'admin' },
    password: { type: 'string', default: 'padtec' },
    prefix: { type: 'string', default: '/nms-api' },
    'time-zone': { type: 'string', default: 'America/Sao_Paulo' },
    legacy: { type: 'boolean', default: false },
    'page-delay-ms': { type: 'string', default: '0' },
    fail: { type: 'string', multiple: true, default: [] },
    'expire-token-every-s': { type: 'string', default: '0' },
    'alarm-every-s': { type: 'string', default: '0' },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log(`Padtec Smart API simulator (loopback only)
  --port N                 listen port (0: any free one; default 8181)
  --sites N --cards-per-site N --measures-per-card N   network size (default 8 × 6 × 6)
  --user U --password P    login credentials (default admin / padtec)
  --prefix /nms-api        path prefix (the manual also shows /api)
  --time-zone ZONE         the NMS's zone for its zone-less timestamps
  --legacy                 older build: measures carry "update" instead of "updatedAt"
  --page-delay-ms N        every page waits N ms (slow pages)
  --fail C:KIND:PAGE       serve one bad page once; C = inventory|measures|alarm,
                           KIND = html|not-array|huge|wrong-types|server-error|truncated (repeatable)
  --expire-token-every-s N every N s all tokens stop working (401 until the client logs in again)
  --alarm-every-s N        every N s a vendor alarm is raised, or the last one cleared`);
  process.exit(0);
}

const number = (name: keyof typeof values) => Number(values[name]);
const sim = new PadtecSimulator({
  sites: number('sites'),
  cardsPerSite: number('cards-per-site'),
  measuresPerCard: number('measures-per-card'),
  username: values.user,
  password: values.password,
  pathPrefix: values.prefix,
  timeZone: values['time-zone'],
  legacyBuild: values.legacy,
  pageDelayMs: number('page-delay-ms'),
});
for (const spec of values.fail ?? []) {
  const [collection, kind, page] = spec.split(':');
  sim.failPage(collection as Collection, kind as PageFault, Number(page ?? 0));
}
const every = (seconds: number, work: () => void) => {
  if (seconds > 0) setInterval(work, seconds * 1_000);
};
every(number('expire-token-every-s'), () => sim.expireTokens());
let raised: string | null = null;
let turn = 0;
every(number('alarm-every-s'), () => {
  if (raised) {
    sim.clearAlarm(raised);
    raised = null;
  } else {
    const card = sim.cards[turn++ % sim.cards.length]!;
    raised = sim.raiseAlarm(card.uid, 'LOS', 'LOS', turn % 2 ? 'CRITICAL' : 'MAJOR');
  }
});

void sim.listen(number('port'), '127.0.0.1').then((url) =>
  console.log(
    JSON.stringify({
      url,
      prefix: values.prefix,
      user: values.user,
      cards: sim.cards.length,
      measures: sim.measureCount,
    }),
  ),
);
const stop = () => void sim.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
