// A share of the backup benchmark's fake devices, in a process of its own so that its CPU is not the
// worker's: Cisco-style CLIs answering `show running-config` after 1 s with a 200 KB configuration.
// Fast modern algorithms only (curve25519, ed25519, AES-GCM): the key exchange is the costly part.
import { vendorFixture } from '../helpers/fake-device-fixtures';
import { newHostKey, startFakeDevice, type FakeDevice } from '../helpers/fake-ssh-device';
import { FAKE_PASSWORD, FAKE_USER } from '../helpers/backup-jobs';
import { BENCH_SSH_PORT, benchDeviceAddress } from './backup-targets';

const first = Number(process.argv[2] ?? 0);
const count = Number(process.argv[3] ?? 1_500);

async function main(): Promise<void> {
  const fixture = vendorFixture('cisco-ios', { bytes: 200_000, hostname: 'bench-rtr' });
  const hostKey = newHostKey();
  const devices: FakeDevice[] = [];
  for (let index = first; index < first + count; index++) {
    devices.push(
      await startFakeDevice({
        ...fixture.behaviour,
        answerDelayMs: 1_000,
        username: FAKE_USER,
        password: FAKE_PASSWORD,
        hostKey,
        host: benchDeviceAddress(index),
        port: BENCH_SSH_PORT,
        algorithms: {
          kex: ['curve25519-sha256'],
          serverHostKey: ['ssh-ed25519'],
          cipher: ['aes128-gcm@openssh.com'],
          hmac: ['hmac-sha2-256'],
        },
      }),
    );
  }
  process.stdout.write('ready\n');
  process.on('SIGTERM', () => {
    void Promise.all(devices.map((device) => device.close())).finally(() => process.exit(0));
  });
}

void main();
