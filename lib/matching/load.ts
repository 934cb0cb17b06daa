import { and, asc, eq, gte, inArray, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { ledgerAccounts, needs, projectAreas, projects } from '@/db/schema';
import { authorize, type Actor } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors';
import { assertInScope, caseScope } from '@/lib/needs/scope';
import { proposeAssignments } from './assign';
import { beijingMonth, waitingDays } from './dates';
import { signProposal } from './proposal-token';
import { suggestProjects } from './score';
import type { MatchNeed, MatchProject } from './types';

/**
 * The database side of matching: reads needs and projects into the matcher's plain types, and hands the
 * matcher's answers back with names and signed proposals. Nothing here writes; accepting is in accept.ts.
 */

export type ProjectNames = { nameZh: string; nameEn: string };
export type LoadedProject = MatchProject & ProjectNames & { capacityPerMonth: number; usedThisMonth: number };

/**
 * Every project (drafts aside) as the matcher sees it at `now`:
 *
 * - remaining places = capacityPerMonth − the needs matched to it this calendar month in Beijing time
 *   (needs whose project is this one and whose matchedAt falls in the month; a withdrawn need gives its
 *   place back, and a need moved to another project counts only there);
 * - available money = the balance of its ledger account `project_fund:<id>` (0 before its first posting).
 *   Matching does not move money, so this bounds the cases a project can take in one batch at its typical
 *   cost; money is spent, and the balance falls, when a payment for the need is approved.
 */
export async function loadMatchProjects(db: Db, now: Date, onlyIds?: string[]): Promise<LoadedProject[]> {
  const { start, end } = beijingMonth(now);
  // A draft is not a project yet: it is neither suggested nor listed as excluded.
  const rows = await db
    .select()
    .from(projects)
    .where(and(ne(projects.status, 'draft'), onlyIds ? inArray(projects.id, onlyIds) : undefined))
    .orderBy(asc(projects.sortOrder), asc(projects.id));
  const areaRows = await db
    .select()
    .from(projectAreas)
    .where(onlyIds ? inArray(projectAreas.projectId, onlyIds) : undefined);
  const used = await db
    .select({ projectId: needs.projectId, count: sql<number>`count(*)::int` })
    .from(needs)
    .where(and(gte(needs.matchedAt, start), lt(needs.matchedAt, end), ne(needs.status, 'withdrawn'), onlyIds ? inArray(needs.projectId, onlyIds) : undefined))
    .groupBy(needs.projectId);
  const funds = await db
    .select({ projectId: ledgerAccounts.projectId, balanceFen: ledgerAccounts.balanceFen })
    .from(ledgerAccounts)
    .where(and(eq(ledgerAccounts.kind, 'project_fund'), onlyIds ? inArray(ledgerAccounts.projectId, onlyIds) : undefined));

  return rows.map((p) => {
    const usedThisMonth = used.find((u) => u.projectId === p.id)?.count ?? 0;
    return {
      id: p.id,
      nameZh: p.nameZh,
      nameEn: p.nameEn,
      categories: p.categories,
      kinds: p.kinds,
      populations: p.populations,
      areaIds: areaRows.filter((a) => a.projectId === p.id).map((a) => a.areaId).sort(),
      status: p.status,
      startsOn: p.startsOn,
      endsOn: p.endsOn,
      capacityPerMonth: p.capacityPerMonth,
      usedThisMonth,
      remainingPlaces: Math.max(0, p.capacityPerMonth - usedThisMonth),
      availableFen: Math.max(0, Number(funds.find((f) => f.projectId === p.id)?.balanceFen ?? 0)),
      typicalCostFen: Number(p.typicalCostFen),
    };
  });
}

type NeedRow = typeof needs.$inferSelect;

export function toMatchNeed(row: Pick<NeedRow, 'id' | 'category' | 'kind' | 'populations' | 'areaId' | 'urgency' | 'hardship' | 'submittedAt'>): MatchNeed {
  return {
    id: row.id,
    category: row.category,
    kind: row.kind,
    populations: row.populations,
    areaId: row.areaId,
    urgency: row.urgency,
    hardship: row.hardship,
    submittedAt: row.submittedAt,
  };
}

const names = (p: ProjectNames): ProjectNames => ({ nameZh: p.nameZh, nameEn: p.nameEn });

/**
 * The case page's "suggested projects": every project, the eligible ones ranked with their reasons and
 * the others with the rule that excludes them. While the need waits for a project, the top suggestion
 * comes with a signed token, so accepting it needs no reason (see accept.ts).
 */
export async function suggestForNeed(db: Db, actor: Actor, needId: string, now = new Date()) {
  const user = await authorize(db, actor, 'case:read');
  const [row] = await db.select().from(needs).where(eq(needs.id, needId));
  if (!row) throw new AppError('not_found');
  await assertInScope(db, user, row);
  const all = await loadMatchProjects(db, now);
  const byId = new Map(all.map((p) => [p.id, p]));
  const { eligible, ineligible } = suggestProjects(toMatchNeed(row), all, now);
  const top = eligible[0];
  return {
    status: row.status,
    currentProjectId: row.projectId,
    eligible: eligible.map((e) => ({ ...e, ...names(byId.get(e.projectId)!) })),
    // In the programme's own order of projects, so the list reads the same on every case.
    ineligible: ineligible
      .map((i) => ({ ...i, ...names(byId.get(i.projectId)!) }))
      .sort((a, b) => all.indexOf(byId.get(a.projectId)!) - all.indexOf(byId.get(b.projectId)!)),
    topToken: top && row.status === 'valid' ? signProposal({ needId, projectId: top.projectId, kind: 'top' }, user.id, now.getTime()) : null,
  };
}
export type NeedSuggestions = Awaited<ReturnType<typeof suggestForNeed>>;

/**
 * "Propose assignments" for the actor's waiting list: every valid need in their scope (a valid need has
 * no project yet — matching moves it on), against every project's places and money as they stand. Only a
 * proposal: each one carries a signed token and nothing is matched until a person accepts it.
 *
 * Projects are shared, so two social workers' lists compete for the same places; acceptance re-checks the
 * project under a lock, and the one who comes second is told the project is now full.
 */
export async function proposeForWaitingList(db: Db, actor: Actor, now = new Date()) {
  const user = await authorize(db, actor, 'case:read');
  const rows = await db
    .select({
      id: needs.id,
      code: needs.code,
      nameMasked: needs.nameMasked,
      category: needs.category,
      kind: needs.kind,
      populations: needs.populations,
      areaId: needs.areaId,
      village: needs.village,
      urgency: needs.urgency,
      hardship: needs.hardship,
      submittedAt: needs.submittedAt,
    })
    .from(needs)
    .where(and(eq(needs.status, 'valid'), caseScope(user)));
  const all = await loadMatchProjects(db, now);
  const result = proposeAssignments(rows.map(toMatchNeed), all, now);

  const rowById = new Map(rows.map((r) => [r.id, r]));
  const projectById = new Map(all.map((p) => [p.id, p]));
  const summary = (id: string) => {
    const { populations: _p, submittedAt, ...r } = rowById.get(id)!;
    return { ...r, waitedDays: waitingDays(submittedAt, now) };
  };
  return {
    waiting: rows.length,
    totalPriority: result.totalPriority,
    proposals: result.proposals.map((p) => ({
      ...p,
      need: summary(p.needId),
      project: names(projectById.get(p.projectId)!),
      token: signProposal({ needId: p.needId, projectId: p.projectId, kind: 'batch' }, user.id, now.getTime()),
    })),
    unassigned: result.unassigned.map((u) => ({ ...u, need: summary(u.needId) })),
  };
}
export type WaitingListProposals = Awaited<ReturnType<typeof proposeForWaitingList>>;
