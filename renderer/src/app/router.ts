import { useSyncExternalStore } from 'react';

export type Route =
  | { page: 'dashboard' }
  | { page: 'map' }
  | { page: 'devices' }
  | { page: 'device'; id: number }
  | { page: 'towers' }
  | { page: 'alarms' }
  | { page: 'settings' }
  | { page: 'checks' }
  | { page: 'system' };

export function parseRoute(hash: string): Route {
  const [page, id] = hash.replace(/^#\/?/, '').split('/');
  if (page === 'devices' && id && /^\d+$/.test(id)) return { page: 'device', id: Number(id) };
  if (
    page === 'map' ||
    page === 'devices' ||
    page === 'towers' ||
    page === 'alarms' ||
    page === 'settings' ||
    page === 'checks' ||
    page === 'system'
  )
    return { page };
  return { page: 'dashboard' };
}

const subscribe = (listener: () => void) => {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
};

/** Hash routes keep working from a file:// page inside Electron as well as from the server. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}

export function navigate(path: string): void {
  window.location.hash = `#/${path}`;
}
