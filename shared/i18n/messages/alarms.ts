import { defineCatalog } from '../catalog';

/**
 * Alarm texts, one key per source and type (`alarm.<source>.<type>`), filled from the alarm's
 * parameters where it is read. `renderAlarm` adds the derived parts (`affectedText`,
 * `subscribersText`) and picks a variant (`.root`) where the facts call for one.
 */
export const alarmMessages = defineCatalog({
  'pt-BR': {
    'alarm.icmp.tower_down': 'Torre {tower} fora do ar: {affectedText}{subscribersText}',
    'alarm.icmp.device_down': '{device} fora do ar',
    'alarm.icmp.device_down.root': '{device} fora do ar: causa raiz, {affectedText}',
    'alarm.icmp.sector_problem':
      'Problema de setor na torre {tower}: {failed} de {total} dispositivos sem resposta{subscribersText}',
    'alarm.icmp.flapping': '{device} instável: cai e volta repetidamente',
    'alarm.icmp.degraded': '{device} degradado: perda ou latência acima do limite',
    'alarm.icmp.latency_anomaly': '{device}: latência fora do padrão habitual',
    'alarm.snmp.if_down': 'Interface {interface} caiu',
    'alarm.snmp.if_utilization': '{interface}: utilização de {value}%, acima de {limit}%',
    'alarm.snmp.if_errors': '{interface}: {value} erros/s, acima de {limit}',
    'alarm.snmp.signal_low': 'Rádio: sinal de {value} dBm, abaixo de {limit} dBm',
    'alarm.monitor.mass-outage':
      'Queda em massa — o problema é nosso? {count} dispositivos ({share}% dos monitorados) pararam de responder juntos, sem uma torre ou um pai em comum',
    'alarm.monitor.mass-outage.summary': 'Fim da queda em massa: {returned} voltaram{stillDownText}',
    'alarm.monitor.uplink-down':
      'Uplink da NOC fora: todas as verificações de uplink falham ({failing}); as quedas que forem sintoma dele ficam retidas',
    'alarm.monitor.uplink-down.summary':
      'Uplink da NOC de volta: {returned} alarmes retidos se resolveram{stillDownText}',
    'alarm.part.stillDown.one': '; 1 ainda fora',
    'alarm.part.stillDown.other': '; {count} ainda fora',
    'alarm.snmp.agent_restarted': 'Equipamento reiniciou (trap {trap})',
    'alarm.snmp.auth_failure': 'Tentativa de acesso SNMP com credencial errada no equipamento',
    'alarm.snmp.config_changed': 'Configuração alterada no equipamento',
    'alarm.snmp.power_supply': 'Falha de fonte de alimentação',
    'alarm.part.affected.one': '1 dispositivo afetado',
    'alarm.part.affected.other': '{count} dispositivos afetados',
    'alarm.part.subscribers.one': ', 1 assinante atrás desta torre',
    'alarm.part.subscribers.other': ', {count} assinantes atrás desta torre',
    'alarm.unknown': 'Alarme {type} ({source}){details}',
    'alarm.severity.critical': 'crítico',
    'alarm.severity.major': 'grave',
    'alarm.severity.minor': 'menor',
    'alarm.severity.warning': 'aviso',
    'alarm.severity.info': 'informativo',
  },
  en: {
    'alarm.icmp.tower_down': 'Tower {tower} down: {affectedText}{subscribersText}',
    'alarm.icmp.device_down': '{device} down',
    'alarm.icmp.device_down.root': '{device} down: root cause, {affectedText}',
    'alarm.icmp.sector_problem':
      'Sector problem at tower {tower}: {failed} of {total} devices not answering{subscribersText}',
    'alarm.icmp.flapping': '{device} unstable: goes down and comes back repeatedly',
    'alarm.icmp.degraded': '{device} degraded: loss or latency above the limit',
    'alarm.icmp.latency_anomaly': '{device}: latency out of its usual pattern',
    'alarm.snmp.if_down': 'Interface {interface} went down',
    'alarm.snmp.if_utilization': '{interface}: utilisation {value}%, above {limit}%',
    'alarm.snmp.if_errors': '{interface}: {value} errors/s, above {limit}',
    'alarm.snmp.signal_low': 'Radio: signal {value} dBm, below {limit} dBm',
    'alarm.monitor.mass-outage':
      'Mass outage — is it us? {count} devices ({share}% of those monitored) stopped answering together, with no common tower or parent',
    'alarm.monitor.mass-outage.summary': 'Mass outage over: {returned} came back{stillDownText}',
    'alarm.monitor.uplink-down':
      'NOC uplink down: every uplink check fails ({failing}); outages that are its symptoms are held',
    'alarm.monitor.uplink-down.summary': 'NOC uplink back: {returned} held alarms resolved{stillDownText}',
    'alarm.part.stillDown.one': '; 1 still down',
    'alarm.part.stillDown.other': '; {count} still down',
    'alarm.snmp.agent_restarted': 'Device restarted ({trap} trap)',
    'alarm.snmp.auth_failure': 'SNMP access attempted with wrong credentials on the device',
    'alarm.snmp.config_changed': 'Configuration changed on the device',
    'alarm.snmp.power_supply': 'Power supply failure',
    'alarm.part.affected.one': '1 device affected',
    'alarm.part.affected.other': '{count} devices affected',
    'alarm.part.subscribers.one': ', 1 subscriber behind this tower',
    'alarm.part.subscribers.other': ', {count} subscribers behind this tower',
    'alarm.unknown': 'Alarm {type} ({source}){details}',
    'alarm.severity.critical': 'critical',
    'alarm.severity.major': 'major',
    'alarm.severity.minor': 'minor',
    'alarm.severity.warning': 'warning',
    'alarm.severity.info': 'info',
  },
});
