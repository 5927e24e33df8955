import type { ApiHandlers } from '../../../shared/contract/api-handlers';
import { SnmpCredentials } from '../../../shared/contract/snmp';
import type { trapApiMethods } from '../../../shared/contract/traps';
import { trapsWorkerApi, type TrapSource } from '../../../shared/contract/traps-worker';
import type { AlarmPort } from '../alarms/port';
import type { Supervisor } from '../collectors/supervisor';
import { workerTrapReceiver } from '../collectors/traps-port';
import { resolveWorkerEntry } from '../collectors/worker-entry';
import type { GroupDuty } from '../cluster/group-duty';
import type { Inventory } from '../inventory/inventory';
import type { SettingsService } from '../settings/settings-service';
import type { Repository } from '../store/repository';
import type { SecretCipher } from '../store/secret-cipher';
import { TrapService, type LinkTrapSink } from './trap-service';

type TrapMethod = keyof typeof trapApiMethods;
export type TrapApiHandlers = Pick<ApiHandlers, TrapMethod>;

/** A burst of this many seconds' worth is let through before a source's rate applies. */
const BURST_SECONDS = 5;
/** The receiver is told its configuration again this often: a restarted worker starts empty. */
const RECONFIGURE_MS = 30_000;

/**
 * Starts the trap receiver worker and the service that maps its notices: each device with SNMP
 * configured is a source with its own credentials, and the receiver follows the SNMP settings
 * (port, rate) and the inventory as they change.
 */
export function startTraps(deps: {
  /** Every instance listens (a device may send to any); the leader of its group alone acts. */
  duty: Pick<GroupDuty, 'leadsDevice'>;
  repo: Repository;
  cipher: SecretCipher;
  inventory: Pick<Inventory, 'device' | 'isSuppressed'>;
  alarms: AlarmPort;
  links: LinkTrapSink;
  settings: SettingsService;
  supervisor: Supervisor;
  log: (message: string) => void;
}): { handlers: TrapApiHandlers; reconfigure(): Promise<void>; stop(): void } {
  const receiver = workerTrapReceiver(
    deps.supervisor.supervise({ name: 'traps', entry: resolveWorkerEntry('traps'), api: trapsWorkerApi }),
    deps.log,
  );
  const service = new TrapService({
    alarms: deps.alarms,
    links: deps.links,
    isSuppressed: (deviceId, now) => deps.inventory.isSuppressed(deviceId, now),
    handles: (deviceId) => deps.duty.leadsDevice(deviceId),
  });
  const stopListening = receiver.onNotices((notices) => void service.handle(notices));

  const sources = async (): Promise<TrapSource[]> => {
    const found: TrapSource[] = [];
    for (const config of await deps.repo.snmp.configs()) {
      const device = deps.inventory.device(config.deviceId);
      if (!config.enabled || !device) continue;
      try {
        const credentials = SnmpCredentials.parse(
          JSON.parse(await deps.cipher.decrypt(config.sealedCredentials)),
        );
        found.push({
          deviceId: config.deviceId,
          host: device.host,
          community: credentials.version === '3' ? null : credentials.community,
          v3: credentials.version === '3' ? credentials : null,
        });
      } catch (error) {
        deps.log(`traps: SNMP settings of device ${config.deviceId} unusable: ${(error as Error).message}`);
      }
    }
    return found;
  };
  let lastError: string | null = null;
  const reconfigure = async (): Promise<void> => {
    const snmp = deps.settings.group('snmp');
    try {
      const stats = await receiver.configure({
        port: snmp.trapPort,
        address: '0.0.0.0',
        ratePerSecond: snmp.trapRatePerSecond,
        burst: snmp.trapRatePerSecond * BURST_SECONDS,
        sources: await sources(),
      });
      if (stats.error !== lastError && stats.error)
        deps.log(`traps: cannot listen on UDP ${snmp.trapPort}: ${stats.error}`);
      lastError = stats.error;
    } catch (error) {
      deps.log(`traps: the receiver could not be configured: ${(error as Error).message}`);
    }
  };
  void reconfigure();
  const timer = setInterval(() => void reconfigure(), RECONFIGURE_MS);
  const stopFollowing = deps.settings.onChange('snmp', () => void reconfigure());

  return {
    handlers: {
      'snmp.traps.log': async (query) => service.log.search(query),
      'snmp.traps.stats': async () => service.counts(await receiver.stats()),
    },
    reconfigure,
    stop() {
      clearInterval(timer);
      stopFollowing();
      stopListening();
    },
  };
}
