import type { SettingsGroup } from '../../../shared/contract/settings';

/** A field of a settings form: how it is typed; its label comes from the shared settings catalog. */
export type FieldSpec =
  | { name: string; kind: 'number'; nullable?: boolean }
  | { name: string; kind: 'switch' }
  | { name: string; kind: 'text'; placeholder?: string }
  | { name: string; kind: 'select'; options: readonly string[] };

export type FormGroup = Exclude<SettingsGroup, 'ui' | 'notifications'>;

const numbers = (...names: string[]): FieldSpec[] => names.map((name) => ({ name, kind: 'number' }));

/** The groups edited as forms, field by field in the order the page shows them. */
export const groupFields: Record<FormGroup, FieldSpec[]> = {
  monitor: [
    ...numbers('criticalS', 'unstableS', 'stableS', 'offlineCritical', 'stableCycles'),
    ...numbers('probes', 'timeoutMs', 'retries', 'ppsGlobal', 'ppsPerTower'),
    ...numbers('downAfter', 'upAfter', 'degradedLossPct', 'degradedRttMs', 'anomalyWindow'),
    { name: 'recheck', kind: 'switch' },
    ...numbers('massOutagePct', 'massOutageMinDevices', 'massOutageEndPct'),
  ],
  snmp: [
    ...numbers('intervalS', 'port'),
    { name: 'version', kind: 'select', options: ['1', '2c', '3'] },
    ...numbers('timeoutMs', 'retries', 'maxRepetitions', 'concurrency', 'trapPort', 'trapRatePerSecond'),
  ],
  retention: numbers('samplesDays', 'rollupsDays', 'snmpRollupsDays', 'clearedAlarmsDays', 'historyDays'),
  map: [
    { name: 'tileUrl', kind: 'text', placeholder: 'https://tiles.example/{z}/{x}/{y}.png' },
    { name: 'centerLat', kind: 'number', nullable: true },
    { name: 'centerLng', kind: 'number', nullable: true },
    { name: 'zoom', kind: 'number' },
  ],
};
