import type postgres from 'postgres';

/** A column: its name, its SQL type, and optionally a different type to cast the text to (enums, arrays). */
export type Column = [name: string, pgType: string, castTo?: string];

/**
 * Inserts many rows per statement by sending one array per column through `unnest` — a handful of
 * parameters however many rows, so large datasets load in minutes rather than hours.
 */
export async function bulkInsert(sql: Pick<postgres.Sql, 'unsafe'>, table: string, columns: Column[], rows: unknown[][], chunk = 5000) {
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    // Every column travels as text[] and is cast back in the select: one code path for every type.
    const arrays = columns.map((_, c) => part.map((r) => asText(r[c])));
    const names = columns.map(([n]) => `"${n}"`).join(', ');
    const unnest = columns.map((_, c) => `$${c + 1}::text[]`).join(', ');
    const alias = columns.map((_, c) => `c${c}`).join(', ');
    const select = columns.map(([, type, cast], c) => `c${c}::${cast ?? type}`).join(', ');
    await sql.unsafe(`insert into ${table} (${names}) select ${select} from unnest(${unnest}) as u(${alias})`, arrays as never[]);
  }
}

function asText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  return v instanceof Date ? v.toISOString() : String(v);
}

/** A one-line progress bar on the terminal. */
export function progress(label: string, done: number, total: number) {
  const width = 30;
  const filled = Math.round((done / Math.max(total, 1)) * width);
  process.stdout.write(`\r${label.padEnd(14)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
  if (done >= total) process.stdout.write('\n');
}
