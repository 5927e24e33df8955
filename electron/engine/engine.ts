import type { ApiMethod, ApiOutput } from '../../shared/contract/api';
import type { CallAuth } from '../../shared/contract/engine-process';
import type { VigiaEvent } from '../../shared/contract/events';

/**
 * The running engine as its hosts see it: the Electron main process (over IPC) and the headless
 * server (over WebSocket) both forward calls here and relay its events. `call` validates the input
 * against the contract and rejects with an `ApiFailure` (see api/errors.ts) the user can read.
 */
export interface Engine {
  /** `auth`: on whose behalf, as the host established it (see CallAuth); absent: this computer's user. */
  call<M extends ApiMethod>(method: M, input: unknown, auth?: CallAuth): Promise<ApiOutput<M>>;
  subscribe(listener: (event: VigiaEvent) => void): () => void;
  stop(): Promise<void>;
}
