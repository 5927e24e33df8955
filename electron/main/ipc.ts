import type { IpcMainInvokeEvent, WebContents } from 'electron';
import {
  apiMethods,
  isApiMethod,
  type ApiError,
  type ApiMethod,
  type ApiOutput,
  type ApiParsedInput,
} from '../../shared/contract/api';
import { DesktopAuthRequest, IPC_AUTH, IPC_EVENT, IPC_INVOKE } from '../../shared/contract/ipc';
import { clientMayCall } from '../../shared/contract/method-roles';
import { toApiError } from '../engine/api/errors';
import { zodIssues } from '../../shared/contract/api-failure';
import type { Engine } from '../engine/engine';
import { isAppUrl } from './app-url';
import type { DesktopSession } from './desktop-session';

export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>,
  ): void;
}

export type LocalHandlers = {
  [M in ApiMethod]?: (sender: WebContents, input: ApiParsedInput<M>) => Promise<ApiOutput<M>>;
};

/** What crosses the invoke channel back to the preload: a result, or an error the user can read. */
export type IpcAnswer = { ok: true; result: unknown } | { ok: false; error: ApiError };

/**
 * Whether an IPC message comes from our own window showing our own renderer: the built files
 * (app://vigia/) or, in development, the electron-vite dev server.
 */
export function isTrustedSender(
  event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>,
  window: WebContents | null,
  rendererUrl: string,
): boolean {
  if (!window || event.sender !== window) return false;
  const url = event.senderFrame?.url;
  return typeof url === 'string' && isAppUrl(url, rendererUrl);
}

const refuse = (code: ApiError['code'], message: string, issues: ApiError['issues'] = []): IpcAnswer => ({
  ok: false,
  error: { code, message, issues },
});

/**
 * The one IPC handler: it checks the sender, checks the method is in the registry and validates
 * the input against the shared schema before the engine sees anything. Errors cross as ApiError.
 */
export function registerIpc(
  ipc: IpcMainLike,
  engine: Engine,
  trusted: (event: IpcMainInvokeEvent) => boolean,
  /** Methods the main process answers itself, since they need the window (printing to PDF). */
  local: LocalHandlers = {},
  /** The window's sign-in on a shared store; none: this computer's user (local access). */
  session?: DesktopSession,
): void {
  ipc.handle(IPC_INVOKE, async (event, method, input): Promise<IpcAnswer> => {
    if (!trusted(event)) return refuse('forbidden', 'IPC from an untrusted sender was refused.');
    // Methods only a host may ask (signing in) do not exist for the page.
    if (!isApiMethod(method) || !clientMayCall(method))
      return refuse('invalid_input', `Unknown method "${String(method)}"`);
    const parsed = apiMethods[method].input.safeParse(input);
    if (!parsed.success) {
      const issues = zodIssues(parsed.error);
      const message = issues.map((issue) => `${issue.path || 'input'}: ${issue.message}`).join('; ');
      return refuse('invalid_input', message, issues);
    }
    try {
      // Each local handler was typed for its own method's input; the union of them cannot be called typed.
      const answer = local[method] as ((sender: WebContents, input: unknown) => Promise<unknown>) | undefined;
      if (answer) return { ok: true, result: await answer(event.sender, parsed.data) };
      // The raw input, not the parsed one: the engine parses it again and applies its defaults.
      return { ok: true, result: await engine.call(method, input, session?.auth()) };
    } catch (error) {
      const answer: IpcAnswer = { ok: false, error: toApiError(error) };
      // Disabled, password reset elsewhere, expired: the page goes back to the sign-in.
      if (session?.required && answer.error.code === 'unauthenticated') {
        session.forget();
        event.sender.reload();
      }
      return answer;
    }
  });
}

/**
 * The sign-in channel of the desktop app: validated like every call, from our own page only; the
 * main process signs in with the engine and keeps the session, the page learns only the outcome.
 */
export function registerDesktopAuth(
  ipc: IpcMainLike,
  session: DesktopSession,
  trusted: (event: IpcMainInvokeEvent) => boolean,
): void {
  ipc.handle(IPC_AUTH, async (event, request): Promise<IpcAnswer> => {
    if (!trusted(event)) return refuse('forbidden', 'IPC from an untrusted sender was refused.');
    const parsed = DesktopAuthRequest.safeParse(request);
    if (!parsed.success) return refuse('invalid_input', 'Invalid sign-in request.', zodIssues(parsed.error));
    try {
      return { ok: true, result: await session.handle(parsed.data) };
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
