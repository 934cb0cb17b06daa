import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { needs, projects } from '@/db/schema';
import { authorize, type Actor, type AuthorizedUser } from '@/lib/auth/actor';
import { assertId } from '@/lib/ids';
import { AppError, isAppError } from '@/lib/errors';
import { historyWords } from '@/lib/i18n/history';
import { actOnCase } from '@/lib/needs/case-actions';
import { assertInScope } from '@/lib/needs/scope';
import type { NeedStatus } from '@/lib/needs/status';
import { eligibility } from './eligibility';
import { loadMatchProjects, toMatchNeed } from './load';
import { priorityOf } from './priority';
import { readProposal, type ProposalClaim } from './proposal-token';
import { scoreProject, suggestProjects } from './score';
import type { IneligibleRule } from './types';
import { reasonsLine, type Translate } from './words';

/**
 * Turning a suggestion into a match. Every path goes through actOnCase (the status machine and the need's
 * event) inside a transaction that first locks the project's row, then the need's — always in that order —
 * so two people matching to the same project queue up and its last place is never given twice. Eligibility
 * is checked again inside the lock, with places and money as they are now.
 */

export type AcceptOutcome = { needId: string; code: string | null } & (
  | { ok: true; projectId: string }
  | { ok: false; why: 'stale' | 'not_found' | 'forbidden' }
  | { ok: false; why: 'changed'; status: NeedStatus }
  | { ok: false; why: 'ineligible'; rule: IneligibleRule }
);


/**
 * Accepts signed proposals (the case page's top suggestion, or rows of "propose assignments"), each in its
 * own transaction: the proposals are separate decisions about separate people, so one need that changed
 * meanwhile — matched by a colleague, withdrawn, its project now full — must not undo the others. Each
 * need gets an outcome; none is skipped silently. A proposal needs no reason: the matcher's reasons, as
 * they are at the moment of acceptance, are written on the need's event instead.
 */
export async function acceptProposals(db: Db, actor: Actor, tokens: readonly string[], now = new Date()): Promise<AcceptOutcome[]> {
  const user = await authorize(db, actor, 'case:act');
  const outcomes: AcceptOutcome[] = [];
  const seen = new Set<string>();
  for (const token of tokens) {
    const claim = readProposal(token, user.id, now.getTime());
    if (!claim) {
      outcomes.push({ needId: token.split('.')[0] ?? '', code: null, ok: false, why: 'stale' });
      continue;
    }
    if (seen.has(claim.needId)) continue; // the same proposal ticked twice is one decision
    seen.add(claim.needId);
    outcomes.push(await acceptOne(db, actor, user, claim, now));
  }
  return outcomes;
}

async function acceptOne(db: Db, actor: Actor, user: AuthorizedUser, claim: ProposalClaim, now: Date): Promise<AcceptOutcome> {
  return db.transaction(async (tx) => {
    const locked = await lockProjectAndNeed(tx, claim.projectId, claim.needId);
    if (!locked) return { needId: claim.needId, code: null, ok: false, why: 'not_found' };
    const { need: row } = locked;
    const base = { needId: row.id, code: row.code };
    try {
      await assertInScope(tx, user, row);
    } catch (e) {
      if (isAppError(e, 'forbidden')) return { ...base, code: null, ok: false, why: 'forbidden' };
      throw e;
    }
    if (row.status !== 'valid') return { ...base, ok: false, why: 'changed', status: row.status };
    const need = toMatchNeed(row);
    const [project] = await loadMatchProjects(tx, now, [claim.projectId]);
    const verdict = eligibility(need, project, now);
    if (!verdict.eligible) return { ...base, ok: false, why: 'ineligible', rule: verdict.rule };

    const t = historyWords();
    const reasons = reasonsLine(t, 'zh-CN', verdict.reasons);
    const note =
      claim.kind === 'top'
        ? t('matching.eventNote.acceptedTop', { score: scoreProject(need, project).score, reasons })
        : t('matching.eventNote.acceptedProposal', { priority: priorityOf(need, now), reasons });
    await actOnCase(tx, actor, row.id, { action: 'match', projectId: project.id, reason: note }, now);
    return { ...base, ok: true, projectId: project.id };
  });
}

async function lockProjectAndNeed(tx: Db, projectId: string, needId: string) {
  const [project] = await tx.select({ id: projects.id }).from(projects).where(eq(projects.id, projectId)).for('update');
  if (!project) return null;
  const [need] = await tx.select().from(needs).where(eq(needs.id, needId)).for('update');
  return need ? { need } : null;
}

export const chooseProjectSchema = z.object({
  projectId: z.string().uuid('choose_one'),
  reason: z.string().trim().max(500, 'too_long').optional().default(''),
});
export type ChooseProject = z.infer<typeof chooseProjectSchema>;

/**
 * The social worker picks the project themself: any project eligible now. Choosing the top suggestion
 * needs no reason; choosing another one (an override), or moving an already matched need to another
 * project, needs a reason, which is written on the need's event.
 */
export async function chooseProject(db: Db, actor: Actor, needId: string, input: ChooseProject, now = new Date()) {
  const user = await authorize(db, actor, 'case:act');
  assertId(needId);
  const reason = input.reason.trim();
  return db.transaction(async (tx) => {
    const locked = await lockProjectAndNeed(tx, input.projectId, needId);
    if (!locked) throw new AppError('invalid_input', 'no such project or need', { projectId: 'required' });
    const { need: row } = locked;
    await assertInScope(tx, user, row);
    if (row.status !== 'valid' && row.status !== 'matched') throw new AppError('conflict', `cannot match a ${row.status} need`);
    if (row.projectId === input.projectId) throw new AppError('invalid_input', 'same project', { projectId: 'same_project' });

    const need = toMatchNeed(row);
    const all = await loadMatchProjects(tx, now);
    const { eligible } = suggestProjects(need, all, now);
    const chosen = eligible.find((e) => e.projectId === input.projectId);
    if (!chosen) throw new AppError('invalid_input', 'project not eligible', { projectId: 'project_ineligible' });
    const top = eligible[0];
    const isTop = row.status === 'valid' && top.projectId === chosen.projectId;
    if (!isTop && reason.length < 2) {
      throw new AppError('invalid_input', 'a reason is required', {
        reason: row.status === 'valid' ? 'override_reason_required' : 'change_reason_required',
      });
    }

    const t = historyWords();
    const topName = all.find((p) => p.id === top.projectId)!.nameZh;
    const note = isTop
      ? t('matching.eventNote.acceptedTop', { score: chosen.score, reasons: reasonsLine(t, 'zh-CN', chosen.reasons) })
      : row.status === 'valid'
        ? t('matching.eventNote.override', { top: topName, reason })
        : t('matching.eventNote.change', { reason });
    return actOnCase(tx, actor, needId, { action: 'match', projectId: chosen.projectId, reason: note }, now);
  });
}
