import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { isApiMethod } from '../../shared/contract/api';
import { toApiError } from '../engine/api/errors';
import type { Engine } from '../engine/engine';
import { IPC_EVENT, IPC_INVOKE } from '../../shared/contract/ipc';

export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>,
  ): void;
}

/**
 * Whether an IPC message comes from our own window showing our own renderer: the built files
 * (file://…/out/renderer/) or, in development, the electron-vite dev server.
 */
export function isTrustedSender(
  event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>,
  window: WebContents | null,
  rendererUrl: string,
): boolean {
  if (!window || event.sender !== window) return false;
  const url = event.senderFrame?.url;
  if (!url) return false;
  return url.startsWith(rendererUrl);
}

/**
 * The one IPC handler: it checks the sender, checks the method is in the registry, and lets the
 * engine validate the input against the shared schemas. Errors cross as ApiError values.
 */
export function registerIpc(
  ipc: IpcMainLike,
  engine: Engine,
  trusted: (event: IpcMainInvokeEvent) => boolean,
): void {
  ipc.handle(IPC_INVOKE, async (event, method, input) => {
    if (!trusted(event)) {
      return {
        ok: false,
        error: { code: 'forbidden', message: 'IPC from an untrusted sender was refused.', issues: [] },
      };
    }
    if (!isApiMethod(method)) {
      return {
        ok: false,
        error: { code: 'invalid_input', message: `Unknown method "${String(method)}"`, issues: [] },
      };
    }
    try {
      return { ok: true, result: await engine.call(method, input) };
    } catch (error) {
      return { ok: false, error: toApiError(error) };
    }
  });
}

/** Relays engine events to the window, if it is still there. */
export function relayEvents(engine: Engine, target: () => WebContents | null): () => void {
  return engine.subscribe((event) => {
    const contents = target();
    if (contents && !contents.isDestroyed()) contents.send(IPC_EVENT, event);
  });
}
