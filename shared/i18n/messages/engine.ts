import { defineCatalog } from '../catalog';

/** Engine-wide texts: the state of the engine and its collectors, as the health page shows them. */
export const engineMessages = defineCatalog({
  'pt-BR': {
    'engine.starting': 'O motor está iniciando.',
    'engine.storeUnavailable': 'O banco de dados não responde: {reason}',
    'engine.icmpMode.raw': 'ICMP bruto',
    'engine.icmpMode.system-ping': 'ping do sistema',
    'engine.icmpMode.simulated': 'simulado',
    'engine.icmpNote.noRawRights':
      'Sem permissão para sockets brutos: execute o Vigia como administrador (Windows) ou conceda CAP_NET_RAW (Linux). Usando o ping do sistema, mais lento.',
    'engine.icmpNote.rawUnavailable':
      'O ICMP bruto não está disponível nesta máquina (detalhes no log). Usando o ping do sistema, mais lento.',
    'engine.icmpNote.systemPingChosen': 'O ping do sistema foi escolhido em vez do ICMP bruto.',
    'engine.icmpNote.simulated': 'Rede de demonstração: as medições são simuladas.',
  },
  en: {
    'engine.starting': 'The engine is starting.',
    'engine.storeUnavailable': 'The database does not answer: {reason}',
    'engine.icmpMode.raw': 'raw ICMP',
    'engine.icmpMode.system-ping': 'system ping',
    'engine.icmpMode.simulated': 'simulated',
    'engine.icmpNote.noRawRights':
      'No raw-socket rights: run Vigia as administrator (Windows) or give it CAP_NET_RAW (Linux). Using the system ping, slower.',
    'engine.icmpNote.rawUnavailable':
      'Raw ICMP is unavailable on this machine (details in the log). Using the system ping, slower.',
    'engine.icmpNote.systemPingChosen': 'The system ping was chosen instead of raw ICMP.',
    'engine.icmpNote.simulated': 'Demo network: measurements are simulated.',
  },
});
