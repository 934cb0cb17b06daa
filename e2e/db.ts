import { createDb, type Db } from '@/db/client';

const refused = (e: unknown) => /ECONNRESET|Too many connections|ECONNREFUSED/.test(String((e as { cause?: unknown }).cause ?? e));

/**
 * A short-lived connection to the test database, for journeys that must prove what was (not) written. The
 * embedded database serves one connection at a time and turns others away, so a refused connection is
 * retried until the app's own idle connection has been let go (about a second).
 */
export async function openTestDb(): Promise<{ db: Db; close: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: run the journeys with `npm test`.');
  for (let attempt = 0; ; attempt++) {
    const conn = createDb(url, 1, 1);
    try {
      await conn.db.execute('select 1');
      return conn;
    } catch (e) {
      await conn.close();
      if (attempt >= 30 || !refused(e)) throw e;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

export async function withTestDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const { db, close } = await openTestDb();
  try {
    return await fn(db);
  } finally {
    await close();
  }
}
