/** The IPC channels between the main process and the preload bridge: one for calls, one for events. */
export const IPC_INVOKE = 'vigia:invoke';
export const IPC_EVENT = 'vigia:event';
