import { createHash } from 'node:crypto';
import { and, desc, eq, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { minReasonLength } from '@/lib/reason';
import type { Db } from '@/db/client';
import { alias } from 'drizzle-orm/pg-core';
import { auditLog, disbursements, evidenceFiles, needs, piiAccessLog, projects, users } from '@/db/schema';
import { authorize, type Actor, type AuthorizedUser } from '@/lib/auth/actor';
import { assertInScope, caseScope } from '@/lib/needs/scope';
import { AppError } from '@/lib/errors';
import { postDisbursement } from '@/lib/ledger/movements';
import { parseYuan } from '@/lib/money';
import { decryptBytes, encryptBytes } from '@/lib/privacy/crypto';
import { publicText } from '@/lib/privacy/public-text';
import { normalizeTrackingCode } from '@/lib/needs/code';
import { refuseNamingThePerson } from '@/lib/needs/naming-check';
import { checkEvidence, evidenceFileName, maxEvidenceFiles } from './evidence';

export const disbursementRequestSchema = z.object({
  projectId: z.string().uuid('choose_one'),
  needCode: z.string().trim().max(20, 'too_long').optional().default(''),
  amount: z
    .string()
    .trim()
    .min(1, 'required')
    .refine((v) => (parseYuan(v) ?? 0) > 0, 'amount_invalid'),
  payee: z.string().trim().min(1, 'required').max(100, 'too_long'),
  /** Published with the payment (report, open data, the journal). */
  purpose: publicText(200),
  category: z.enum(['goods', 'services', 'activity', 'administration'], { message: 'choose_one' }),
});
export type DisbursementRequest = z.infer<typeof disbursementRequestSchema>;
export type EvidenceUpload = { name: string; content: Uint8Array };

/**
 * A social worker asks to pay money out of a project, for a need or for the project as a whole, with at
 * least one piece of evidence. Nothing moves until a second person approves.
 */
export async function requestDisbursement(db: Db, actor: Actor, input: DisbursementRequest, files: EvidenceUpload[]) {
  const user = await authorize(db, actor, 'disbursement:request');
  const checked = files.map((f) => ({ ...f, check: checkEvidence(f.content) }));
  if (checked.length === 0) throw new AppError('invalid_input', 'evidence required', { evidence: 'evidence_required' });
  if (checked.length > maxEvidenceFiles) throw new AppError('invalid_input', 'too many files', { evidence: 'evidence_too_many' });
  const bad = checked.find((f) => !f.check.ok);
  if (bad && !bad.check.ok) throw new AppError('invalid_input', 'bad evidence', { evidence: bad.check.error });
  const [project] = await db.select().from(projects).where(eq(projects.id, input.projectId));
  if (!project) throw new AppError('invalid_input', 'unknown project', { projectId: 'required' });
  let needId: string | null = null;
  if (input.needCode) {
    // A need outside the requester's sub-districts is answered as one not in the project: the answer tells
    // nothing about needs they may not see.
    const [need] = await db.select().from(needs).where(and(eq(needs.code, normalizeTrackingCode(input.needCode) ?? input.needCode.toUpperCase()), caseScope(user)));
    const paying = ['matched', 'in_service', 'fulfilled'];
    if (!need || need.projectId !== project.id || !paying.includes(need.status)) {
      throw new AppError('invalid_input', 'need not in project', { needCode: 'need_not_in_project' });
    }
    // The purpose is public: it must not name the person this payment is for.
    await refuseNamingThePerson(db, user.id, need, input.purpose, { why: 'payment_purpose_check', field: 'purpose' });
    needId = need.id;
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(disbursements)
      .values({
        projectId: project.id,
        needId,
        amountFen: parseYuan(input.amount)!,
        payee: input.payee,
        purpose: input.purpose,
        category: input.category,
        requestedById: user.id,
      })
      .returning({ id: disbursements.id });
    // Receipts and sign-offs can show a person: stored encrypted, under a neutral name (an upload called
    // "张三身份证.jpg" would otherwise name them wherever the payment's evidence is listed).
    for (const [i, f] of checked.entries()) {
      const mime = f.check.ok ? f.check.mime : 'application/pdf';
      const sealed = encryptBytes(f.content);
      await tx.insert(evidenceFiles).values({
        disbursementId: row.id,
        fileName: evidenceFileName(i + 1, mime),
        mimeType: mime,
        sizeBytes: f.content.length,
        sha256: createHash('sha256').update(f.content).digest('hex'),
        content: sealed.data,
        keyId: sealed.keyId,
        uploadedById: user.id,
      });
    }
    return row;
  });
}

