import { defineCatalog } from '../catalog';

/** What the UI's process says about the engine's own process: restarts and stops. */
export const engineProcessMessages = defineCatalog({
  'pt-BR': {
    'engineProcess.restarting': 'O motor está reiniciando após uma falha; tente de novo em alguns segundos.',
    'engineProcess.stopped': 'O motor foi encerrado.',
    'engineProcess.exited': 'O processo do motor terminou (código {code}).',
  },
  en: {
    'engineProcess.restarting': 'The engine is restarting after a failure; try again in a few seconds.',
    'engineProcess.stopped': 'The engine has been stopped.',
    'engineProcess.exited': 'The engine process ended (code {code}).',
  },
});
