import { and, asc, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { needs, users } from '@/db/schema';
import { authorize, type Actor } from '@/lib/auth/actor';
import { caseScope } from './scope';
import { needStatuses, openStatuses } from './status';
import { decrypt, encrypt, lookupHash } from '@/lib/privacy/crypto';
import { piiAccessLog } from '@/db/schema';
import { normalizePhone, phonePattern } from './phone';
import { readQueueSearch } from './queue-search';
import { normalizeTrackingCode } from './code';

export const pageSize = 20;

export const queueFilterSchema = z.object({
  status: z.enum([...needStatuses, 'open', 'all']).optional().catch(undefined),
  area: z.string().max(20).optional().catch(undefined),
  category: z.string().max(20).optional().catch(undefined),
  urgency: z.enum(['low', 'normal', 'high', 'critical']).optional().catch(undefined),
  assignee: z.string().max(40).optional().catch(undefined),
  overdue: z.enum(['1']).optional().catch(undefined),
  q: z.string().trim().max(50).optional().catch(undefined),
  /** Words searched for, sealed (queueSearch): they may name a person, so the address carries them only encrypted. */
  qs: z.string().max(300).optional().catch(undefined),
  /** A whole phone number, as its keyed hash (phoneSearchKey): the number itself never goes into an address. */
  phone: z.string().regex(/^[\w-]{20,100}$/).optional().catch(undefined),
  sort: z.enum(['oldest', 'newest', 'urgency', 'due']).optional().catch(undefined),
  /** Set by queueSearch when what was typed was part of a number: shown at the search field, searches nothing. */
  numberRefused: z.enum(['1']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10000).optional().catch(undefined),
});
export type QueueFilter = z.infer<typeof queueFilterSchema>;

/**
 * Words are sealed under the keys that encrypt personal information, so a seal says what it is: any other ciphertext
 * (a need's identity, a receipt's ID number) put into the address must not be opened onto the page.
 */
const searchSeal = 'queue-search:';

/** The queue's filters from its address: sealed words opened again (a seal that does not open searches nothing). */
export function readQueueFilter(params: Record<string, string | undefined>): QueueFilter {
  const filter = queueFilterSchema.parse(params);
  if (!filter.qs) return filter;
  let words: string | undefined;
  try {
    const opened = decrypt(filter.qs);
    words = opened.startsWith(searchSeal) ? opened.slice(searchSeal.length, searchSeal.length + 50) : undefined;
  } catch {
    words = undefined;
  }
  return { ...filter, q: words };
}

const overdueSql = sql<boolean>`(
  (${needs.status} in ('submitted','screening') and ${needs.screenDueAt} < now())
  or (${needs.status} = 'valid' and ${needs.matchDueAt} < now()))`;
const urgencyRank = sql`array_position(array['critical','high','normal','low']::urgency[], ${needs.urgency})`;

/**
 * The social worker's queue: filters, search (a tracking code however typed, village or the words of the need, or a
 * whole phone number — matched by its keyed hash, each case so found logged as a personal-information access; names
 * and parts of numbers are encrypted and not searchable), sort and pages. Shows masked identities only.
 */
/** Beyond this many matching cases the queue says "more than" and asks for a narrower filter. */
export const countCap = 200;

export async function listQueue(db: Db, actor: Actor, filter: QueueFilter) {
  const user = await authorize(db, actor, 'case:read');
  const conditions: (SQL | undefined)[] = [caseScope(user)];
  if (!filter.status || filter.status === 'open') conditions.push(inArray(needs.status, openStatuses));
  else if (filter.status !== 'all') conditions.push(eq(needs.status, filter.status));
  if (filter.area) conditions.push(eq(needs.areaId, filter.area));
  if (filter.category) conditions.push(sql`${needs.category}::text = ${filter.category}`);
  if (filter.urgency) conditions.push(eq(needs.urgency, filter.urgency));
  if (filter.assignee === 'me') conditions.push(eq(needs.assigneeId, user.id));
  else if (filter.assignee === 'none') conditions.push(isNull(needs.assigneeId));
  else if (filter.assignee && z.string().uuid().safeParse(filter.assignee).success) conditions.push(eq(needs.assigneeId, filter.assignee));
  if (filter.overdue) conditions.push(overdueSql);
  if (filter.q) {
    const like = `%${filter.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    const code = normalizeTrackingCode(filter.q);
    conditions.push(or(ilike(needs.code, like), ilike(needs.village, like), ilike(needs.description, like), code ? eq(needs.code, code) : undefined));
  }
  if (filter.phone) conditions.push(eq(needs.phoneHash, filter.phone));
  const where = and(...conditions);
  const order =
    filter.sort === 'newest'
      ? [desc(needs.submittedAt)]
      : filter.sort === 'urgency'
        ? [asc(urgencyRank), asc(needs.submittedAt)]
        : filter.sort === 'due'
          ? [asc(sql`coalesce(${needs.matchDueAt}, ${needs.screenDueAt})`)]
          : [asc(needs.submittedAt)];
  const page = filter.page ?? 1;
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: needs.id,
        code: needs.code,
        status: needs.status,
        category: needs.category,
        kind: needs.kind,
        areaId: needs.areaId,
        village: needs.village,
        nameMasked: needs.nameMasked,
        urgency: needs.urgency,
        submittedAt: needs.submittedAt,
        channel: needs.channel,
        assigneeName: users.name,
        overdue: overdueSql,
        possibleDuplicate: sql<boolean>`${needs.possibleDuplicateOf} is not null`,
      })
      .from(needs)
      .leftJoin(users, eq(users.id, needs.assigneeId))
      .where(where)
      .orderBy(...order, asc(needs.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    // Counted up to a cap: an exact count of a city's open cases costs a scan of them all on every view.
    db.select({ total: sql<number>`count(*)::int` }).from(db.select({ one: sql`1` }).from(needs).where(where).limit(countCap + 1).as('capped')),
  ]);
  if (filter.phone && rows.length) {
    await db.insert(piiAccessLog).values(rows.map((r) => ({ needId: r.id, actorId: user.id, purpose: 'queue:phone_search' })));
  }
  const more = total > countCap;
  const counted = Math.min(total, countCap);
  // Past the counted cases a full page still leads on, so every case stays reachable page by page.
  const pages = Math.max(1, Math.ceil(counted / pageSize), more && rows.length === pageSize ? page + 1 : page);
  return { rows, total: counted, more, page, pages };
}

/** What the queue searches by when what was typed is a whole phone number (its keyed hash), else null. */
export function phoneSearchKey(typed: string): string | null {
  const phone = normalizePhone(typed);
  return phonePattern.test(phone) ? lookupHash(`phone:${phone}`) : null;
}

/**
 * The address a search of the queue leads to (its form posts here, so nothing typed reaches an address unread), for
 * staff only: a whole phone number becomes its keyed hash (a key no one else can compute), a tracking code stays as
 * typed, other words are sealed (they may be a name, typed in vain: names are encrypted), and a run of six or more
 * digits that is neither — part of a number, an ID number — is not kept at all (it is encrypted, so it could not be
 * found; `numberRefused` says so at the field).
 */
export async function queueSearch(db: Db, actor: Actor, fields: Record<string, string>): Promise<URLSearchParams> {
  await authorize(db, actor, 'case:read');
  const { page: _page, qs: _sealed, ...filter } = queueFilterSchema.parse(fields); // a new search starts on its first page
  let kept: Record<string, string | number | undefined> = filter;
  const typed = filter.q ? readQueueSearch(filter.q) : null;
  if (typed?.kind === 'phone') kept = { ...filter, q: undefined, phone: phoneSearchKey(typed.phone)! };
  else if (typed?.kind === 'number') kept = { ...filter, q: undefined, numberRefused: 1 };
  else if (filter.q && !normalizeTrackingCode(filter.q)) kept = { ...filter, q: undefined, qs: encrypt(`${searchSeal}${filter.q}`) };
  return new URLSearchParams(Object.entries(kept).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])));
}

/** Each social worker's open cases, and how many of them are overdue. */
export async function listWorkload(db: Db, actor: Actor) {
  await authorize(db, actor, 'case:read');
  return db
    .select({
      id: users.id,
      name: users.name,
      open: sql<number>`count(${needs.id}) filter (where ${needs.status} in ('submitted','screening','valid','matched','in_service'))::int`,
      overdue: sql<number>`count(${needs.id}) filter (where ${overdueSql})::int`,
    })
    .from(users)
    .leftJoin(needs, eq(needs.assigneeId, users.id))
    .where(and(inArray(users.role, ['social_worker', 'admin']), isNull(users.disabledAt)))
    .groupBy(users.id, users.name)
    .orderBy(desc(sql`count(${needs.id})`));
}
