import { format } from 'node:util';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDb } from '@/db/test-db';
import { redactConsole, redactForLog } from './log-redact';

const db = useTestDb();
const resident = '王奶奶 13812345678';

/** A real failed statement whose bound value is personal data (PostgreSQL quotes it back in its message). */
async function failedQuery() {
  try {
    await db.execute(sql`select ${resident}::int`);
  } catch (e) {
    return e;
  }
  throw new Error('the statement should have failed');
}

describe('logs of failed statements', () => {
  it('keep the statement and PostgreSQL code, never the values bound to it', async () => {
    const error = await failedQuery();
    expect(format(error)).toContain('13812345678'); // what would be logged as thrown
    const logged = format(redactForLog(error));
    expect(logged).not.toContain('13812345678');
    expect(logged).not.toContain('王奶奶');
    expect(logged).toContain('select $1::int');
    expect(logged).toContain('params: [withheld]');
    expect(logged).toContain('22P02');
  });

  it('are redacted on console.error and console.warn, strings included; other values pass unchanged', async () => {
    const lines: string[] = [];
    const target = { error: (...a: unknown[]) => lines.push(format(...a)), warn: (...a: unknown[]) => lines.push(format(...a)) };
    redactConsole(target);
    const error = await failedQuery();
    target.error('⨯', error);
    target.warn((error as Error).stack);
    target.error(`Failed query: insert into needs\nparams: ${resident},2`);
    target.error('kept as it is', { n: 1 });
    expect(lines.join('\n')).not.toContain('13812345678');
    expect(lines[2]).toBe('Failed query: insert into needs\nparams: [withheld]');
    expect(lines[3]).toBe('kept as it is { n: 1 }');
  });
});
