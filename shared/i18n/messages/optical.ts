import { defineCatalog } from '../catalog';

/** Optical alarms (key `alarm.optical.<type>`), rendered from their params in the reader's language. */
export const opticalMessages = defineCatalog({
  'pt-BR': {
    'alarm.optical.threshold_high': '{site} · {cardUid}: {measure} acima de {limit} {unit}',
    'alarm.optical.threshold_low': '{site} · {cardUid}: {measure} abaixo de {limit} {unit}',
    'alarm.optical.rate': '{site} · {cardUid}: {measure} caiu mais de {dropDb} dB em {windowMinutes} min',
    'alarm.optical.stale': '{site} · {cardUid} ({model}): medidas sem atualização há mais de {minutes} min',
    'alarm.optical.card_down': '{site} · {cardUid} ({model}): cartão fora de operação',
    'alarm.optical.vendor':
      '{site} · {cardUid}: alarme Padtec {name} ({group}, {vendorSeverity}) em {resource}',
    'alarm.optical.endpoint': 'A Smart API {endpoint} não responde há 3 coletas seguidas',
  },
  en: {
    'alarm.optical.threshold_high': '{site} · {cardUid}: {measure} above {limit} {unit}',
    'alarm.optical.threshold_low': '{site} · {cardUid}: {measure} below {limit} {unit}',
    'alarm.optical.rate':
      '{site} · {cardUid}: {measure} fell more than {dropDb} dB within {windowMinutes} min',
    'alarm.optical.stale': '{site} · {cardUid} ({model}): measures not updated for over {minutes} min',
    'alarm.optical.card_down': '{site} · {cardUid} ({model}): card down',
    'alarm.optical.vendor':
      '{site} · {cardUid}: Padtec alarm {name} ({group}, {vendorSeverity}) on {resource}',
    'alarm.optical.endpoint': 'Smart API {endpoint} has not answered 3 collections in a row',
  },
});
