// The preload bridge: exposes one typed VigiaClient as `window.vigia`, never ipcRenderer itself.
// Bundled as one CommonJS file, as a sandboxed preload requires.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { isApiMethod, type ApiInput, type ApiMethod, type ApiOutput } from '../../shared/contract/api';
import type { VigiaClient } from '../../shared/contract/client';
import type { VigiaEvent } from '../../shared/contract/events';
import { IPC_EVENT, IPC_INVOKE } from '../../shared/contract/ipc';

const client: VigiaClient = {
  async invoke<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
    if (!isApiMethod(method)) throw new Error(`Unknown method "${String(method)}"`);
    const answer = (await ipcRenderer.invoke(IPC_INVOKE, method, input)) as
      | { ok: true; result: ApiOutput<M> }
      | { ok: false; error: { code: string; message: string; issues: unknown[] } };
    if (answer.ok) return answer.result;
    throw Object.assign(new Error(answer.error.message), { apiError: answer.error });
  },
  subscribe(listener) {
    const relay = (_event: IpcRendererEvent, payload: VigiaEvent) => listener(payload);
    ipcRenderer.on(IPC_EVENT, relay);
    return () => ipcRenderer.removeListener(IPC_EVENT, relay);
  },
};

contextBridge.exposeInMainWorld('vigia', client);
