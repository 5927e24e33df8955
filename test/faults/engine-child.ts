// The engine of the kill -9 scenario, in its own process: heavy writes (many devices changing
// state every cycle) into the SQLite folder it is given, alerts to the parent's fake Telegram.
// Every alarm change it publishes is printed at once, so the parent knows what must survive.
import { seededRandom } from '../../electron/engine/demo/random';
import { FakeTelegram } from '../helpers/fake-telegram';
import { FaultRig, CHAT } from './rig';

const { dir, apiRoot, devices } = JSON.parse(process.env.VIGIA_FAULT_CHILD ?? '{}') as {
  dir: string;
  apiRoot: string;
  devices: number;
};

async function main(): Promise<void> {
  // The fake lives in the parent; this one only stands for it in the rig and never listens.
  const rig = await FaultRig.start(
    { devices, intervalMs: 300, dir },
    { fake: new FakeTelegram([CHAT]), apiRoot },
  );
  rig.bus.subscribe((event) => {
    if (event.type === 'alarm.raised' || event.type === 'alarm.cleared')
      process.stdout.write(`${JSON.stringify({ kind: event.type.slice(6), alarm: event.alarm })}\n`);
  });
  const random = seededRandom(process.pid);
  const ids = rig.devices.map((device) => device.id);
  rig.monitor.onCycle(() => {
    rig.transport.setDown(ids, false);
    rig.transport.setDown(ids.filter(() => random() < 0.1));
  });
  process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
}

void main();
