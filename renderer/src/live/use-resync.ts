import { useEffect } from 'react';
import { onConnectionChange } from '../client';
import { useLiveStore } from './use-live';

/** After a lost connection comes back, the live store reads the network again (events were missed). */
export function useResyncAfterReconnect(): void {
  const store = useLiveStore();
  useEffect(() => {
    let lost = false;
    return onConnectionChange((connected) => {
      if (!connected) lost = true;
      else if (lost) {
        lost = false;
        void store.resync();
      }
    });
  }, [store]);
}
