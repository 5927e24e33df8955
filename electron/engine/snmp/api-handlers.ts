import type { ApiHandlers } from '../../../shared/contract/api-handlers';
import { historyRangeMs } from '../../../shared/contract/common';
import { SnmpOptions, type DeviceSnmpConfig, type DeviceSnmpSummary } from '../../../shared/contract/snmp';
import type { snmpApiMethods } from '../../../shared/contract/snmp-api';
import type { Repository, StoredSnmpConfig } from '../store/repository';
import { StoreError } from '../store/repository';
import type { SecretCipher } from '../store/secret-cipher';
import type { SnmpPollTransport } from '../collectors/snmp-port';
import type { SnmpMonitor } from './snmp-monitor';

type SnmpMethod = keyof typeof snmpApiMethods;
export type SnmpApiHandlers = Pick<ApiHandlers, SnmpMethod>;

function summary(stored: StoredSnmpConfig, monitor: SnmpMonitor): DeviceSnmpSummary {
  return {
    deviceId: stored.deviceId,
    enabled: stored.enabled,
    port: stored.port,
    version: stored.version,
    user: stored.user,
    intervalS: stored.intervalS,
    lastError: stored.lastError,
    lastPollAt: stored.lastPollAt,
    missing: monitor.missing(stored.deviceId),
  };
}

/**
 * The SNMP methods of the API: settings are sealed before they are stored and never returned
 * in clear; history comes from the five-minute rollups; "test" polls once and stores nothing.
 */
export function snmpApiHandlers(deps: {
  repo: Repository;
  cipher: SecretCipher;
  monitor: SnmpMonitor;
  transport: SnmpPollTransport;
  clock?: () => number;
}): SnmpApiHandlers {
  const { repo, cipher, monitor, transport } = deps;
  const clock = deps.clock ?? Date.now;
  const find = async (deviceId: number) =>
    (await repo.snmp.configs()).find((row) => row.deviceId === deviceId) ?? null;
  const hostOf = async (deviceId: number): Promise<string> => {
    const device = await repo.devices.get(deviceId);
    if (!device) throw new StoreError('not_found', `Device ${deviceId} does not exist.`);
    return device.host;
  };
  return {
    'snmp.config.get': async ({ deviceId }) => {
      const stored = await find(deviceId);
      return stored ? summary(stored, monitor) : null;
    },
    'snmp.config.set': async ({ config }, { name: by }) => {
      await hostOf(config.deviceId);
      const { credentials } = config;
      await repo.snmp.setConfig({
        deviceId: config.deviceId,
        enabled: config.enabled,
        port: config.port,
        version: credentials.version,
        user: credentials.version === '3' ? credentials.user : null,
        sealedCredentials: await cipher.encrypt(JSON.stringify(credentials)),
        intervalS: config.intervalS,
      });
      await repo.audit.add({
        at: clock(),
        actor: by,
        action: 'snmp.config.set',
        target: `device:${config.deviceId}`,
        details: `SNMP v${credentials.version}, port ${config.port}, every ${config.intervalS} s, ${config.enabled ? 'enabled' : 'disabled'}`,
      });
      await monitor.reload();
      return summary((await find(config.deviceId))!, monitor);
    },
    'snmp.config.delete': async ({ deviceId }, { name: by }) => {
      await repo.snmp.deleteConfig(deviceId);
      await repo.audit.add({
        at: clock(),
        actor: by,
        action: 'snmp.config.delete',
        target: `device:${deviceId}`,
        details: '',
      });
      await monitor.reload();
    },
    'snmp.test': async ({ config }: { config: DeviceSnmpConfig }) => {
      const host = await hostOf(config.deviceId);
      const [result] = await transport.poll(
        [{ id: config.deviceId, host, port: config.port, credentials: config.credentials }],
        SnmpOptions.parse({ retries: 0, timeoutMs: 3_000 }),
      );
      return {
        ok: !result?.error,
        error: result?.error ?? null,
        system: result?.system ?? null,
        interfaces: result?.interfaces.length ?? 0,
      };
    },
    'snmp.interfaces': async ({ deviceId }) => monitor.interfaces(deviceId),
    'snmp.topInterfaces': async ({ limit }) => monitor.topInterfaces(limit),
    'snmp.history': async ({ deviceId, range }) => {
      const to = clock();
      const from = to - historyRangeMs[range];
      const [interfaces, wireless] = await Promise.all([
        repo.snmp.interfaceRollups(deviceId, from, to),
        repo.snmp.wirelessRollups(deviceId, from, to),
      ]);
      return { interfaces, wireless };
    },
  };
}
