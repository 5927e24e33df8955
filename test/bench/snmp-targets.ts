/** Loopback addresses of the bench agents: 127.20.x.y, one per agent. */
export function benchAgentAddress(i: number): string {
  return `127.20.${Math.floor(i / 250)}.${(i % 250) + 1}`;
}
