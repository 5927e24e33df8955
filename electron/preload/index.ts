// The preload bridge: exposes one typed VigiaClient as `window.vigia`, never ipcRenderer itself.
// Bundled as one CommonJS file, as a sandboxed preload requires.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  isApiMethod,
  type ApiError,
  type ApiInput,
  type ApiMethod,
  type ApiOutput,
} from '../../shared/contract/api';
import type { VigiaClient } from '../../shared/contract/client';
import type { VigiaEvent } from '../../shared/contract/events';
import { IPC_AUTH, IPC_EVENT, IPC_INVOKE, type DesktopAuthBridge } from '../../shared/contract/ipc';

type Answer<M extends ApiMethod> = { ok: true; result: ApiOutput<M> } | { ok: false; error: ApiError };

/**
 * A failed call rejects with a plain object, not an Error: the context bridge copies only an
 * Error's message, and the form fields in `issues` would be lost on the way to the page.
 */
const failure = (error: ApiError) => ({ name: 'ApiError', message: error.message, apiError: error });

const client: VigiaClient = {
  async invoke<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
    if (!isApiMethod(method)) {
      throw failure({ code: 'invalid_input', message: `Unknown method "${String(method)}"`, issues: [] });
    }
    const answer = (await ipcRenderer.invoke(IPC_INVOKE, method, input)) as Answer<M>;
    if (answer.ok) return answer.result;
    throw failure(answer.error);
  },
  subscribe(listener) {
    const relay = (_event: IpcRendererEvent, payload: VigiaEvent) => listener(payload);
    ipcRenderer.on(IPC_EVENT, relay);
    return () => ipcRenderer.removeListener(IPC_EVENT, relay);
  },
};

/** Sign-in on a shared store: the main process keeps the session; only outcomes come back here. */
async function askMain<T>(request: unknown): Promise<T> {
  const answer = (await ipcRenderer.invoke(IPC_AUTH, request)) as Answer<ApiMethod>;
  if (answer.ok) return answer.result as T;
  throw failure(answer.error);
}

const auth: DesktopAuthBridge = {
  state: () => askMain({ action: 'state' }),
  signIn: (name, password) => askMain({ action: 'login', name, password }),
  signOut: () => askMain({ action: 'logout' }),
};

contextBridge.exposeInMainWorld('vigia', client);
contextBridge.exposeInMainWorld('vigiaAuth', auth);
