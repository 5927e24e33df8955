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
import { IPC_EVENT, IPC_INVOKE } from '../../shared/contract/ipc';

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

contextBridge.exposeInMainWorld('vigia', client);
