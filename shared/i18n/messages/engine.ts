import { defineCatalog } from '../catalog';

/** Engine-wide texts: the state of the engine and its collectors, as the health page shows them. */
export const engineMessages = defineCatalog({
  'pt-BR': {
    'engine.starting': 'O motor está iniciando.',
    'engine.storeUnavailable': 'O banco de dados não responde: {reason}',
  },
  en: {
    'engine.starting': 'The engine is starting.',
    'engine.storeUnavailable': 'The database does not answer: {reason}',
  },
});
