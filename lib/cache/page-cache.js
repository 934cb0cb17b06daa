// @ts-check
/**
 * Next.js's cache handler (next.config.js `cacheHandler`) for the cached public pages, for one instance or
 * many behind a load balancer.
 *
 * - Rendered pages are kept in this process's memory. They are safe to lose: a page is one render of a
 *   few summary-table reads, so each instance renders its own copy rather than shipping page blobs
 *   through the database.
 * - What must be shared is *when public data changed*. Triggers write a row to `cache_invalidations` in
 *   the same transaction as the change (db/migrations/0002_cache_invalidations.sql), and revalidateTag()
 *   calls are written there too. Before answering, each instance reads the rows it has not seen, at most
 *   once a second, so every instance shows a committed change within about a second — and on every
 *   request for a few seconds after this process itself wrote (db/client.ts notes when), so whoever
 *   made a change sees it on their next page.
 * - An entry's time is when it was found missing, before its render read anything, so a change that
 *   commits during a render still counts as newer than the page.
 *
 * Plain CommonJS because Next.js loads this file at run time, outside the app's bundles. It uses the app's
 * own connection pool (db/client.ts publishes it), never a connection of its own: the embedded database
 * takes one connection, and a pool per process is enough for a once-a-second read.
 */

const sharedSqlKey = Symbol.for('aizaijiangbei.sql');
const lastWriteKey = Symbol.for('aizaijiangbei.lastWriteAt');
const refreshEveryMs = 1000;
const eagerAfterWriteMs = 3000;
const pruneEveryMs = 10 * 60 * 1000;
const maxEntries = 500;

/** @type {Map<string, { value: any; lastModified: number; cacheControl: any; tags: string[] }>} */
const entries = new Map();
/** @type {Map<string, number>} */
const missedAt = new Map();
/** Tag → local time this instance learned it changed. */
const changedAt = new Map();
/** @type {number | null} */
let lastSeenId = null;
let lastRefresh = 0;
let lastPrune = Date.now();
/** @type {Promise<void> | null} */
let refreshing = null;

/** @returns {any} */
function sharedSql() {
  return /** @type {any} */ (globalThis)[sharedSqlKey] ?? null;
}

async function readChanges() {
  const sql = sharedSql();
  if (!sql) return; // no page has touched the database yet, so none can be stale
  const now = Date.now();
  if (lastSeenId === null) {
    const [row] = await sql`select coalesce(max(id), 0)::text as id from cache_invalidations`;
    lastSeenId = Number(row.id);
    // Pages rendered before this first read may have missed a change: treat them as old.
    changedAt.set('public', now);
    return;
  }
  const rows = await sql`select id::text as id, tag from cache_invalidations where id > ${lastSeenId} order by id`;
  for (const row of rows) changedAt.set(row.tag, now);
  if (rows.length) lastSeenId = Number(rows[rows.length - 1].id);
  if (now - lastPrune > pruneEveryMs) {
    lastPrune = now;
    await sql`delete from cache_invalidations where at < now() - interval '1 hour'`;
  }
}

async function refresh() {
  const now = Date.now();
  const wroteLately = now - (/** @type {any} */ (globalThis)[lastWriteKey] ?? 0) < eagerAfterWriteMs;
  if (!wroteLately && now - lastRefresh < refreshEveryMs) return;
  refreshing ??= readChanges()
    .catch(() => {}) // the database is unreachable: keep serving what we have, try again next time
    .finally(() => {
      lastRefresh = Date.now();
      refreshing = null;
    });
  await refreshing;
}

/** @param {{ lastModified: number; tags: string[] }} entry @param {string[]} softTags */
function isStale(entry, softTags) {
  for (const tag of ['public', ...entry.tags, ...softTags]) {
    if ((changedAt.get(tag) ?? 0) > entry.lastModified) return true;
  }
  return false;
}

/** @param {any} value @returns {string[]} */
function tagsOf(value) {
  const header = value?.headers?.['x-next-cache-tags'];
  return typeof header === 'string' && header ? header.split(',') : [];
}

module.exports = class PageCache {
  /** @param {string} key @param {{ softTags?: string[] }} [ctx] */
  async get(key, ctx) {
    await refresh();
    const entry = entries.get(key);
    if (entry && !isStale(entry, ctx?.softTags ?? [])) {
      return { value: entry.value, lastModified: entry.lastModified, cacheControl: entry.cacheControl };
    }
    entries.delete(key);
    missedAt.set(key, Date.now());
    // Misses that are never stored (an unknown address, say) must not pile up.
    if (missedAt.size > maxEntries) missedAt.delete(missedAt.keys().next().value ?? '');
    return null;
  }

  /** @param {string} key @param {any} value @param {{ tags?: string[]; cacheControl?: any }} [ctx] */
  async set(key, value, ctx) {
    const lastModified = missedAt.get(key) ?? Date.now();
    missedAt.delete(key);
    entries.delete(key);
    if (!value) return;
    entries.set(key, { value, lastModified, cacheControl: ctx?.cacheControl, tags: [...(ctx?.tags ?? []), ...tagsOf(value)] });
    if (entries.size > maxEntries) entries.delete(entries.keys().next().value ?? '');
  }

  /** revalidateTag()/revalidatePath(): noted here at once, and in the database for the other instances. @param {string | string[]} tags */
  async revalidateTag(tags) {
    const list = Array.isArray(tags) ? tags : [tags];
    const now = Date.now();
    for (const tag of list) changedAt.set(tag, now);
    const sql = sharedSql();
    if (sql && list.length) await sql`insert into cache_invalidations (tag) select unnest(${list}::text[])`.catch(() => {});
  }

  resetRequestCache() {}
};
