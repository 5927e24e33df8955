import type { VigiaClient } from '../../../shared/contract/client';
import { authState } from './auth';
import { createWsClient, serverSocketUrl } from './ws-client';

declare global {
  interface Window {
    /** The preload bridge, present only inside the desktop app. */
    vigia?: VigiaClient;
  }
}

type ConnectionListener = (connected: boolean) => void;
const connectionListeners = new Set<ConnectionListener>();
let client: VigiaClient | null = null;

/** The one way the UI reaches the engine: the preload bridge in Electron, a WebSocket in a browser. */
export function getClient(): VigiaClient {
  client ??=
    window.vigia ??
    createWsClient(serverSocketUrl(window.location), (connected) => {
      connectionListeners.forEach((listener) => listener(connected));
      if (!connected) void signInAgainIfExpired();
    });
  return client;
}

export function onConnectionChange(listener: ConnectionListener): () => void {
  connectionListeners.add(listener);
  return () => connectionListeners.delete(listener);
}

/** A session that expired (or was signed out elsewhere) shows the sign-in again. */
async function signInAgainIfExpired(): Promise<void> {
  const state = await authState().catch(() => null);
  if (state?.required && !state.authenticated) window.location.reload();
}
