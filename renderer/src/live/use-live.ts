import { createContext, useContext, useSyncExternalStore } from 'react';
import type { LiveStore } from './live-store';

export const LiveContext = createContext<LiveStore | null>(null);

/** The live store without subscribing to it: for components that read it in event handlers. */
export function useLiveStore(): LiveStore {
  const store = useContext(LiveContext);
  if (!store) throw new Error('useLive outside LiveContext');
  return store;
}

/** The live store and its version: components derive what they show with useMemo on the version. */
export function useLive(): { store: LiveStore; version: number } {
  const store = useLiveStore();
  const version = useSyncExternalStore(store.subscribe, store.getVersion);
  return { store, version };
}

/**
 * One value read from the live store, re-rendering only when it changes: the app's frame shows a
 * count, and should not re-render with every status burst. `select` must return a primitive or a
 * reference that stays the same while its content does.
 */
export function useLiveValue<T>(select: (store: LiveStore) => T): T {
  const store = useLiveStore();
  return useSyncExternalStore(store.subscribe, () => select(store));
}
