import type { MaintenanceScope } from '../../../shared/contract/api';
import type { Device, Tower } from '../../../shared/contract/entities';

/** "30m", "1h", "4h", "2d", "90min"; "ate-fim"/"until-ended" for no end. Undefined: not a duration. */
export function parseDuration(token: string): number | null | undefined {
  const lower = token.toLowerCase();
  if (['ate-fim', 'até-fim', 'until-ended', 'indefinido', 'forever'].includes(lower)) return null;
  const match = /^(\d{1,5})(m|min|h|d)$/.exec(lower);
  if (!match) return undefined;
  const value = Number(match[1]);
  const minutes = match[2] === 'd' ? value * 1440 : match[2] === 'h' ? value * 60 : value;
  return minutes > 0 && minutes <= 60 * 24 * 90 ? minutes : undefined;
}

export interface MaintArgs {
  target: string;
  minutes: number | null;
  reason: string | null;
}

/** `/maint <device|tower> <duration> [reason]`: names may have spaces, so the duration splits them. */
export function parseMaintArgs(text: string): MaintArgs | null {
  const tokens = text.trim().split(/\s+/).filter(Boolean);
  const at = tokens.findIndex((token, index) => index > 0 && parseDuration(token) !== undefined);
  if (at <= 0) return null;
  const reason = tokens.slice(at + 1).join(' ');
  return {
    target: tokens.slice(0, at).join(' '),
    minutes: parseDuration(tokens[at]!) ?? null,
    reason: reason || null,
  };
}

const normal = (text: string) => text.trim().toLowerCase();

/**
 * A device by id, name or address, or a tower by name; "torre:"/"tower:" asks for a tower when a
 * device has the same name. Null when nothing or more than one thing matches.
 */
export function resolveTarget(
  text: string,
  devices: Device[],
  towers: Tower[],
): { scope: MaintenanceScope; label: string } | null {
  const towerOnly = /^(torre|tower):\s*/i.exec(text);
  const wanted = normal(towerOnly ? text.slice(towerOnly[0].length) : text);
  if (!wanted) return null;
  if (!towerOnly) {
    const byId = /^#?(\d+)$/.exec(wanted);
    const matches = byId
      ? devices.filter((device) => device.id === Number(byId[1]))
      : devices.filter((device) => normal(device.name) === wanted || normal(device.host) === wanted);
    if (matches.length === 1)
      return { scope: { scope: 'device', id: matches[0]!.id }, label: matches[0]!.name };
    if (matches.length > 1) return null;
  }
  const towersFound = towers.filter((tower) => normal(tower.name) === wanted);
  return towersFound.length === 1
    ? { scope: { scope: 'tower', id: towersFound[0]!.id }, label: towersFound[0]!.name }
    : null;
}
