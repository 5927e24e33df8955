import { defineCatalog } from '../catalog';

/** Why /health answers 503, in the reader's language. */
export const observabilityMessages = defineCatalog({
  'pt-BR': {
    'health.store_down': 'O banco de dados não responde: {error}',
    'health.worker_down': 'O coletor "{worker}" não está rodando ({state}).',
    'health.cycle_late':
      'O ciclo de monitoramento está atrasado: {seconds} s desde o último (intervalo de {intervalS} s).',
    'health.starting': 'O primeiro ciclo de monitoramento ainda não terminou ({seconds} s desde o início).',
  },
  en: {
    'health.store_down': 'The database does not answer: {error}',
    'health.worker_down': 'The "{worker}" collector is not running ({state}).',
    'health.cycle_late':
      'The monitoring cycle is late: {seconds} s since the last one ({intervalS} s interval).',
    'health.starting': 'The first monitoring cycle has not finished yet ({seconds} s since start).',
  },
});
