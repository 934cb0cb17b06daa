import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { needEvents, needs, projects, serviceRecords, users } from '@/db/schema';
import { authorize, type Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { historyWords } from '@/lib/i18n/history';
import { assertId } from '@/lib/ids';
import { assertInScope } from './scope';
import { holdCalendar, workingDeadline } from './calendar';
import { matchWorkingDays, shanghaiDay } from './sla';
import { nextStatus, type NeedAction } from './status';

const reason = z.string().trim().min(2, 'reason_required').max(500, 'too_long');
const note = z.string().trim().max(1000, 'too_long').optional().default('');

export const caseCommandSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('start_screening') }),
  z.object({ action: z.literal('verify_valid'), note }),
  z.object({ action: z.literal('verify_invalid'), reason }),
  z.object({ action: z.literal('match'), projectId: z.string().uuid('choose_one'), reason: note }),
  z.object({
    action: z.literal('record_service'),
    // A service is recorded once given: not on a day still to come (in Shanghai).
    servedOn: z.iso.date('date_invalid').refine((d) => d <= shanghaiDay(new Date()), 'date_future'),
    serviceType: z.string().trim().min(1, 'required').max(50, 'too_long'),
    hours: z.coerce.number({ message: 'number_invalid' }).positive('number_invalid').max(1000, 'number_invalid'),
    personTimes: z.coerce.number({ message: 'number_invalid' }).int('number_invalid').min(1, 'number_invalid').max(10000, 'number_invalid'),
    deliveredBy: z.string().trim().min(1, 'required').max(100, 'too_long'),
  }),
  z.object({ action: z.literal('mark_fulfilled'), note }),
  z.object({ action: z.literal('close'), note: z.string().trim().min(2, 'followup_required').max(1000, 'too_long') }),
  z.object({ action: z.literal('reopen'), reason }),
]);
export type CaseCommand = z.infer<typeof caseCommandSchema>;

/**
 * Moves a case along its journey. The row is locked, the transition checked against the status machine
 * (an illegal one is refused here, whatever the UI showed), and the event written in the same transaction.
 */
export async function actOnCase(db: Db, actor: Actor, needId: string, command: CaseCommand, now = new Date()) {
  const user = await authorize(db, actor, 'case:act');
  assertId(needId);
  return db.transaction(async (tx) => {
    if (command.action === 'verify_valid') await holdCalendar(tx);
    const [need] = await tx.select().from(needs).where(eq(needs.id, needId)).for('update');
    if (!need) throw new AppError('not_found');
    await assertInScope(tx, user, need);
    const to = nextStatus(need.status, command.action as NeedAction);
    if (!to) throw new AppError('conflict', `${command.action} is not allowed when a need is ${need.status}`);

    const set: Partial<typeof needs.$inferInsert> = { status: to, updatedAt: now };
    let eventNote: string | null = null;
    let publicNote: string | null = null;
    switch (command.action) {
      case 'start_screening':
        if (!need.assigneeId) set.assigneeId = user.id;
        break;
      case 'verify_valid':
        Object.assign(set, { validAt: now, matchDueAt: await workingDeadline(tx, now, matchWorkingDays) });
        eventNote = command.note || null;
        break;
      case 'verify_invalid':
        set.invalidReason = command.reason;
        publicNote = command.reason;
        break;
      case 'match': {
        const [project] = await tx.select().from(projects).where(eq(projects.id, command.projectId));
        if (!project || project.status !== 'active') throw new AppError('invalid_input', 'project not open', { projectId: 'project_closed' });
        Object.assign(set, { projectId: project.id, matchedAt: now });
        eventNote = command.reason || null;
        publicNote = project.nameZh;
        break;
      }
      case 'record_service':
        if (!need.projectId) throw new AppError('conflict', 'no project');
        await tx.insert(serviceRecords).values({
          needId,
          projectId: need.projectId,
          servedOn: command.servedOn,
          serviceType: command.serviceType,
          hours: String(command.hours),
          personTimes: command.personTimes,
          deliveredBy: command.deliveredBy,
          recordedById: user.id,
        });
        publicNote = command.serviceType;
        break;
      case 'mark_fulfilled':
        set.fulfilledAt = now;
        eventNote = command.note || null;
        break;
      case 'close':
        set.closedAt = now;
        eventNote = command.note;
        break;
      case 'reopen':
        Object.assign(set, { invalidReason: null, closedAt: null, fulfilledAt: to === 'in_service' ? null : need.fulfilledAt });
        eventNote = command.reason;
        break;
    }
    await tx.update(needs).set(set).where(eq(needs.id, needId));
    await tx.insert(needEvents).values({
      needId,
      type: command.action === 'record_service' ? 'service' : 'status',
      fromStatus: need.status,
      toStatus: to,
      actorId: user.id,
      actorKind: 'staff',
      note: eventNote,
      publicNote,
      createdAt: now,
    });
    return { status: to };
  });
}

