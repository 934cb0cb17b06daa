import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createDb } from '@/db/client';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '@/db/embedded';
import { migrateDb } from '@/db/migrate';
import { localSecrets } from './secrets';

/**
 * npm start: one command from a fresh clone to a running site.
 * - With DATABASE_URL: applies pending migrations, then serves the app against that PostgreSQL.
 * - Without it: owns an embedded PostgreSQL (PGlite) under .data/, migrates it, loads demo data on first
 *   start, and serves the app through it. Only this process ever opens the data directory.
 * Builds the app first when the build is missing or older than the source.
 */
const args = process.argv.slice(2);
const dev = args.includes('--dev');
const port = Number(process.env.PORT ?? 3000);
const dataRoot = path.resolve(process.env.DATA_DIR ?? '.data');

async function main() {
  Object.assign(process.env, localSecrets(dataRoot));
  let embedded: EmbeddedDatabase | undefined;
  let url = process.env.DATABASE_URL;
  if (!url) {
    embedded = await startEmbeddedDatabase(path.join(dataRoot, 'pglite'));
    url = embedded.url;
    console.log(`Embedded PostgreSQL (PGlite) at ${path.join(dataRoot, 'pglite')}`);
  }
  process.env.DATABASE_URL = url;
  await prepareDatabase(url, Boolean(embedded));

  if (!dev && buildIsStale()) {
    console.log('Building the app (next build)…');
    const build = spawnSync(nextBin(), ['build'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
    if (build.status !== 0) throw new Error('next build failed');
  }

  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: url,
    ...(embedded ? { DATABASE_POOL_MAX: '1', DATABASE_IDLE_TIMEOUT: '1' } : {}),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    // The embedded demo set-up (no DATABASE_URL, no Stripe) takes payments through the clearly labelled demo
    // processor. Against a real database it stays refused unless DEMO_PAYMENTS=1 is set on purpose.
    DEMO_PAYMENTS: process.env.DEMO_PAYMENTS ?? (embedded && !process.env.STRIPE_SECRET_KEY ? '1' : '0'),
  };
  const child = spawn(nextBin(), [dev ? 'dev' : 'start', '-p', String(port)], { stdio: ['inherit', 'pipe', 'pipe'], env: childEnv });
  // SERVER_LOG also keeps the server's output in a file (the privacy tests scan it for personal data).
  if (process.env.SERVER_LOG) fs.mkdirSync(path.dirname(process.env.SERVER_LOG), { recursive: true });
  const logFile = process.env.SERVER_LOG ? fs.createWriteStream(process.env.SERVER_LOG, { flags: 'a' }) : null;
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    logFile?.write(chunk);
  });
  child.stderr.on('data', (chunk) => {
    process.stderr.write(chunk);
    logFile?.write(chunk);
  });
  console.log(`爱在江北 is starting at http://localhost:${port}`);

  const stop = async (code: number) => {
    child.kill('SIGTERM');
    await embedded?.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  child.on('exit', (code) => void stop(code ?? 0));
}

async function prepareDatabase(url: string, embedded: boolean) {
  const { db, close } = createDb(url, 1);
  try {
    await migrateDb(db);
    if (embedded || process.env.SEED_DEMO === '1') {
      const { isEmpty, seedDemo } = await import('@/db/seed/demo');
      if (await isEmpty(db)) {
        console.log('Empty database: loading demo data…');
        await seedDemo(db);
      }
    }
  } finally {
    await close();
  }
}

function nextBin(): string {
  return path.resolve('node_modules', '.bin', 'next');
}

function buildIsStale(): boolean {
  const buildId = path.resolve('.next', 'BUILD_ID');
  if (!fs.existsSync(buildId)) return true;
  const built = fs.statSync(buildId).mtimeMs;
  return ['app', 'lib', 'db', 'next.config.js', 'package-lock.json', 'proxy.ts'].some((p) => newerThan(path.resolve(p), built));
}

function newerThan(p: string, time: number): boolean {
  if (!fs.existsSync(p)) return false;
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs > time;
  return fs.readdirSync(p).some((name) => newerThan(path.join(p, name), time));
}

main().catch(async (e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
