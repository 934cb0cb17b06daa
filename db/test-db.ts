import postgres from 'postgres';
import { afterAll } from 'vitest';
import { createDb, getDb, type Db } from './client';
import { startEmbeddedDatabase } from './embedded';

/**
 * The test database: the real PostgreSQL (or embedded instance) that `npm test` migrated and seeded.
 * Tests create the rows they need and never assume an empty database.
 */
export function useTestDb(): Db {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: run the tests with `npm test`, which prepares a database.');
  // The embedded database takes one connection: a test and the app code it calls (a route handler using
  // getDb) share the app's pool, opened on first use (after a test's set-up has put its settings in place).
  if (process.env.EMBEDDED_DB === '1') return new Proxy({} as Db, { get: (_, key) => Reflect.get(getDb(), key) });
  const { db, close } = createDb(url, Number(process.env.DATABASE_POOL_MAX ?? 5), Number(process.env.DATABASE_IDLE_TIMEOUT ?? 30));
  afterAll(close);
  return db;
}

export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * A brand-new empty database, for a test that needs the whole database to itself: a fresh one on the
 * PostgreSQL server (named `<prefix>_<suffix>`), or a fresh embedded instance.
 */
export async function emptyDatabase(prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  if (process.env.EMBEDDED_DB === '1') {
    const e = await startEmbeddedDatabase('memory');
    return { url: e.url, drop: e.stop };
  }
  const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
  const name = `${prefix}_${uniqueSuffix()}`;
  await admin.unsafe(`create database ${name}`);
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
