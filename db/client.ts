import type { PgDatabase } from 'drizzle-orm/pg-core';
import { drizzle, type PostgresJsQueryResultHKT } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { env } from '@/lib/env';
import * as schema from './schema';

/** The database or a transaction on it: every lib/ function that takes one accepts the other. */
export type Db = PgDatabase<PostgresJsQueryResultHKT, typeof schema>;

export function createDb(url: string, max: number, idleTimeout = 30) {
  const client = postgres(url, { max, onnotice: () => {}, idle_timeout: idleTimeout, connect_timeout: 30 });
  const db: Db = drizzle(client, { schema });
  return { db, client, close: () => client.end({ timeout: 5 }) };
}

const globalForDb = globalThis as unknown as { appDb?: Db };

/** The app's shared connection pool, created on first use (never at build time). */
export function getDb(): Db {
  if (!globalForDb.appDb) {
    const e = env();
    if (!e.DATABASE_URL) throw new Error('DATABASE_URL is not set (npm start sets it for the embedded database).');
    const { db, client } = createDb(e.DATABASE_URL, e.DATABASE_POOL_MAX, e.DATABASE_IDLE_TIMEOUT);
    globalForDb.appDb = db;
    // The page cache (lib/cache/page-cache.js) reads its invalidations through this same pool.
    (globalThis as Record<symbol, unknown>)[Symbol.for('aizaijiangbei.sql')] = client;
  }
  return globalForDb.appDb;
}
