import autocannon from 'autocannon';
import { cpuBetween, readCpu, type CpuSample } from './cpu';

export const connections = 20;
export const warmUpSeconds = 3;

export type Kind = 'floor' | 'public' | 'private' | 'webhook';

/** One route's figures: the better of two measured runs (after a warm-up), errors summed over both. */
export type Result = {
  route: string;
  kind: Kind;
  reqPerSec: number;
  p50: number;
  p99: number;
  /** Connection errors and timeouts (autocannon counts timeouts among errors). */
  errors: number;
  non2xx: number;
  /** Average size of a response body with headers, KB (a page's weight explains much of its req/s). */
  kbPerResponse: number;
  /**
   * CPU time per response over the better run, ms: the app's servers and PostgreSQL's processes (read from /proc;
   * null elsewhere). Steadier than req/s on a machine whose speed drifts: it says what a route costs, not how fast
   * the machine happened to be.
   */
  cpuMs: CpuSample | null;
  /** Anything else the route had to get right (e.g. "every event applied exactly once"); null when nothing. */
  checks?: { ok: boolean; detail: string } | null;
  /** The floor this route is judged against, measured just before it (the machine's speed drifts over a run). */
  floor?: { route: string; reqPerSec: number; p99: number; cpuMs?: CpuSample | null };
};

/** Per-request set-up for POST routes: autocannon calls it before every request, on every connection. */
export type RequestPlan = Pick<autocannon.Request, 'method' | 'path' | 'setupRequest' | 'onResponse'>;

export type Target = { base: string; route: string; cookie?: string; plan?: RequestPlan };

function run(target: Target, duration: number): Promise<autocannon.Result> {
  const { base, route, cookie, plan } = target;
  return autocannon({
    url: `${base}${route}`,
    connections,
    duration,
    headers: cookie ? { cookie } : {},
    // A plan goes in as a one-request sequence, so setupRequest runs before each request, not once.
    ...(plan ? { requests: [{ method: 'GET', path: route, ...plan }] } : {}),
  }) as unknown as Promise<autocannon.Result>;
}

/**
 * The same protocol for every route: a warm-up, then two runs of `seconds`; the better run is reported.
 * With several targets (two instances of the app) they are loaded at the same time, 20 connections each,
 * and their figures combined: req/s summed, latency the worse of the two.
 */
export async function measure(label: string, kind: Kind, targets: Target[], seconds: number): Promise<Result> {
  const together = (duration: number) => Promise.all(targets.map((t) => run(t, duration)));
  await together(warmUpSeconds);
  const timed = async () => {
    const before = readCpu();
    const results = await together(seconds);
    const after = readCpu();
    const responses = Math.max(1, results.reduce((s, r) => s + r.requests.total, 0));
    const used = before && after ? cpuBetween(before, after) : null;
    const per = (ms: number) => Number((ms / responses).toFixed(2));
    return { results, cpuMs: used ? { app: per(used.app), db: per(used.db) } : null };
  };
  const runs = [await timed(), await timed()];
  // Responses over the run's length: the mean of autocannon's per-second samples under-counts slow routes.
  const total = (rs: autocannon.Result[]) => rs.reduce((s, r) => s + r.requests.total / r.duration, 0);
  const bestRun = runs.reduce((a, b) => (total(b.results) > total(a.results) ? b : a));
  const best = bestRun.results;
  const all = runs.flatMap((r) => r.results);
  const result: Result = {
    route: label,
    kind,
    reqPerSec: Math.round(total(best)),
    p50: Math.max(...best.map((r) => r.latency.p50)),
    p99: Math.max(...best.map((r) => r.latency.p99)),
    errors: all.reduce((s, r) => s + r.errors, 0),
    non2xx: all.reduce((s, r) => s + r.non2xx, 0),
    kbPerResponse: Math.round(all.reduce((s, r) => s + r.throughput.total, 0) / Math.max(1, all.reduce((s, r) => s + r.requests.total, 0)) / 1024),
    cpuMs: bestRun.cpuMs,
  };
  console.log(
    `${label.padEnd(44)} ${String(result.reqPerSec).padStart(6)} req/s  p50 ${result.p50} ms  p99 ${result.p99} ms  errors ${result.errors}  non-2xx ${result.non2xx}` +
      (result.cpuMs ? `  CPU/response: app ${result.cpuMs.app} ms, PostgreSQL ${result.cpuMs.db} ms` : ''),
  );
  return result;
}
