import fs from 'node:fs';

/** CPU time (ms) used by the app's servers and by PostgreSQL's processes over some span. */
export type CpuSample = { app: number; db: number };
/** CPU time so far of each live `next-server` and `postgres` process, by pid (Linux's /proc; null elsewhere). */
export type CpuReading = Map<string, { kind: keyof CpuSample; ms: number }>;

const tick = 10; // ms per clock tick (USER_HZ is 100 on Linux)

export function readCpu(): CpuReading | null {
  if (!fs.existsSync('/proc/self/stat')) return null;
  const reading: CpuReading = new Map();
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // ended meanwhile
    }
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const kind = name.startsWith('next-server') ? 'app' : name === 'postgres' ? 'db' : null;
    if (!kind) continue;
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    reading.set(pid, { kind, ms: (Number(fields[11]) + Number(fields[12])) * tick });
  }
  return reading;
}

/**
 * What each kind of process used between two readings: a process that started meanwhile counts from nothing, one
 * that ended meanwhile (a pooled connection closing) is left out, so a span never reads less than nothing.
 * The bench's own process (the load generator) is not counted.
 */
export function cpuBetween(before: CpuReading, after: CpuReading): CpuSample {
  const used = { app: 0, db: 0 };
  for (const [pid, now] of after) used[now.kind] += now.ms - (before.get(pid)?.ms ?? 0);
  return used;
}
