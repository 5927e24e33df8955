import type { ApiInput, ApiMethod, ApiOutput } from './api';
import type { VigiaEvent } from './events';

/**
 * The one interface the renderer uses to reach the engine: the preload bridge implements it in
 * Electron, a WebSocket client implements it in a browser against the headless server.
 */
export interface VigiaClient {
  invoke<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>>;
  /** Returns the function that stops the subscription. */
  subscribe(listener: (event: VigiaEvent) => void): () => void;
}