export const decisionSchema = z.object({
  decision: z.enum(['approve', 'reject']),
  reason: z.string().trim().min(minReasonLength, 'reason_required').max(500, 'too_long'),
});

/**
 * An administrator who did not request it approves or rejects a payment out. Approval posts it to the ledger
 * in the same transaction; the fund's balance check in the database makes overspending impossible, however
 * many approvals race.
 */
export async function decideDisbursement(db: Db, actor: Actor, disbursementId: string, input: z.infer<typeof decisionSchema>) {
  const admin = await authorize(db, actor, 'disbursement:decide');
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(disbursements).where(eq(disbursements.id, disbursementId)).for('update');
    if (!row) throw new AppError('not_found');
    if (row.status !== 'requested') throw new AppError('conflict', `already ${row.status}`);
    if (row.requestedById === admin.id) throw new AppError('forbidden', 'the requester cannot decide their own request');
    if (input.decision === 'approve') {
      // Nothing is paid out without evidence (a request made before evidence was required may have none).
      const [evidence] = await tx.select({ id: evidenceFiles.id }).from(evidenceFiles).where(eq(evidenceFiles.disbursementId, disbursementId)).limit(1);
      if (!evidence) throw new AppError('invalid_input', 'no evidence', { reason: 'approve_needs_evidence' });
    }
    const now = new Date();
    await tx
      .update(disbursements)
      .set({ status: input.decision === 'approve' ? 'approved' : 'rejected', decidedById: admin.id, decisionReason: input.reason, decidedAt: now })
      .where(eq(disbursements.id, disbursementId));
    if (input.decision === 'approve') {
      await postDisbursement(tx, {
        disbursementId,
        projectId: row.projectId,
        amountFen: row.amountFen,
        purpose: row.purpose,
        postedById: admin.id,
        postedAt: now,
      });
    }
    await tx.insert(auditLog).values({
      actorId: admin.id,
      action: `disbursement.${input.decision}`,
      targetType: 'disbursement',
      targetId: disbursementId,
      details: { amountFen: row.amountFen },
    });
    return { status: input.decision === 'approve' ? ('approved' as const) : ('rejected' as const) };
  });
}

/**
 * Payments out as staff see them: administrators all; a social worker the project-wide ones, their own
 * requests, and those for needs in their scope (a payee and a need code can point at a person).
 */
const requester = alias(users, 'requester');
const decider = alias(users, 'decider');

export async function listDisbursements(db: Db, actor: Actor, status?: 'requested' | 'approved' | 'rejected') {
  const user = await authorize(db, actor, 'disbursement:request');
  const scope = caseScope(user);
  return db
    .select({
      id: disbursements.id,
      projectId: disbursements.projectId,
      projectName: projects.nameZh,
      projectNameEn: projects.nameEn,
      amountFen: disbursements.amountFen,
      payee: disbursements.payee,
      purpose: disbursements.purpose,
      category: disbursements.category,
      status: disbursements.status,
      requestedById: disbursements.requestedById,
      requestedByName: requester.name,
      requestedAt: disbursements.requestedAt,
      decidedByName: decider.name,
      decisionReason: disbursements.decisionReason,
      reversalNote: disbursements.reversalNote,
      reversedAt: disbursements.reversedAt,
      // Who posted the correcting entry (the journal keeps it; the request row keeps who decided).
      reversedByName: sql<string | null>`(select u.name from journal_entries je join users u on u.id = je.posted_by_id
        where je.disbursement_id = ${disbursements.id} and je.kind = 'reversal' limit 1)`,
      needCode: needs.code,
    })
    .from(disbursements)
    .innerJoin(projects, eq(projects.id, disbursements.projectId))
    .innerJoin(requester, eq(requester.id, disbursements.requestedById))
    .leftJoin(decider, eq(decider.id, disbursements.decidedById))
    .leftJoin(needs, eq(needs.id, disbursements.needId))
    .where(
      and(
        status ? eq(disbursements.status, status) : undefined,
        scope ? or(isNull(disbursements.needId), eq(disbursements.requestedById, user.id), scope) : undefined,
      ),
    )
    .orderBy(desc(disbursements.requestedAt))
    .limit(200);
}

