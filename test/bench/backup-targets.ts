// The benchmark's fake fleet: where device i listens, on loopback only.
export const BENCH_SSH_PORT = 10_022;

export const benchDeviceAddress = (index: number) => `127.40.${Math.floor(index / 250)}.${(index % 250) + 1}`;
