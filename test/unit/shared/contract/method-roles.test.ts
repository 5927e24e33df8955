import { describe, expect, it } from 'vitest';
import { roles } from '../../../../shared/contract/accounts';
import { apiMethodNames } from '../../../../shared/contract/api';
import {
  answersAheadOfEvents,
  clientMayCall,
  methodRoles,
  roleAllows,
} from '../../../../shared/contract/method-roles';

describe('the role of every API method', () => {
  it('names a known role for every method of the registry, and nothing else', () => {
    const missing = apiMethodNames.filter((method) => !Object.hasOwn(methodRoles, method));
    expect(missing).toEqual([]);
    expect(Object.keys(methodRoles).sort()).toEqual([...apiMethodNames].sort());
    for (const method of apiMethodNames) expect([...roles, 'host']).toContain(methodRoles[method]);
  });

  it('lets viewers read, operators act on alarms, maintenance and checks, admins configure', () => {
    const allowed = (role: (typeof roles)[number]) =>
      apiMethodNames.filter((method) => roleAllows(role, methodRoles[method]));
    const viewer = allowed('viewer');
    const operator = allowed('operator');
    const admin = allowed('admin');
    expect(operator.filter((method) => !viewer.includes(method)).sort()).toEqual([
      'alarms.acknowledge',
      'alarms.clear',
      'backup.cancel',
      'backup.run',
      'devices.pingNow',
      'maintenance.end',
      'maintenance.start',
      'optical.collectNow',
      'outage.demoUplink',
      'settings.notifications.set',
      'storeBackup.run',
      'synthetic.checks.runNow',
      'topology.discover',
    ]);
    // Nothing a viewer may call changes anything (the few exceptions are their own account).
    const writes =
      /\.(set|create|update|delete|importMany|acknowledge|clear|start|end|run|cancel|trust|confirmAddress|map|test|resetPassword|changePassword|pingNow|collectNow)$/;
    expect(viewer.filter((method) => writes.test(method))).toEqual(['account.changePassword']);
    for (const method of [
      'settings.monitor.set',
      'devices.create',
      'notify.config.set',
      'snmp.config.set',
      'users.create',
      'backup.hostKey.trust',
    ])
      expect(admin.includes(method as never) && !operator.includes(method as never)).toBe(true);
    expect(admin.length).toBe(apiMethodNames.length - 2);
  });

  it('answers reads ahead of queued events, and a change only after the events it caused', () => {
    expect((['engine.health', 'status.snapshot', 'alarms.list'] as const).map(answersAheadOfEvents)).toEqual([
      true,
      true,
      true,
    ]);
    expect(
      (['devices.importMany', 'alarms.acknowledge', 'settings.ui.set'] as const).map(answersAheadOfEvents),
    ).toEqual([false, false, false]);
  });

  it('keeps signing in to the host: no page may ask for it, whatever its role', () => {
    expect(apiMethodNames.filter((method) => !clientMayCall(method)).sort()).toEqual([
      'auth.login',
      'auth.logout',
    ]);
    for (const role of roles) expect(roleAllows(role, 'host')).toBe(false);
  });
});
