import { DEFAULT_POLLER_GROUP } from '../../../shared/contract/cluster';
import type { OpticalService } from '../optical/optical-service';
import type { Repository } from '../store/repository';
import { PadtecSimulator } from './padtec/simulator';

const DEMO_USER = 'demo';
const DEMO_PASSWORD = 'demo-padtec';
const STORY_EVERY_MS = 60_000;

export interface OpticalDemo {
  close(): Promise<void>;
}

/**
 * The demo's optical backbone: the Padtec Smart API simulator on loopback, registered as the one
 * endpoint "Backbone (demonstração)", its sites placed in the first demo towers, and a story that
 * keeps the page alive — an amplifier input fading, a card going down and back, vendor alarms that
 * raise and clear.
 */
export async function startOpticalDemo(
  service: OpticalService,
  repo: Repository,
  log: (message: string) => void,
): Promise<OpticalDemo> {
  const sim = new PadtecSimulator({
    sites: 6,
    cardsPerSite: 4,
    measuresPerCard: 6,
    username: DEMO_USER,
    password: DEMO_PASSWORD,
  });
  const baseUrl = await sim.listen();
  const current = service.settings();
  await service.configure(
    {
      endpoints: [
        {
          id: current.endpoints[0]?.id ?? null,
          name: 'Backbone (demonstração)',
          baseUrl,
          pathPrefix: '/nms-api',
          username: DEMO_USER,
          clientId: 'vigia-demo',
          timeZone: 'America/Sao_Paulo',
          enabled: true,
          groupId: current.endpoints[0]?.groupId ?? DEFAULT_POLLER_GROUP,
          password: DEMO_PASSWORD,
        },
      ],
      cadences: current.cadences,
      rules: current.rules,
    },
    'demo',
  );
  const endpointId = service.settings().endpoints[0]!.id;
  const towers = await repo.towers.list();
  const sites = [...new Set(sim.cards.map((card) => card.site))];
  for (const [index, site] of sites.entries()) {
    const tower = towers[index];
    if (tower) await service.mapSite(endpointId, site, tower.id, 'demo');
  }

  // The story: one amplifier's input fades below its warning line, one transponder blinks down.
  const amplifier = sim.cards.find((card) => card.model.family === 'amplifier')!;
  const fadingUid = `${amplifier.uid}-7255-0`;
  const transponder = sim.cards.find((card) => card.model.family === 'transponder')!;
  let step = 0;
  let alarmOid: string | null = null;
  const timer = setInterval(() => {
    step++;
    sim.setValue(fadingUid, (-12 - (step % 12) * 0.6).toFixed(3));
    sim.setCardUp(transponder.uid, step % 10 >= 8 ? false : true);
    if (alarmOid === null && step % 6 === 2)
      alarmOid = sim.raiseAlarm(amplifier.uid, 'LOS', 'LOS', 'CRITICAL');
    else if (alarmOid !== null && step % 6 === 5) {
      sim.clearAlarm(alarmOid);
      alarmOid = null;
    }
  }, STORY_EVERY_MS);
  timer.unref();
  sim.raiseAlarm(transponder.uid, 'Temperatura alta', 'TEMPERATURE', 'WARNING');
  log(
    `demo: optical backbone simulated at ${baseUrl} (${sim.cards.length} cards, ${sim.measureCount} measures)`,
  );
  return {
    async close() {
      clearInterval(timer);
      await sim.close();
    },
  };
}
