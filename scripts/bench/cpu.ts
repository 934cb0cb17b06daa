import fs from 'node:fs';

/** CPU time (ms) used so far by the app's servers and by PostgreSQL's processes, read from /proc (Linux only). */
export type CpuSample = { app: number; db: number };

const tick = 10; // ms per clock tick (USER_HZ is 100 on Linux)

/**
 * Sums the CPU of every live `next-server` and `postgres` process. A process that started or ended between two
 * samples is counted from or up to when it was seen; the bench's own process (the load generator) is not counted.
 * Null where /proc is not there.
 */
export function sampleCpu(): CpuSample | null {
  if (!fs.existsSync('/proc/self/stat')) return null;
  const sample = { app: 0, db: 0 };
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // ended meanwhile
    }
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ms = (Number(fields[11]) + Number(fields[12])) * tick;
    if (name.startsWith('next-server')) sample.app += ms;
    else if (name === 'postgres') sample.db += ms;
  }
  return sample;
}
