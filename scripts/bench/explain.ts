import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import type { Db } from '@/db/client';
import * as schema from '@/db/schema';
import type { RequestPath } from './request-path';

export const queryBudgetMs = 5;
/** A statement a page repeats (one trace per gift on /me) is explained this many times at most. */
const maxReplays = 25;

type Captured = { query: string; params: unknown[] };
type Plan = { executionMs: number; planningMs: number; plan: unknown };

export type Statement = {
  query: string;
  /** The parameters of its slowest replay. */
  params: unknown[];
  occurrences: number;
  replayed: number;
  /** Worst execution time over the replays (EXPLAIN's "Execution Time": includes triggers, not planning). */
  executionMs: number | null;
  planningMs: number | null;
  met: boolean;
  note?: string;
  error?: string;
  plan?: unknown;
};

export type RouteSql = { route: string; note?: string; statements: number; totalMs: number; slowestMs: number; over: number; failed: number; error?: string; items: Statement[] };

class Rollback extends Error {}
const control = /^\s*(begin|commit|rollback|savepoint|release)\b/i;

/**
 * 1. Runs each route's lib/ calls through a postgres.js client whose `debug` hook records every statement with
 *    its parameters, inside a transaction that is rolled back (some are writes: rate limits, access log, needs).
 * 2. Replays the statements in order, once plainly to warm the session (see `warm`), then in another rolled-back
 *    transaction each as EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON), so every one runs against the state the ones
 *    before it left.
 */
export async function explainRequestPaths(url: string, paths: RequestPath[]): Promise<RouteSql[]> {
  let sink: Captured[] | null = null;
  const client = postgres(url, { max: 1, onnotice: () => {}, debug: (_c, query, params) => void (sink && !control.test(query) && sink.push({ query, params: [...params] })) });
  const db = drizzle(client, { schema }) as unknown as Db;
  const replay = postgres(url, { max: 1, prepare: false, onnotice: () => {} });
  // Captured JSON parameters are already text, as drizzle sends them (its driver passes json and jsonb through).
  for (const jsonType of [114, 3802]) replay.options.serializers[jsonType] = (x: unknown) => x;
  const out: RouteSql[] = [];
  try {
    for (const path of paths) {
      const setup: Captured[] = [];
      const calls: Captured[] = [];
      try {
        await db.transaction(async (tx) => {
          sink = setup;
          await path.setup?.(tx);
          sink = calls;
          await path.calls(tx);
          sink = null;
          throw new Rollback();
        });
      } catch (e) {
        sink = null;
        if (!(e instanceof Rollback)) {
          out.push({ route: path.route, note: path.note, statements: 0, totalMs: 0, slowestMs: 0, over: 0, failed: 1, error: (e as Error).message, items: [] });
          continue;
        }
      }
      out.push({ ...(await replayRoute(replay, setup, calls)), route: path.route, note: path.note });
    }
  } finally {
    await client.end();
    await replay.end();
  }
  return out;
}

async function replayRoute(sql: postgres.Sql, setup: Captured[], calls: Captured[]): Promise<Omit<RouteSql, 'route'>> {
  await warm(sql, setup, calls);
  const groups = new Map<string, Statement>();
  let totalMs = 0;
  await sql
    .begin(async (tx) => {
      for (const s of setup) await tx.unsafe(s.query, s.params as never[]);
      for (const c of calls) {
        const g = groups.get(c.query) ?? { query: c.query, params: c.params, occurrences: 0, replayed: 0, executionMs: null, planningMs: null, met: true };
        groups.set(c.query, g);
        g.occurrences++;
        if (g.replayed >= maxReplays) continue;
        g.replayed++;
        const r = await explainOne(tx, c);
        if ('error' in r) {
          g.error ??= r.error;
          g.met = false;
          continue;
        }
        totalMs += r.executionMs;
        if (g.executionMs === null || r.executionMs > g.executionMs) Object.assign(g, { executionMs: r.executionMs, planningMs: r.planningMs, plan: r.plan, params: c.params });
        if (r.note) g.note = r.note;
        if (r.executionMs > queryBudgetMs) g.met = false;
      }
      throw new Rollback();
    })
    .catch((e) => {
      if (!(e instanceof Rollback)) throw e;
    });
  const items = [...groups.values()].sort((a, b) => (b.executionMs ?? Infinity) - (a.executionMs ?? Infinity));
  return {
    statements: calls.length,
    totalMs: round(totalMs),
    slowestMs: round(Math.max(0, ...items.map((i) => i.executionMs ?? 0))),
    over: items.filter((i) => !i.met && !i.error).length,
    failed: items.filter((i) => i.error).length,
    items,
  };
}

