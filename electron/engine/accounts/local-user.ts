import { hostname, userInfo } from 'node:os';

/** This computer's signed-in user (the Windows account on a workstation), else the host's name. */
export function localUserName(): string {
  try {
    const { username } = userInfo();
    if (username) return username;
  } catch {
    // No passwd entry (a container running under an arbitrary uid): the machine names the actor.
  }
  return hostname() || 'operador';
}
