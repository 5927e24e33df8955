import { useSyncExternalStore } from 'react';

export type Route =
  | { page: 'dashboard' }
  | { page: 'map' }
  | { page: 'devices' }
  | { page: 'device'; id: number }
  | { page: 'towers' }
  | { page: 'alarms' }
  | { page: 'optical' }
  | { page: 'backups' }
  | { page: 'reports' }
  | { page: 'settings' }
  | { page: 'checks' }
  | { page: 'system' }
  | { page: 'health' }
  | { page: 'traps' }
  | { page: 'topology' }
  | { page: 'users' }
  | { page: 'wall' };

export function parseRoute(hash: string): Route {
  const [page, id] = hash.replace(/^#\/?/, '').split('/');
  if (page === 'devices' && id && /^\d+$/.test(id)) return { page: 'device', id: Number(id) };
  // The backups page takes its device and diff from the query ("backups?device=3&from=7&to=9").
  if (page?.split('?')[0] === 'backups') return { page: 'backups' };
  // Reports keep their period and grouping in the query ("reports?month=2026-11&group=tower").
  if (page?.split('?')[0] === 'reports') return { page: 'reports' };
  if (
    page === 'map' ||
    page === 'devices' ||
    page === 'towers' ||
    page === 'alarms' ||
    page === 'optical' ||
    page === 'settings' ||
    page === 'checks' ||
    page === 'system' ||
    page === 'health' ||
    page === 'traps' ||
    page === 'topology' ||
    page === 'users' ||
    page === 'wall'
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