export const assessSchema = z.object({
  hardship: z.coerce.number({ message: 'required' }).int().min(1, 'required').max(5, 'required'),
  urgency: z.enum(['low', 'normal', 'high', 'critical'], { message: 'required' }),
});

export async function assessCase(db: Db, actor: Actor, needId: string, input: z.infer<typeof assessSchema>) {
  const user = await authorize(db, actor, 'case:act');
  assertId(needId);
  await db.transaction(async (tx) => {
    const [need] = await tx.select().from(needs).where(eq(needs.id, needId)).for('update');
    if (!need) throw new AppError('not_found');
    await assertInScope(tx, user, need);
    if (['closed', 'withdrawn', 'invalid'].includes(need.status)) throw new AppError('conflict', 'case not open');
    await tx.update(needs).set({ ...input, updatedAt: new Date() }).where(eq(needs.id, needId));
    await tx.insert(needEvents).values({
      needId,
      type: 'assessment',
      actorId: user.id,
      actorKind: 'staff',
      note: historyWords()('case.history.assessment', { hardship: input.hardship, urgency: historyWords()(`needs.urgency.${input.urgency}`) }),
    });
  });
}

export async function addCaseNote(db: Db, actor: Actor, needId: string, typed: string) {
  const user = await authorize(db, actor, 'case:act');
  assertId(needId);
  const text = typed.trim();
  if (!text) throw new AppError('invalid_input', 'empty note', { note: 'required' });
  if (text.length > 1000) throw new AppError('invalid_input', 'note too long', { note: 'too_long' });
  const [need] = await db.select().from(needs).where(eq(needs.id, needId));
  if (!need) throw new AppError('not_found');
  await assertInScope(db, user, need);
  await db.insert(needEvents).values({ needId, type: 'note', actorId: user.id, actorKind: 'staff', note: text });
}

/** A social worker claims a case for themself; an admin may assign it to any active social worker. */
export async function assignCase(db: Db, actor: Actor, needId: string, assigneeId: string) {
  const user = await authorize(db, actor, 'case:act');
  assertId(needId);
  assertId(assigneeId);
  if (assigneeId !== user.id && !can(user.role, 'case:assign_others')) throw new AppError('forbidden', 'only admins assign others');
  await db.transaction(async (tx) => {
    const [need] = await tx.select().from(needs).where(eq(needs.id, needId)).for('update');
    if (!need) throw new AppError('not_found');
    await assertInScope(tx, user, need);
    const [assignee] = await tx
      .select()
      .from(users)
      .where(and(eq(users.id, assigneeId), sql`${users.role} in ('social_worker','admin')`, sql`${users.disabledAt} is null`));
    if (!assignee) throw new AppError('invalid_input', 'not staff', { assigneeId: 'required' });
    await tx.update(needs).set({ assigneeId, updatedAt: new Date() }).where(eq(needs.id, needId));
    await tx.insert(needEvents).values({ needId, type: 'assigned', actorId: user.id, actorKind: 'staff', note: assignee.name });
  });
}

export async function listAssignableStaff(db: Db, actor: Actor) {
  await authorize(db, actor, 'case:read');
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(sql`${users.role} in ('social_worker','admin')`, sql`${users.disabledAt} is null`))
    .orderBy(users.name);
}

