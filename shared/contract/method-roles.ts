import type { ApiMethod } from './api';
import { roles, type Role } from './accounts';

/**
 * Who may call each method of the registry: the least role that may, or `host` for what only the
 * process serving the UI may ask (signing in). Typed over every method, so a method added to the
 * registry without a role here does not compile; the engine's dispatcher enforces this table.
 */
export type MethodRole = Role | 'host';

export const methodRoles: Record<ApiMethod, MethodRole> = {
  'app.info': 'viewer',
  'engine.health': 'viewer',

  'towers.list': 'viewer',
  'towers.create': 'admin',
  'towers.update': 'admin',
  'towers.delete': 'admin',

  'devices.list': 'viewer',
  'devices.get': 'viewer',
  'devices.create': 'admin',
  'devices.update': 'admin',
  'devices.delete': 'admin',
  'devices.importMany': 'admin',

  'status.snapshot': 'viewer',
  'status.history': 'viewer',
  'devices.pingNow': 'operator',

  'alarms.list': 'viewer',
  'alarms.acknowledge': 'operator',
  'alarms.clear': 'operator',

  'maintenance.start': 'operator',
  'maintenance.end': 'operator',
  'maintenance.global': 'viewer',

  'audit.list': 'viewer',
  'recent.list': 'viewer',

  'settings.get': 'viewer',
  'settings.monitor.set': 'admin',
  'settings.snmp.set': 'admin',
  'settings.retention.set': 'admin',
  'settings.ui.set': 'admin',
  'settings.map.set': 'admin',
  // "Do not disturb" is the tray's switch: an operator's action during an incident.
  'settings.notifications.set': 'operator',
  'snmp.limits.get': 'viewer',
  'snmp.limits.set': 'admin',

  'snmp.config.get': 'viewer',
  'snmp.config.set': 'admin',
  'snmp.config.delete': 'admin',
  // Polls with credentials typed in the form: part of configuring a device.
  'snmp.test': 'admin',
  'snmp.interfaces': 'viewer',
  'snmp.topInterfaces': 'viewer',
  'snmp.history': 'viewer',

  'notify.config.get': 'viewer',
  'notify.config.set': 'admin',
  // Sends with the stored token or secret.
  'notify.test': 'admin',
  'notify.status': 'viewer',

  'optical.config.get': 'viewer',
  'optical.config.set': 'admin',
  'optical.health': 'viewer',
  'optical.collectNow': 'operator',
  'optical.sites': 'viewer',
  'optical.site.map': 'admin',
  'optical.cards': 'viewer',
  'optical.cardEvents': 'viewer',
  'optical.vendorAlarms': 'viewer',
  'optical.history': 'viewer',
  'optical.rules.preview': 'viewer',

  'backup.settings.get': 'viewer',
  'backup.settings.set': 'admin',
  'backup.target.get': 'viewer',
  'backup.target.set': 'admin',
  'backup.target.delete': 'admin',
  'backup.target.confirmAddress': 'admin',
  'backup.hostKey.trust': 'admin',
  'backup.overview': 'viewer',
  'backup.versions': 'viewer',
  'backup.version': 'viewer',
  'backup.diff': 'viewer',
  'backup.run': 'operator',
  'backup.progress': 'viewer',
  'backup.cancel': 'operator',

  'snmp.traps.log': 'viewer',
  'snmp.traps.stats': 'viewer',

  'outage.status': 'viewer',
  // Only the --demo network has a simulated uplink to switch; it stands for a cable pulled.
  'outage.demoUplink': 'operator',

  'synthetic.checks.list': 'viewer',
  'synthetic.checks.create': 'admin',
  'synthetic.checks.update': 'admin',
  'synthetic.checks.delete': 'admin',
  'synthetic.checks.runNow': 'operator',
  'synthetic.results': 'viewer',

  'engine.verdict': 'viewer',
  'engine.metrics': 'viewer',
  'health.history': 'viewer',
  'observability.endpoint.get': 'viewer',
  'observability.endpoint.set': 'admin',
  // Logs and configuration of the whole installation, secrets left out but addresses kept.
  'diagnostics.export': 'admin',

  'storeBackup.status': 'viewer',
  'storeBackup.config.set': 'admin',
  'storeBackup.run': 'operator',
  'storeBackup.restore': 'admin',

  'reports.availability': 'viewer',
  'reports.printPdf': 'viewer',

  'inventory.import': 'admin',

  'cluster.status': 'viewer',
  'cluster.groups.list': 'viewer',
  'cluster.groups.save': 'admin',
  'cluster.groups.delete': 'admin',
  'cluster.groups.assign': 'admin',

  'topology.view': 'viewer',
  'topology.discover': 'operator',
  // Accepting sets parents, as devices.update does.
  'topology.decide': 'admin',

  'account.me': 'viewer',
  'account.changePassword': 'viewer',
  'users.list': 'admin',
  'users.create': 'admin',
  'users.update': 'admin',
  'users.resetPassword': 'admin',

  'auth.login': 'host',
  'auth.logout': 'host',
};

/** Whether a user with `role` may call a method that requires `required` (host methods: never). */
export function roleAllows(role: Role, required: MethodRole): boolean {
  return required !== 'host' && roles.indexOf(role) >= roles.indexOf(required);
}

/** Whether a page may ask for this method (hosts refuse the others before the engine sees them). */
export const clientMayCall = (method: ApiMethod): boolean => methodRoles[method] !== 'host';

/**
 * Whether a method's answer may reach the caller before events the engine published earlier: a
 * viewer's methods read (or change the caller's own password), so they cause no event that their
 * caller would have to see first, and a burst of events must not hold up a page's reads.
 */
export const answersAheadOfEvents = (method: ApiMethod): boolean => methodRoles[method] === 'viewer';
