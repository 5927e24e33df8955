import { readFileSync } from 'node:fs';

/** CPU seconds (user + system) a process has used, from /proc (in ticks of 1/100 s on Linux). */
export function cpuSecondsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // utime and stime are fields 14 and 15 of stat, counted from the state field (3) here.
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
