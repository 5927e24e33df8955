import type { VigiaTray } from './tray';

/**
 * What the Playwright _electron suite reaches through `app.evaluate`: the tray's menu and its
 * actions (a real tray menu cannot be clicked from a test) and the notifications shown so far.
 * Installed only when VIGIA_E2E=1, so the shipped app exposes nothing extra.
 */
export interface E2eHook {
  trayItems: VigiaTray['items'];
  trayAct: VigiaTray['act'];
  /** What was handed to node-notifier, at the moment it was called. */
  notifications: NotifierCall[];
}

export interface NotifierCall {
  title: string;
  message: string;
  appID: string;
  icon: string;
}

export function installE2eHook(tray: VigiaTray): E2eHook | null {
  if (process.env.VIGIA_E2E !== '1') return null;
  const hook: E2eHook = { trayItems: tray.items, trayAct: tray.act, notifications: [] };
  (globalThis as { __vigiaE2E?: E2eHook }).__vigiaE2E = hook;
  return hook;
}
