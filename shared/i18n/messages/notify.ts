import { defineCatalog } from '../catalog';

/** Desktop notifications on the workstation, in its language. */
export const notifyMessages = defineCatalog({
  'pt-BR': {
    'desktop.alarmTitle': 'Vigia — alarme {severity}',
    'desktop.recoveredTitle': 'Vigia — normalizado',
    'desktop.recoveredLine': '✅ {alarm} — normalizado após {duration}',
    'desktop.burstTitle': 'Vigia — {count} eventos',
    'desktop.more': '… e mais {count}',
  },
  en: {
    'desktop.alarmTitle': 'Vigia — {severity} alarm',
    'desktop.recoveredTitle': 'Vigia — recovered',
    'desktop.recoveredLine': '✅ {alarm} — recovered after {duration}',
    'desktop.burstTitle': 'Vigia — {count} events',
    'desktop.more': '… and {count} more',
  },
});
