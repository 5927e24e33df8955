import type { Alarm, AlarmSource } from '../../../shared/contract/entities';
import { translate, type MessageKey } from '../../../shared/i18n';
import type { AlarmChanges, AlarmIdentity, AlarmPort, DesiredAlarm, ReconcileOptions } from '../alarms/port';
import type { EventBus } from '../event-bus';
import type { Repository } from '../store/repository';

const same = (alarm: Alarm, identity: AlarmIdentity) =>
  alarm.source === identity.source &&
  alarm.type === identity.type &&
  alarm.deviceId === identity.subject.deviceId &&
  alarm.towerId === identity.subject.towerId;

/**
 * The AlarmPort over today's alarm store, for the backup's alarms until the engine's alarm service
 * (which renders texts where they are read) takes its place: the text is stored in Portuguese, the
 * default language, and every change is published on the bus like the monitor's.
 */
export function storeAlarmPort(repo: Repository, bus: EventBus): AlarmPort {
  const open = new Map<AlarmSource, Alarm[]>();
  const message = (alarm: DesiredAlarm) =>
    translate(
      'pt-BR',
      `alarm.${alarm.source}.${alarm.type}` as MessageKey,
      alarm.params as Record<string, string>,
    );
  const port: AlarmPort = {
    async raise(alarm, at = Date.now()) {
      const found = await repo.alarms.findOpen({ ...alarm.subject, type: alarm.type });
      const text = message(alarm);
      let stored: Alarm | null;
      if (found) {
        if (found.message === text && found.severity === alarm.severity) return;
        stored = await repo.alarms.update(found.id, { message: text, severity: alarm.severity });
        bus.publish({ type: 'alarm.updated', alarm: stored });
      } else {
        stored = await repo.alarms.raise({
          source: alarm.source,
          deviceId: alarm.subject.deviceId,
          towerId: alarm.subject.towerId,
          type: alarm.type,
          severity: alarm.severity,
          message: text,
          affected: alarm.affected ?? 1,
          raisedAt: at,
        });
        if (stored) bus.publish({ type: 'alarm.raised', alarm: stored });
      }
      if (stored) {
        const list = (open.get(alarm.source) ?? []).filter((other) => other.id !== stored!.id);
        open.set(alarm.source, [...list, stored]);
      }
    },
    async clear(identity, at = Date.now()) {
      const found = await repo.alarms.findOpen({ ...identity.subject, type: identity.type });
      if (!found || found.source !== identity.source) return;
      const cleared = await repo.alarms.clear(found.id, at);
      open.set(
        identity.source,
        (open.get(identity.source) ?? []).filter((alarm) => !same(alarm, identity)),
      );
      if (cleared) bus.publish({ type: 'alarm.cleared', alarm: cleared });
    },
    async reconcile(source, desired, at, options: ReconcileOptions = {}): Promise<AlarmChanges> {
      const changes: AlarmChanges = { raised: 0, updated: 0, cleared: 0 };
      for (const alarm of desired) {
        const before = port.openAlarms(source).some((existing) => same(existing, alarm));
        await port.raise(alarm, at);
        if (before) changes.updated++;
        else changes.raised++;
      }
      for (const alarm of port.openAlarms(source)) {
        if (options.scope && !options.scope(alarm)) continue;
        if (options.frozen?.(alarm)) continue;
        const identity = {
          source,
          type: alarm.type,
          subject: { deviceId: alarm.deviceId, towerId: alarm.towerId, ref: null },
        };
        if (desired.some((wanted) => same(alarm, wanted))) continue;
        await port.clear(identity, at);
        changes.cleared++;
      }
      return changes;
    },
    openAlarms: (source) => open.get(source) ?? [],
  };
  return port;
}