/**
 * Replays the statements once, unexplained, in a rolled-back transaction: the session then has the trigger
 * functions compiled and their plans cached, as the app's pooled connections have after their first requests
 * (a first call in a fresh session costs several milliseconds of compiling, which no request pays again).
 */
async function warm(sql: postgres.Sql, setup: Captured[], calls: Captured[]) {
  await sql
    .begin(async (tx) => {
      for (const s of setup) await tx.unsafe(s.query, s.params as never[]);
      for (const c of calls) await tx.savepoint((sp) => sp.unsafe(c.query, c.params as never[])).catch(() => undefined);
      throw new Rollback();
    })
    .catch((e) => {
      if (!(e instanceof Rollback)) throw e;
    });
}

async function explainOne(tx: postgres.TransactionSql, c: Captured): Promise<(Plan & { note?: string }) | { error: string }> {
  const text = `explain (analyze, buffers, format json) ${c.query}`;
  try {
    return planOf(await tx.savepoint((sp) => sp.unsafe(text, c.params as never[])));
  } catch (e) {
    if ((e as { code?: string }).code !== '23503') return { error: (e as Error).message };
  }
  // A foreign key to a row the replay inserted under a new generated id (a need's first event, a journal entry's
  // lines): replayed once more with foreign-key checks (and triggers) off, and marked as such.
  try {
    const rows = await tx.savepoint(async (sp) => {
      await sp`set local session_replication_role = replica`;
      const r = await sp.unsafe(text, c.params as never[]);
      await sp`set local session_replication_role = origin`;
      return r;
    });
    return { ...planOf(rows), note: 'replayed without foreign-key checks or triggers (it refers to a row the replay created under a new id)' };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

function planOf(rows: postgres.RowList<postgres.Row[]>): Plan {
  const [explained] = rows[0]['QUERY PLAN'] as { 'Execution Time': number; 'Planning Time': number }[];
  return { executionMs: round(explained['Execution Time']), planningMs: round(explained['Planning Time']), plan: explained };
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;

/** One block per route: its statements slowest first, each with its time and verdict. */
export function printSql(routes: RouteSql[]) {
  console.log(`\nSQL on the request path — EXPLAIN (ANALYZE, BUFFERS), each statement ≤ ${queryBudgetMs} ms (worst of its replays).`);
  console.log('Cached public pages run theirs when re-rendered after a public change, not on every request.');
  for (const r of routes) {
    const verdict = r.error || r.failed ? 'NOT ALL EXPLAINED' : r.over ? `MISSED (${r.over} over)` : 'MET';
    console.log(`\n${r.route}${r.note ? ` — ${r.note}` : ''}: ${r.statements} statements, ${r.items.length} distinct, Σ ${r.totalMs} ms, slowest ${r.slowestMs} ms → ${verdict}`);
    if (r.error) console.log(`   could not run the route's calls: ${r.error}`);
    for (const s of r.items) {
      const ms = s.executionMs === null ? '   —   ' : s.executionMs.toFixed(2).padStart(7);
      const mark = s.error ? 'ERROR' : s.met ? 'ok' : 'OVER';
      const times = s.occurrences > 1 ? ` ×${s.occurrences}${s.replayed < s.occurrences ? ` (${s.replayed} explained)` : ''}` : '';
      console.log(`  ${ms} ms ${mark.padEnd(5)} ${s.query.replace(/\s+/g, ' ').slice(0, 110)}${times}`);
      if (s.note) console.log(`                   (${s.note})`);
      if (s.error) console.log(`                   ${s.error}`);
    }
  }
}
