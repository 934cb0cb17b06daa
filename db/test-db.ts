import { afterAll } from 'vitest';
import { createDb, type Db } from './client';

/**
 * The test database: the real PostgreSQL (or embedded instance) that `npm test` migrated and seeded.
 * Tests create the rows they need and never assume an empty database.
 */
export function useTestDb(): Db {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: run the tests with `npm test`, which prepares a database.');
  const { db, close } = createDb(url, Number(process.env.DATABASE_POOL_MAX ?? 5), Number(process.env.DATABASE_IDLE_TIMEOUT ?? 30));
  afterAll(close);
  return db;
}

export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}
