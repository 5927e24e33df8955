import type { Netns } from '../helpers/netns';

/** Placeholder until the monitor exists: replaced below. */
export async function measureEngineCpu(_options: {
  devices: number;
  intervalMs: number;
  durationMs: number;
  ns: Netns;
}): Promise<number | null> {
  return null;
}
