import { defineCatalog } from '../catalog';

/** Alarms Vigia raises about itself (source `self`), rendered from their facts. */
export const selfMessages = defineCatalog({
  'pt-BR': {
    'alarm.self.cycle_late':
      'O ciclo de monitoramento está atrasado: nenhum terminou há {seconds} s (intervalo de {intervalS} s)',
    'alarm.self.collector_restarts':
      'O coletor {worker} reiniciou {restarts} vezes nos últimos {minutes} minutos',
    'alarm.self.backlog_growing':
      'A fila de notificações cresce há {minutes} minutos: de {from} para {to} mensagens',
    'alarm.self.store_refusing': 'O banco de dados recusa gravações: {error}',
    'alarm.self.stale_data': '{device} responde ao ping, mas os dados SNMP não se atualizam há {minutes} min',
  },
  en: {
    'alarm.self.cycle_late':
      'The monitoring cycle is late: none finished for {seconds} s (interval {intervalS} s)',
    'alarm.self.collector_restarts':
      'Collector {worker} restarted {restarts} times in the last {minutes} minutes',
    'alarm.self.backlog_growing':
      'The notification queue has been growing for {minutes} minutes: from {from} to {to} messages',
    'alarm.self.store_refusing': 'The database refuses writes: {error}',
    'alarm.self.stale_data': '{device} answers ping, but its SNMP data has not updated for {minutes} min',
  },
});
