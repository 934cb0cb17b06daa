import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { createDb } from './client';
import { startEmbeddedDatabase } from './embedded';
import { migrateDb } from './migrate';
import { uniqueSuffix } from './test-db';

/** A brand-new empty database: a fresh one on the PostgreSQL server, or a fresh embedded instance. */
async function emptyDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (process.env.EMBEDDED_DB === '1') {
    const e = await startEmbeddedDatabase('memory');
    return { url: e.url, drop: e.stop };
  }
  const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
  const name = `azjb_migrate_${uniqueSuffix()}`;
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

describe('migrations', () => {
  it('apply to an empty database, twice without harm, with the ledger guards in place', async () => {
    const target = await emptyDatabase();
    const { db, close } = createDb(target.url, 1);
    try {
      await migrateDb(db);
      await migrateDb(db);
      const tables = await db.execute<{ table_name: string }>(
        `select table_name from information_schema.tables where table_schema = 'public' order by 1`,
      );
      const names = tables.map((t) => t.table_name);
      for (const t of ['users', 'areas', 'projects', 'needs', 'need_events', 'donations', 'journal_entries', 'journal_lines', 'disbursements', 'payment_events', 'audit_log']) {
        expect(names).toContain(t);
      }
      const triggers = await db.execute<{ tgname: string }>(`select tgname from pg_trigger where not tgisinternal`);
      expect(triggers.map((t) => t.tgname)).toEqual(
        expect.arrayContaining(['journal_lines_balance', 'journal_entries_append_only', 'journal_lines_append_only']),
      );
    } finally {
      await close();
      await target.drop();
    }
  });
});
