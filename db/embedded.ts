import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> };

/**
 * Runs an embedded PostgreSQL (PGlite) in this process and serves it on a local port, so the app reaches
 * it through postgres.js exactly as it reaches a real server. PGlite is one database session, so the
 * socket server accepts one connection: clients must use a pool of one. A lock file keeps a second
 * process off the same data directory, which would silently lose writes.
 */
export async function startEmbeddedDatabase(dataDir: string | 'memory'): Promise<EmbeddedDatabase> {
  let releaseLock = () => {};
  if (dataDir !== 'memory') {
    fs.mkdirSync(dataDir, { recursive: true });
    releaseLock = acquireLock(path.join(path.dirname(dataDir), `${path.basename(dataDir)}.lock`));
  }
  const pg = await PGlite.create(dataDir === 'memory' ? 'memory://' : dataDir);
  const server = new PGLiteSocketServer({ db: pg, port: 0, host: '127.0.0.1' });
  await server.start();
  const address = server.getServerConn();
  const actualPort = Number(address.split(':').pop());
  return {
    url: `postgres://postgres@127.0.0.1:${actualPort}/postgres`,
    stop: async () => {
      await server.stop();
      await pg.close();
      releaseLock();
    },
  };
}

function acquireLock(lockFile: string): () => void {
  try {
    fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
  } catch {
    const holder = Number(fs.readFileSync(lockFile, 'utf8'));
    if (holder && isAlive(holder)) {
      throw new Error(`The embedded database is already in use by process ${holder} (${lockFile}). Stop it first.`);
    }
    fs.writeFileSync(lockFile, String(process.pid));
  }
  return () => fs.rmSync(lockFile, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
