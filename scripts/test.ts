import { spawn } from 'node:child_process';
import { createDb } from '@/db/client';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '@/db/embedded';
import { migrateDb } from '@/db/migrate';
import { isEmpty, seedDemo } from '@/db/seed/demo';
import { localSecrets } from './secrets';

/**
 * npm test — every suite, against PostgreSQL at DATABASE_URL when set, else an embedded one:
 * migrate and seed the database, type-check, run vitest (unit + integration), then Playwright against a
 * production build.
 * `npm test -- unit` or `npm test -- e2e` runs one half; `npm test -- e2e instances` only the matching specs.
 */
async function main() {
  const [only, ...filters] = process.argv.slice(2);
  Object.assign(process.env, localSecrets(process.env.DATA_DIR ?? '.data'));
  let embedded: EmbeddedDatabase | undefined;
  if (!process.env.DATABASE_URL) {
    embedded = await startEmbeddedDatabase('memory');
    process.env.DATABASE_URL = embedded.url;
    process.env.DATABASE_POOL_MAX = '1';
    // It serves one connection at a time: every client lets go of its connection as soon as it is idle.
    process.env.DATABASE_IDLE_TIMEOUT = '1';
    process.env.EMBEDDED_DB = '1';
    console.log('No DATABASE_URL: testing against an embedded PostgreSQL (PGlite).');
    console.log('It is one database session, so the journey across two app instances (e2e/instances.spec.ts) needs DATABASE_URL.');
  }
  const { db, close } = createDb(process.env.DATABASE_URL, 1);
  await migrateDb(db);
  if (await isEmpty(db)) await seedDemo(db);
  await close();

  let failed = false;
  if (only !== 'e2e') failed = (await run('npx', ['tsc', '--noEmit'])) || failed;
  if (only !== 'e2e') failed = (await run('npx', ['vitest', 'run'])) || failed;
  if (only !== 'unit') failed = (await run('npx', ['playwright', 'test', ...filters])) || failed;
  await embedded?.stop();
  process.exit(failed ? 1 : 0);
}

/** Runs a suite; asynchronously, because the embedded database is served from this very process. */
function run(cmd: string, args: string[]): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: 'inherit', env: process.env });
    child.on('exit', (code) => resolve(code !== 0));
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
