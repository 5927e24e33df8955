// The contract's fixed vocabularies, apart from the schemas built on them: the UI's first screen
// needs the words, not zod.

export const deviceKinds = [
  'router',
  'switch',
  'backhaul',
  'sector_ap',
  'cpe',
  'olt',
  'server',
  'optical',
  'other',
] as const;

/**
 * What the operator sees for a device. `unreachable` means its tower or a parent is down, so the
 * device itself is not blamed; `flapping` holds a device that changes state too often.
 */
export const deviceStates = [
  'up',
  'degraded',
  'down',
  'unreachable',
  'flapping',
  'maintenance',
  'unknown',
] as const;

export const severities = ['critical', 'major', 'minor', 'warning', 'info'] as const;

export const alarmStates = ['active', 'acknowledged', 'cleared'] as const;

export const alarmSources = [
  'icmp',
  'snmp',
  'optical',
  'backup',
  'synthetic',
  'system',
  'monitor',
  'self',
] as const;

/** The most alarms one list answer carries: every open alarm of a network of 100,000 devices. */
export const OPEN_ALARMS_LIMIT = 200_000;
