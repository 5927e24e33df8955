import { createContext, useContext, useSyncExternalStore } from 'react';
import type { LiveStore } from './live-store';

export const LiveContext = createContext<LiveStore | null>(null);

/** The live store and its version: components derive what they show with useMemo on the version. */
export function useLive(): { store: LiveStore; version: number } {
  const store = useContext(LiveContext);
  if (!store) throw new Error('useLive outside LiveContext');
  const version = useSyncExternalStore(store.subscribe, store.getVersion);
  return { store, version };
}
