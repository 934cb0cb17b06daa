import type { RouteSql } from './explain';
import type { Result } from './load';

const targets: Record<Result['kind'], string> = {
  floor: '',
  public: '≥ 90% of static floor, p99 ≤ 2× floor p99',
  private: '≥ 12% of static floor, ≥ 0.85× dynamic floor, p99 < 100 ms',
  webhook: '≥ 25% of static floor, every event applied exactly once',
};

/** Each route against its target; any error, non-2xx answer or failed check is a miss too. */
export function verdicts(results: Result[], sql: RouteSql[], twoInstances: Result[], buildSeconds: number, jsKb: number) {
  const staticFloor = results.find((r) => r.route === '/bench/static')!;
  const dynamicFloor = results.find((r) => r.route === '/bench/dynamic')!;
  const routes = results.map((r) => {
    // Judged against the floor measured just before the route; the floors' own first readings otherwise.
    const floor = r.floor?.route === staticFloor.route ? r.floor : staticFloor;
    const dynamic = r.floor?.route === dynamicFloor.route ? r.floor : dynamicFloor;
    const ratio = r.reqPerSec / floor.reqPerSec;
    let met = true;
    if (r.kind === 'public') met = ratio >= 0.9 && r.p99 <= 2 * floor.p99;
    else if (r.kind === 'private') met = ratio >= 0.12 && r.reqPerSec >= 0.85 * dynamic.reqPerSec && r.p99 < 100;
    else if (r.kind === 'webhook') met = ratio >= 0.25;
    met = met && r.errors === 0 && r.non2xx === 0 && (r.checks?.ok ?? true);
    const q = sql.find((s) => s.route === r.route);
    const sqlVerdict = q ? { statements: q.statements, slowestMs: q.slowestMs, over: q.over, failed: q.failed + (q.error ? 1 : 0), met: !q.over && !q.failed && !q.error } : null;
    // Not judged: what a response costs the servers, against what one of its floor cost just before it.
    const cpu = (c?: Result['cpuMs']) => (c ? c.app + c.db : null);
    const [own, floors] = [cpu(r.cpuMs), cpu(r.floor?.cpuMs)];
    const cpuToFloor = own !== null && floors ? Number((own / floors).toFixed(2)) : null;
    return { ...r, ratioToStatic: Number(ratio.toFixed(3)), ratioToDynamic: Number((r.reqPerSec / dynamic.reqPerSec).toFixed(3)), cpuToFloor, target: targets[r.kind], met: r.kind === 'floor' ? null : met, sql: sqlVerdict };
  });
  const two = twoInstances.map((r) => {
    const one = results.find((x) => x.route === r.route)!;
    return { ...r, oneInstanceReqPerSec: one.reqPerSec, timesOne: one.reqPerSec ? Number((r.reqPerSec / one.reqPerSec).toFixed(2)) : null };
  });
  return {
    routes,
    twoInstances: two,
    sqlBudget: { target: '≤ 5 ms (EXPLAIN ANALYZE execution time)', met: sql.every((s) => !s.over && !s.failed && !s.error) },
    buildSeconds: { value: Math.round(buildSeconds), target: '≤ 45 s', met: buildSeconds <= 45 },
    publicPageJsKb: { value: jsKb, target: '≤ 170 KB gzipped', met: jsKb <= 170 },
  };
}

export type Report = ReturnType<typeof verdicts>;
const mark = (met: boolean | null) => (met === null ? 'floor' : met ? 'MET' : 'MISSED');
const num = (n: number, width: number, digits = 0) => n.toFixed(digits).padStart(width);

export function print(report: Report, cpus: number) {
  console.log(`\nTwo instances on one database (20 connections each, at the same time; ${cpus} CPU cores shared by both apps and the load generator):`);
  console.log(`${'route'.padEnd(32)} ${'one'.padStart(6)} ${'two'.padStart(6)}  ×one   p99 (worse of two)  errors non-2xx`);
  for (const r of report.twoInstances) {
    console.log(`${r.route.padEnd(32)} ${num(r.oneInstanceReqPerSec, 6)} ${num(r.reqPerSec, 6)}  ${r.timesOne === null ? '   —' : num(r.timesOne, 4, 2)}   ${num(r.p99, 6)} ms          ${num(r.errors, 6)} ${num(r.non2xx, 7)}`);
  }

  console.log(`\n${'route'.padEnd(32)} ${'req/s'.padStart(6)} ${'floor'.padStart(6)} ×static ×dyn ${'p50'.padStart(5)} ${'p99'.padStart(5)} err non2xx    KB  CPU ms  ×floor  SQL ≤5ms        target → result`);
  for (const r of report.routes) {
    const sql = r.sql ? `${r.sql.met ? 'MET' : 'MISSED'} ${r.sql.slowestMs.toFixed(1)}ms`.padEnd(15) : '—'.padEnd(15);
    console.log(
      `${r.route.padEnd(32)} ${num(r.reqPerSec, 6)} ${r.floor ? num(r.floor.reqPerSec, 6) : '     —'} ${num(r.ratioToStatic, 7, 2)} ${num(r.ratioToDynamic, 4, 2)} ${num(r.p50, 5)} ${num(r.p99, 5)} ${num(r.errors, 3)} ${num(r.non2xx, 6)} ${num(r.kbPerResponse, 5)}  ${r.cpuMs ? num(r.cpuMs.app + r.cpuMs.db, 6, 1) : '     —'}  ${r.cpuToFloor === null ? '     —' : num(r.cpuToFloor, 6, 2)}  ${sql} ${r.target}${r.target ? ' → ' : ''}${mark(r.met)}`,
    );
    if (r.checks) console.log(`${''.padEnd(33)}└ ${r.checks.ok ? 'checked' : 'CHECK FAILED'}: ${r.checks.detail}`);
  }
  console.log('(floor: req/s of the floor loaded just before the route, static for public pages and the webhook, dynamic for per-user ones;');
  console.log(' a per-user route\'s ×static is to the static floor\'s own reading. KB: average response, uncompressed; req/s: responses ÷ run length,');
  console.log(' the better of two runs; p50/p99 in ms; CPU ms: the app\'s and PostgreSQL\'s CPU time per response in that run, not judged,');
  console.log(' ×floor: that against the floor\'s own — steadier than req/s while the machine\'s speed drifts)');
  console.log(`SQL on the request path, each statement ${report.sqlBudget.target} → ${mark(report.sqlBudget.met)} (details above)`);
  console.log(`clean next build: ${report.buildSeconds.value} s (${report.buildSeconds.target}) → ${mark(report.buildSeconds.met)}`);
  console.log(`JS on a public page: ${report.publicPageJsKb.value} KB gzipped (${report.publicPageJsKb.target}) → ${mark(report.publicPageJsKb.met)}`);
}
