import { createHash } from 'node:crypto';
import type { BackupProfileId } from '../../../shared/contract/backup';
import type { BackupJob, BackupOutcome } from '../../../shared/contract/backup-worker';
import { normalizeConfig } from '../../../shared/domain/backup/capture';
import type { BackupTransport } from '../collectors/backup-port';
import { targetToStore } from '../backup/target-secrets';
import type { Repository } from '../store/repository';
import type { SecretCipher } from '../store/secret-cipher';
import { seededRandom } from './random';

const BACKED_UP_KINDS = new Set(['router', 'switch', 'olt', 'backhaul']);

function profileFor(vendor: string | null, kind: string): BackupProfileId {
  if (vendor === 'Huawei') return 'huawei-vrp';
  if (vendor === 'Ubiquiti') return kind === 'router' ? 'ubiquiti-edgeos' : 'ubiquiti-airos';
  if (vendor === 'Cisco') return 'cisco-ios';
  return 'mikrotik-routeros7';
}

/** A plausible RouterOS-style configuration whose VLAN list grows with each revision. */
function demoConfig(name: string, deviceId: number, revision: number): string {
  const lines = [
    '# software id = DEMO-' + String(deviceId).padStart(4, '0'),
    '/interface vlan',
    ...Array.from(
      { length: 6 + revision },
      (_, vlan) => `add interface=sfp-sfpplus1 name=vlan${100 + vlan} vlan-id=${100 + vlan}`,
    ),
    '/ip address',
    `add address=100.64.${deviceId % 250}.1/30 interface=ether1`,
    '/snmp community',
    'set [ find default=yes ] name=demo-community',
    '/system identity',
    `set name="${name}"`,
  ];
  return lines.join('\n') + '\n';
}

/**
 * The demo network's backups: its routers, switches, OLTs and backhauls get backup settings
 * (demo credentials), and "backing them up" makes configurations up on the spot, never
 * connecting anywhere. A few fail the way real ones do, one needs legacy crypto, and each round
 * a few configurations change, so the page, the diffs and the alarms have something to show.
 */
export async function createDemoBackupTransport(
  repo: Repository,
  cipher: SecretCipher,
): Promise<BackupTransport> {
  const devices = await repo.devices.list();
  const byId = new Map(devices.map((device) => [device.id, device]));
  if ((await repo.backup.targets()).length === 0) {
    for (const device of devices.filter((candidate) => BACKED_UP_KINDS.has(candidate.kind))) {
      await repo.backup.saveTarget(
        await targetToStore(
          {
            deviceId: device.id,
            enabled: true,
            profile: profileFor(device.vendor, device.kind),
            username: 'demo',
            auth: { kind: 'password', password: 'demo' },
          },
          null,
          device.host,
          cipher,
        ),
      );
    }
  }
  const revisions = new Map<number, number>();
  const random = seededRandom(14);
  return {
    // Made up on the spot: nothing to queue ahead.
    handOver: (lanes) => lanes,
    async run(job: BackupJob): Promise<BackupOutcome> {
      const startedAt = Date.now();
      await new Promise((resolve) => setTimeout(resolve, 100 + random() * 400));
      const device = byId.get(job.deviceId);
      const base = {
        deviceId: job.deviceId,
        startedAt,
        durationMs: Date.now() - startedAt,
        attempts: 1,
        jumpHostKey: null,
      };
      const hostKey = `SHA256:${createHash('sha256').update(`demo-${job.deviceId}`).digest('base64').replace(/=+$/, '')}`;
      if (job.deviceId % 17 === 0) {
        return {
          ...base,
          failure: { code: 'auth_failed', detail: '' },
          hostKey,
          crypto: null,
          hash: null,
          config: null,
          bytes: 0,
        };
      }
      if (job.deviceId % 23 === 0) {
        return {
          ...base,
          failure: { code: 'connect_timeout', detail: '' },
          hostKey: null,
          crypto: null,
          hash: null,
          config: null,
          bytes: 0,
        };
      }
      const seen = revisions.has(job.deviceId);
      const revision = (revisions.get(job.deviceId) ?? 0) + (seen && random() < 0.2 ? 1 : 0);
      revisions.set(job.deviceId, revision);
      const config = normalizeConfig(
        job.profile,
        demoConfig(device?.name ?? `device ${job.deviceId}`, job.deviceId, revision),
        job.maskSecrets,
      );
      const hash = createHash('sha256').update(config).digest('hex');
      const legacy = job.deviceId % 19 === 0;
      return {
        ...base,
        failure: null,
        hostKey,
        crypto: legacy
          ? {
              kex: 'diffie-hellman-group1-sha1',
              hostKey: 'ssh-rsa',
              cipher: 'aes128-cbc',
              mac: 'hmac-sha1',
              weak: ['diffie-hellman-group1-sha1', 'ssh-rsa', 'aes128-cbc', 'hmac-sha1'],
            }
          : {
              kex: 'curve25519-sha256',
              hostKey: 'ssh-ed25519',
              cipher: 'aes128-gcm@openssh.com',
              mac: '',
              weak: [],
            },
        hash,
        config: hash === job.knownHash ? null : config,
        bytes: Buffer.byteLength(config),
      };
    },
    async cancel() {},
  };
}