/**
 * Evidence of a payment for one need is for staff whose scope covers that need; of a payment for a whole project
 * (a receipt may still show a person), for administrators. Whoever asked for the payment may always see its own.
 */
async function assertEvidenceScope(db: Db, user: AuthorizedUser, disbursementId: string) {
  const [row] = await db
    .select({ requestedById: disbursements.requestedById, need: { areaId: needs.areaId, assigneeId: needs.assigneeId } })
    .from(disbursements)
    .leftJoin(needs, eq(needs.id, disbursements.needId))
    .where(eq(disbursements.id, disbursementId));
  if (!row) throw new AppError('not_found');
  if (row.requestedById === user.id || !caseScope(user)) return;
  if (!row.need?.areaId) throw new AppError('forbidden', 'a project payment’s evidence is for administrators');
  await assertInScope(db, user, { areaId: row.need.areaId, assigneeId: row.need.assigneeId });
}

/** Which payments' evidence a viewer may see, as a condition (none for administrators: all). */
function evidenceScope(user: AuthorizedUser) {
  const scope = caseScope(user);
  return scope ? or(eq(disbursements.requestedById, user.id), and(isNotNull(disbursements.needId), scope)) : undefined;
}

/** The evidence of many listed payments in one query, limited to what the viewer's scope allows. */
export async function listEvidenceFor(db: Db, actor: Actor, disbursementIds: string[]) {
  const user = await authorize(db, actor, 'evidence:read');
  if (disbursementIds.length === 0) return new Map<string, { id: string; fileName: string }[]>();
  const rows = await db
    .select({ id: evidenceFiles.id, fileName: evidenceFiles.fileName, disbursementId: evidenceFiles.disbursementId })
    .from(evidenceFiles)
    .innerJoin(disbursements, eq(disbursements.id, evidenceFiles.disbursementId))
    .leftJoin(needs, eq(needs.id, disbursements.needId))
    .where(and(inArray(evidenceFiles.disbursementId, disbursementIds), evidenceScope(user)));
  const byPayment = new Map<string, { id: string; fileName: string }[]>();
  for (const r of rows) byPayment.set(r.disbursementId, [...(byPayment.get(r.disbursementId) ?? []), { id: r.id, fileName: r.fileName }]);
  return byPayment;
}

/** Evidence is served only to staff, after this check, never from a public path. */
export async function readEvidence(db: Db, actor: Actor, evidenceId: string) {
  const user = await authorize(db, actor, 'evidence:read');
  if (!z.string().uuid().safeParse(evidenceId).success) throw new AppError('not_found');
  const [found] = await db
    .select({ file: evidenceFiles, needId: disbursements.needId })
    .from(evidenceFiles)
    .innerJoin(disbursements, eq(disbursements.id, evidenceFiles.disbursementId))
    .where(eq(evidenceFiles.id, evidenceId));
  if (!found) throw new AppError('not_found');
  const { file, needId } = found;
  await assertEvidenceScope(db, user, file.disbursementId);
  // Every opening of a payment's evidence is recorded, like every look at a case's personal information.
  await db.insert(piiAccessLog).values({ needId, actorId: user.id, purpose: 'evidence_view' });
  return { ...file, content: file.keyId ? decryptBytes(file.keyId, file.content) : Buffer.from(file.content) };
}
