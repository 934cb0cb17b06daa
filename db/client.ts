import { PgTransaction, type PgDatabase } from 'drizzle-orm/pg-core';
import { drizzle, type PostgresJsQueryResultHKT } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { env } from '@/lib/env';
import * as schema from './schema';

/** The database or a transaction on it: every lib/ function that takes one accepts the other. */
export type Db = PgDatabase<PostgresJsQueryResultHKT, typeof schema>;

/**
 * Runs in the caller's transaction when there is one (a failure then fails that whole transaction, which every
 * caller wants), else in a transaction of its own: no savepoint round trips inside another transaction.
 */
export function inTransaction<T>(db: Db, run: (tx: Db) => Promise<T>): Promise<T> {
  return (db as unknown) instanceof PgTransaction ? run(db) : db.transaction(run);
}

type QueryHook = (connection: number, query: string) => void;

export function createDb(url: string, max: number, idleTimeout = 30, onQuery?: QueryHook, prepare = true) {
  const client = postgres(url, { max, onnotice: () => {}, idle_timeout: idleTimeout, connect_timeout: 30, debug: onQuery });
  const db: Db = drizzle(prepare ? preparing(client) : client, { schema });
  return { db, client, close: () => client.end({ timeout: 5 }) };
}

/**
 * drizzle sends each query unnamed unless it is given a name, and postgres.js then parses, describes and plans
 * it on every run, in two round trips. Named per text instead (postgres.js keeps one per connection), a query
 * is parsed once per connection and runs in one round trip. Transactions and savepoints get the same client.
 * Off (DATABASE_PREPARE=0) behind a transaction-mode pooler, which cannot keep a connection's statements.
 */
function preparing(sql: postgres.Sql): postgres.Sql {
  return new Proxy(sql, {
    get(target, prop, receiver) {
      if (prop === 'unsafe') return (query: string, args?: unknown[], options?: object) => target.unsafe(query, args as never, { ...options, prepare: true });
      if (prop === 'begin' || prop === 'savepoint') {
        return (...args: unknown[]) => {
          const run = args.pop() as (tx: postgres.Sql) => unknown;
          return (Reflect.get(target, prop) as (...a: unknown[]) => unknown)(...args, (tx: postgres.Sql) => run(preparing(tx)));
        };
      }
      return Reflect.get(target, prop, receiver);
    },
  });
}

const globalForDb = globalThis as unknown as { appDb?: Db };
const shared = globalThis as Record<symbol, unknown>;
const writeStatement = /^\s*(insert|update|delete)\b/i;

/**
 * The page cache (lib/cache/page-cache.js) reads its invalidations through the app's own pool, and looks
 * for them on every request for a moment after this process writes, so whoever made a change sees it at
 * once; other instances see it within a second.
 */
const noteWrites: QueryHook = (_connection, query) => {
  if (writeStatement.test(query)) shared[Symbol.for('aizaijiangbei.lastWriteAt')] = Date.now();
};

/** The app's shared connection pool, created on first use (never at build time). */
export function getDb(): Db {
  if (!globalForDb.appDb) {
    const e = env();
    if (!e.DATABASE_URL) throw new Error('DATABASE_URL is not set (npm start sets it for the embedded database).');
    const { db, client } = createDb(e.DATABASE_URL, e.DATABASE_POOL_MAX, e.DATABASE_IDLE_TIMEOUT, noteWrites, e.DATABASE_PREPARE);
    globalForDb.appDb = db;
    shared[Symbol.for('aizaijiangbei.sql')] = client;
  }
  return globalForDb.appDb;
}
