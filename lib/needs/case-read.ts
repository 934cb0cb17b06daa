import { and, asc, desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '@/db/client';
import { needEvents, needs, piiAccessLog, projects, serviceRecords, users } from '@/db/schema';
import { authorize, type Actor } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors';
import { assertId } from '@/lib/ids';
import { decryptJson } from '@/lib/privacy/crypto';
import type { NeedPii } from './pii';
import { assertInScope, caseScope } from './scope';
import { allowedActions } from './status';

/**
 * The case page: the one place personal information is shown in clear, to staff whose scope covers the
 * case, and every such view is written to the access log in the same breath.
 */
export async function getCase(db: Db, actor: Actor, needId: string) {
  const user = await authorize(db, actor, 'case:read_pii');
  assertId(needId);
  const assignee = alias(users, 'assignee');
  const [row] = await db
    .select({ need: needs, projectName: projects.nameZh, projectNameEn: projects.nameEn, assigneeName: assignee.name })
    .from(needs)
    .leftJoin(projects, eq(projects.id, needs.projectId))
    .leftJoin(assignee, eq(assignee.id, needs.assigneeId))
    .where(eq(needs.id, needId));
  if (!row) throw new AppError('not_found');
  await assertInScope(db, user, row.need);

  let pii: NeedPii | null = null;
  if (row.need.piiCiphertext) {
    pii = decryptJson<NeedPii>(row.need.piiCiphertext);
    await db.insert(piiAccessLog).values({ needId, actorId: user.id, purpose: 'case_view' });
  }
  const [events, services, duplicate] = await Promise.all([
    db
      .select({
        id: needEvents.id,
        at: needEvents.createdAt,
        type: needEvents.type,
        fromStatus: needEvents.fromStatus,
        toStatus: needEvents.toStatus,
        actorKind: needEvents.actorKind,
        actorName: users.name,
        note: needEvents.note,
        publicNote: needEvents.publicNote,
      })
      .from(needEvents)
      .leftJoin(users, eq(users.id, needEvents.actorId))
      .where(eq(needEvents.needId, needId))
      .orderBy(asc(needEvents.createdAt), asc(needEvents.id)),
    db.select().from(serviceRecords).where(eq(serviceRecords.needId, needId)).orderBy(desc(serviceRecords.servedOn)),
    // Only a duplicate the viewer may open is named: its tracking code and the phone on this case would
    // otherwise let a worker follow, or withdraw, another sub-district's request on /track.
    row.need.possibleDuplicateOf
      ? db.select({ id: needs.id, code: needs.code }).from(needs).where(and(eq(needs.id, row.need.possibleDuplicateOf), caseScope(user)))
      : Promise.resolve([]),
  ]);
  const { piiCiphertext: _c, trackingHash: _t, submitterTrackingHash: _s, phoneHash: _p, ...need } = row.need;
  return {
    need,
    pii,
    projectName: row.projectName,
    projectNameEn: row.projectNameEn,
    assigneeName: row.assigneeName,
    events,
    services,
    duplicateOf: duplicate[0] ?? null,
    duplicateElsewhere: Boolean(row.need.possibleDuplicateOf) && !duplicate[0],
    actions: allowedActions(need.status),
    viewer: user,
  };
}
export type CaseView = Awaited<ReturnType<typeof getCase>>;

/** Admins read who looked at whose personal information. */
export async function listPiiAccess(db: Db, actor: Actor, limit = 200) {
  await authorize(db, actor, 'pii_log:read');
  return db
    .select({ at: piiAccessLog.createdAt, who: users.name, role: users.role, needCode: needs.code, purpose: piiAccessLog.purpose })
    .from(piiAccessLog)
    .innerJoin(users, eq(users.id, piiAccessLog.actorId))
    .leftJoin(needs, eq(needs.id, piiAccessLog.needId))
    .orderBy(desc(piiAccessLog.createdAt))
    .limit(limit);
}
