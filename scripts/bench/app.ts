import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import postgres from 'postgres';
import { createDb } from '@/db/client';
import { migrateDb } from '@/db/migrate';
import { isEmpty, seedDemo } from '@/db/seed/demo';
import { seedScale } from '@/db/seed/scale';

/** Creates the benchmark database on first use and loads it (kept for later runs at the same scale). */
export async function prepareDatabase(server: string, dbName: string, scale: number) {
  const url = `${server}/${dbName}`;
  const admin = postgres(`${server}/postgres`, { max: 1, onnotice: () => {} });
  const exists = await admin`select 1 from pg_database where datname = ${dbName}`;
  if (!exists.length) await admin.unsafe(`create database ${dbName}`);
  await admin.end();
  const { db, close } = createDb(url, 1);
  await migrateDb(db);
  if (await isEmpty(db)) {
    console.log(`Loading the benchmark dataset at scale ${scale} into ${dbName} (kept for later runs)…`);
    await seedDemo(db);
    await close();
    await seedScale(url, scale);
  } else await close();
  await settle(url);
}

/**
 * What autovacuum does soon after a bulk load or a burst of writes: dead row versions cleared, visibility maps
 * set (index-only scans stay index-only), fresh statistics — plans as in production. Run after loading and
 * again before the statements are explained, because some machines (this one) run PostgreSQL without it.
 */
export async function settle(url: string) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const [{ autovacuum }] = await sql<{ autovacuum: string }[]>`show autovacuum`;
  if (autovacuum !== 'on') console.log('PostgreSQL runs here without autovacuum: the bench vacuums and analyzes where it would have.');
  await sql`vacuum (analyze)`;
  await sql.end();
}

/**
 * Writes out what earlier work left in memory (the bench's own bulk inserts, a vacuum) before a route that commits
 * many transactions is loaded: otherwise the checkpoint that flushes it may fall inside that route's run, whose
 * commits then wait on a disk busy with someone else's writes (the webhook read 52 to 454 events/s so).
 */
export async function checkpoint(sql: postgres.Sql) {
  await sql`checkpoint`;
}

/** A clean production build into .next; returns its duration in seconds. */
export function cleanBuild(): number {
  const started = Date.now();
  fs.rmSync('.next', { recursive: true, force: true });
  const build = spawnSync(path.resolve('node_modules/.bin/next'), ['build'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (build.status !== 0) throw new Error('next build failed');
  return (Date.now() - started) / 1000;
}

export type App = { base: string; stop: () => void };

/** One instance of the app as `npm start` runs it, on its own port; waits until it answers. */
export async function startApp(port: number, extraEnv: Record<string, string>): Promise<App> {
  const child = spawn('npx', ['tsx', 'scripts/start.ts'], { env: { ...process.env, ...extraEnv, PORT: String(port) }, stdio: 'ignore', detached: true });
  // Its own process group (detached), so stopping it also stops the next-server it started.
  const stop = () => {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
    } catch {}
  };
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${base}/bench/static`);
  } catch (e) {
    stop();
    throw e;
  }
  return { base, stop };
}

async function waitFor(target: string) {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(target)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`${target} did not come up`);
}

/** Signs in through next-auth's own endpoints and returns the session cookie. */
export async function signIn(base: string, login: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((c) => c.split(';')[0]);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.join('; ') },
    body: new URLSearchParams({ csrfToken, login, password: 'jiangbei2026', json: 'true' }),
  });
  const session = res.headers.getSetCookie().find((c) => c.startsWith('next-auth.session-token='));
  if (!session) throw new Error(`could not sign in as ${login}`);
  return session.split(';')[0];
}

/**
 * JavaScript a public page ships, gzipped: every script the home page's HTML loads, except Next's legacy
 * polyfills, marked `nomodule`, which browsers that run modules (every phone browser in use) never fetch.
 */
export async function publicJsKb(base: string): Promise<number> {
  const html = await (await fetch(`${base}/`)).text();
  const scripts = [...html.matchAll(/<script([^>]+)>/g)]
    .filter((m) => !/\snomodule/i.test(m[1]))
    .map((m) => /src="([^"]+)"/.exec(m[1])?.[1])
    .filter((src): src is string => Boolean(src));
  let bytes = 0;
  for (const src of new Set(scripts)) bytes += gzipSync(Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer())).length;
  return Math.round(bytes / 1024);
}
