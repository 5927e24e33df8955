/** The pages of the navigation, in its order: the app shell draws them, the language walk visits them. */
export const NAV_PAGES = [
  'dashboard',
  'map',
  'devices',
  'towers',
  'alarms',
  'optical',
  'backups',
  'reports',
  'settings',
  'checks',
  'system',
  'health',
  'traps',
  'topology',
] as const;
