import { useEffect, useState } from 'react';
import type { Me } from '../../../shared/contract/accounts';
import { getClient } from '../client';

/**
 * Who this page is signed in as, asked once: the engine's answer, never a guess from the page.
 * Null until it answers (and if it cannot), so admin-only parts stay hidden meanwhile.
 */
export function useMe(): Me | null {
  const [me, setMe] = useState<Me | null>(null);
  useEffect(() => {
    let live = true;
    getClient()
      .invoke('account.me', undefined)
      .then(
        (answer) => live && setMe(answer),
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, []);
  return me;
}
