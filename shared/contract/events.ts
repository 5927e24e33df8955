import { z } from 'zod';
import { Alarm, DeviceStatus, Device, Tower, epochMs } from './entities';
import { SettingsChanged } from './settings';
import { OutageChanged } from './outage';

export const workerStates = ['starting', 'running', 'restarting', 'stopped', 'failed'] as const;
export const WorkerState = z.enum(workerStates);

export const WorkerHealth = z.object({
  name: z.string(),
  state: WorkerState,
  pid: z.number().int().nullable(),
  restarts: z.number().int().nonnegative(),
  lastError: z.string().nullable(),
  since: epochMs,
});
export type WorkerHealth = z.infer<typeof WorkerHealth>;

export const storeProblems = ['stalled', 'unreachable', 'full', 'locked', 'failing'] as const;
export const StoreProblem = z.enum(storeProblems);
export type StoreProblem = z.infer<typeof StoreProblem>;

/** The store as the engine sees it, in facts the UI words (never the driver's text). */
export const StoreCondition = z.object({
  problem: StoreProblem.nullable(),
  /** Seconds the store has left a write unanswered. */
  silentS: z.number().int().nonnegative(),
  /** Writes held for it: samples, statuses, alarms, notifications. */
  queued: z.number().int().nonnegative(),
  droppedSamples: z.number().int().nonnegative(),
});
export type StoreCondition = z.infer<typeof StoreCondition>;

export const EngineHealth = z.object({
  startedAt: epochMs,
  lastCycleAt: epochMs.nullable(),
  lastCycleMs: z.number().nonnegative().nullable(),
  intervalMs: z.number().int().positive(),
  devicesMonitored: z.number().int().nonnegative(),
  workers: z.array(WorkerHealth),
  storeOk: z.boolean(),
  /** The driver's own text, for the log; the UI words `store` instead. */
  storeError: z.string().nullable(),
  store: StoreCondition,
  /** Several instances on one PostgreSQL: the poller groups this instance leads (absent on SQLite). */
  leadsGroups: z.array(z.number().int().positive()).optional(),
});
export type EngineHealth = z.infer<typeof EngineHealth>;

/**
 * Everything the engine pushes to the UI and to notifiers. Status changes come in batches, one per
 * cycle, carrying only the devices whose status changed: the UI never re-fetches the device list.
 */
export const VigiaEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('status.changed'), at: epochMs, statuses: z.array(DeviceStatus) }),
  z.object({ type: z.literal('alarm.raised'), alarm: Alarm }),
  z.object({ type: z.literal('alarm.updated'), alarm: Alarm }),
  z.object({ type: z.literal('alarm.cleared'), alarm: Alarm }),
  z.object({ type: z.literal('device.upserted'), device: Device }),
  /**
   * Many devices written by one change (an import; the dependants of a deleted parent or tower):
   * one event, so 10,000 imported rows cost each process and each browser one step, not 10,000.
   */
  z.object({ type: z.literal('devices.upserted'), devices: z.array(Device).min(1) }),
  z.object({ type: z.literal('device.deleted'), id: z.number().int().positive() }),
  z.object({ type: z.literal('tower.upserted'), tower: Tower }),
  z.object({ type: z.literal('tower.deleted'), id: z.number().int().positive() }),
  z.object({ type: z.literal('engine.health'), health: EngineHealth }),
  z.object({ type: z.literal('ui.openDevice'), deviceId: z.number().int().positive() }),
  /** A native notification for the workstation; the desktop host shows it, unless paused. */
  z.object({
    type: z.literal('notify.desktop'),
    title: z.string(),
    body: z.string(),
    /** The device to open when it is clicked, when there is exactly one. */
    deviceId: z.number().int().positive().nullable(),
  }),
  SettingsChanged,
  OutageChanged,
]);
export type VigiaEvent = z.infer<typeof VigiaEvent>;
export type VigiaEventType = VigiaEvent['type'];
/** A native notification as the engine asks the desktop host to show it. */
export type DesktopAlert = Omit<Extract<VigiaEvent, { type: 'notify.desktop' }>, 'type'>;
