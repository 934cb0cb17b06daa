/**
 * What may be logged of a failed statement: the SQL (values are always bound, never in it) and PostgreSQL's
 * error code, constraint, table and column — never the bound values or PostgreSQL's own message and detail,
 * which can quote them (a resident's name, phone or story, a donor's e-mail). Anything else passes unchanged.
 */
export function redactForLog(value: unknown): unknown {
  if (isFailedQuery(value)) return redacted(`Failed query: ${value.query}\nparams: [withheld]${describeCause(value.cause)}`, value);
  if (isPostgresError(value)) return redacted(`PostgreSQL error${describeCause(value)}`, value);
  if (typeof value === 'string') return value.replace(/^params: .*$/gm, 'params: [withheld]');
  return value;
}

// Recognised by shape, not class: the server bundles its own copies of drizzle and postgres.js, names minified.
type FailedQuery = Error & { query: string; params: unknown[] };
type PostgresErrorLike = Error & { severity: string; code: string; constraint_name?: string; table_name?: string; column_name?: string };

function isFailedQuery(e: unknown): e is FailedQuery {
  return e instanceof Error && typeof (e as FailedQuery).query === 'string' && Array.isArray((e as FailedQuery).params);
}

function isPostgresError(e: unknown): e is PostgresErrorLike {
  return e instanceof Error && typeof (e as PostgresErrorLike).severity === 'string' && typeof (e as PostgresErrorLike).code === 'string';
}

function describeCause(cause: unknown): string {
  if (!isPostgresError(cause)) return '';
  const where = [cause.constraint_name && `constraint ${cause.constraint_name}`, cause.table_name && `table ${cause.table_name}`, cause.column_name && `column ${cause.column_name}`];
  return `\ncause: ${cause.code} ${where.filter(Boolean).join(', ')}`.trimEnd();
}

function redacted(message: string, original: Error): Error {
  const safe = new Error(message);
  safe.name = original.name;
  // Keep where it happened, not what the original message said.
  const frames = (original.stack ?? '').split('\n').filter((line) => line.trimStart().startsWith('at '));
  safe.stack = [`${safe.name}: ${message}`, ...frames].join('\n');
  // Next.js's digest ties the log line to the error page the visitor saw.
  const { digest } = original as { digest?: string };
  return digest ? Object.assign(safe, { digest }) : safe;
}

/** Routes console.error and console.warn (what Next.js uses for failed requests) through redactForLog. */
export function redactConsole(target: Pick<Console, 'error' | 'warn'> = console) {
  for (const level of ['error', 'warn'] as const) {
    const write = target[level].bind(target);
    target[level] = (...args: unknown[]) => write(...args.map(redactForLog));
  }
}
