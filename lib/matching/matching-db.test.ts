import { and, asc, desc, eq, gte, inArray, lt, ne, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { useTestDb } from '@/db/test-db';
import { ledgerAccounts, needEvents, needs, projects, userAreas } from '@/db/schema';
import { actOnCase } from '@/lib/needs/case-actions';
import { staffUser } from '@/lib/needs/test-fixtures';
import { acceptProposals, chooseProject } from './accept';
import { beijingMonth } from './dates';
import { fundProject, testProject, validNeed } from './db-fixtures';
import { loadMatchProjects, proposeForWaitingList, suggestForNeed } from './load';
import { signProposal } from './proposal-token';

const db = useTestDb();
const created: string[] = [];

/** A project only these tests use: employment help in Cicheng, which no seeded project offers. */
async function project(overrides: Parameters<typeof testProject>[1] = {}) {
  const p = await testProject(db, { areaIds: ['cicheng'], ...overrides });
  created.push(p.id);
  return p;
}
const employment = { input: { category: 'employment' as const, kind: 'service' as const, areaId: 'cicheng' } };

// Each test's projects are put away after it (as drafts, hidden from the public pages too), so the next
// test — and the journeys that run later on this database — see only what they created themselves.
afterEach(async () => {
  if (created.length) await db.update(projects).set({ status: 'draft' }).where(inArray(projects.id, created.splice(0)));
});

/** A social worker with no sub-districts: their scope is exactly the needs assigned to them. */
const worker = () => staffUser(db, 'social_worker');

async function lastMatchEvent(needId: string) {
  const [event] = await db.select().from(needEvents).where(and(eq(needEvents.needId, needId), eq(needEvents.toStatus, 'matched'))).orderBy(desc(needEvents.id)).limit(1);
  return event;
}

describe('suggestions for one need', () => {
  it('follow the rules for the seeded needs, with places and money as the database has them', async () => {
    const admin = await staffUser(db, 'admin');
    const [yunhu] = await db.select().from(projects).where(eq(projects.slug, 'yunhuqing'));
    const seeded = await db
      .select()
      .from(needs)
      .where(and(eq(needs.status, 'valid'), ne(needs.areaId, 'cicheng')))
      .orderBy(asc(needs.submittedAt))
      .limit(20);
    expect(seeded.length, 'the demo seed has valid needs outside Cicheng').toBeGreaterThan(0);
    let eligibleSeen = 0;
    // One snapshot for the suggestions and the independent counts, whatever other test files are doing.
    await db.transaction(
      async (tx) => {
        const now = new Date();
        const { start, end } = beijingMonth(now);
        for (const need of seeded) {
          const s = await suggestForNeed(tx, { userId: admin.id }, need.id, now);
          // 云湖情 serves Cicheng only: it cannot take a need from elsewhere, and says so.
          expect(s.ineligible.find((i) => i.projectId === yunhu.id)?.rule).toEqual({ code: 'area_not_covered', areaId: need.areaId });
          const scores = s.eligible.map((e) => e.score);
          expect(scores).toEqual([...scores].sort((a, b) => b - a));
          expect(s.topToken === null).toBe(s.eligible.length === 0);
          for (const e of s.eligible) {
            eligibleSeen++;
            const [p] = await tx.select().from(projects).where(eq(projects.id, e.projectId));
            expect(p.status).toBe('active');
            expect(p.categories).toContain(need.category);
            const [{ n }] = await tx
              .select({ n: sql<number>`count(*)::int` })
              .from(needs)
              .where(and(eq(needs.projectId, p.id), gte(needs.matchedAt, start), lt(needs.matchedAt, end), ne(needs.status, 'withdrawn')));
            const [fund] = await tx.select().from(ledgerAccounts).where(eq(ledgerAccounts.code, `project_fund:${p.id}`));
            expect(e.reasons).toContainEqual({ code: 'places_left', count: p.capacityPerMonth - n });
            expect(e.reasons).toContainEqual({ code: 'funds_available', fen: Number(fund?.balanceFen ?? 0) });
          }
        }
      },
      { isolationLevel: 'repeatable read' },
    );
    expect(eligibleSeen).toBeGreaterThan(0);
  });

  it('counts this month’s matches against the places and reads the money from the ledger', async () => {
    const admin = await staffUser(db, 'admin');
    const p = await project({ capacityPerMonth: 3, typicalCostFen: 1_000 });
    await fundProject(db, p.id, 2_500, admin.id);
    const now = new Date();
    const [before] = await loadMatchProjects(db, now, [p.id]);
    expect(before).toMatchObject({ remainingPlaces: 3, availableFen: 2_500, areaIds: ['cicheng'] });

    const thisMonth = await validNeed(db, admin, employment);
    const lastMonth = await validNeed(db, admin, employment);
    const withdrawn = await validNeed(db, admin, employment);
    for (const n of [thisMonth, lastMonth, withdrawn]) {
      await actOnCase(db, { userId: admin.id }, n.needId, { action: 'match', projectId: p.id, reason: '' });
    }
    await db.update(needs).set({ matchedAt: new Date(beijingMonth(now).start.getTime() - 1) }).where(eq(needs.id, lastMonth.needId));
    await db.update(needs).set({ status: 'withdrawn' }).where(eq(needs.id, withdrawn.needId));
    const [after] = await loadMatchProjects(db, now, [p.id]);
    expect(after).toMatchObject({ usedThisMonth: 1, remainingPlaces: 2 });
  });
});

describe('proposing and accepting assignments', () => {
  it('proposes within capacity, explains the needs left out, and matches only what a person accepts', async () => {
    const admin = await staffUser(db, 'admin');
    const sw = await worker();
    const p = await project({ kinds: ['service'], capacityPerMonth: 2 });
    const first = await validNeed(db, admin, { ...employment, assignee: sw, urgency: 'critical', hardship: 5 });
    const second = await validNeed(db, admin, { ...employment, assignee: sw, urgency: 'high', hardship: 4 });
    const third = await validNeed(db, admin, { ...employment, assignee: sw, urgency: 'low', hardship: 1 });
    const material = await validNeed(db, admin, { input: { ...employment.input, kind: 'material' }, assignee: sw });

    const run = await proposeForWaitingList(db, { userId: sw.id });
    expect(run.waiting).toBe(4);
    expect(run.proposals.map((x) => [x.needId, x.projectId])).toEqual([
      [first.needId, p.id],
      [second.needId, p.id],
    ]);
    expect(run.proposals[0].need).toMatchObject({ code: first.code, areaId: 'cicheng', category: 'employment' });
    expect(run.proposals[0].need).not.toHaveProperty('populations');
    expect(run.unassigned.map((u) => [u.needId, u.why]).sort()).toEqual(
      [
        [third.needId, 'eligible_projects_full'],
        [material.needId, 'no_eligible_project'],
      ].sort(),
    );
    // Proposing assigned nothing.
    const statuses = await db.select({ status: needs.status }).from(needs).where(inArray(needs.id, [first.needId, second.needId]));
    expect(statuses.every((r) => r.status === 'valid')).toBe(true);

    // The worker accepts the first proposal only.
    const outcomes = await acceptProposals(db, { userId: sw.id }, [run.proposals[0].token]);
    expect(outcomes).toEqual([{ needId: first.needId, code: first.code, ok: true, projectId: p.id }]);
    const [row] = await db.select().from(needs).where(eq(needs.id, first.needId));
    expect(row).toMatchObject({ status: 'matched', projectId: p.id });
    const event = await lastMatchEvent(first.needId);
    expect(event).toMatchObject({ fromStatus: 'valid', actorId: sw.id, actorKind: 'staff', publicNote: p.nameZh });
    expect(event.note).toContain('接受分配建议');
    expect(event.note).toContain('服务范围含慈城镇');
    const [untouched] = await db.select().from(needs).where(eq(needs.id, second.needId));
    expect(untouched.status).toBe('valid');

    // Accepting the same proposal again is reported, not repeated.
    const again = await acceptProposals(db, { userId: sw.id }, [run.proposals[0].token]);
    expect(again).toEqual([{ needId: first.needId, code: first.code, ok: false, why: 'changed', status: 'matched' }]);
  });

  it('never gives a project more needs than its places, even when acceptances race', async () => {
    const admin = await staffUser(db, 'admin');
    const sw = await worker();
    const p = await project({ capacityPerMonth: 2 });
    const three = await Promise.all([1, 2, 3].map(() => validNeed(db, admin, { ...employment, assignee: sw })));
    const tokens = three.map((n) => signProposal({ needId: n.needId, projectId: p.id, kind: 'batch' }, sw.id));
    const results = (await Promise.all(tokens.map((t) => acceptProposals(db, { userId: sw.id }, [t])))).flat();
    expect(results.filter((r) => r.ok)).toHaveLength(2);
    expect(results.filter((r) => !r.ok)).toMatchObject([{ ok: false, why: 'ineligible', rule: { code: 'no_places_left' } }]);
    const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(needs).where(eq(needs.projectId, p.id));
    expect(n).toBe(2);
  });

  it('accepts the top suggestion without a reason and refuses a proposal made to someone else', async () => {
    const admin = await staffUser(db, 'admin');
    const sw = await worker();
    const other = await worker();
    await project();
    const n = await validNeed(db, admin, { ...employment, assignee: sw });
    const s = await suggestForNeed(db, { userId: sw.id }, n.needId);
    expect(s.topToken).toBeTruthy();
    const forged = signProposal({ needId: n.needId, projectId: s.eligible[0].projectId, kind: 'top' }, other.id);
    expect(await acceptProposals(db, { userId: sw.id }, [forged])).toMatchObject([{ ok: false, why: 'stale' }]);
    expect(await acceptProposals(db, { userId: sw.id }, [s.topToken!])).toMatchObject([{ ok: true, projectId: s.eligible[0].projectId }]);
    expect((await lastMatchEvent(n.needId)).note).toContain('接受推荐首选');
  });
});

describe('choosing another project', () => {
  it('needs a reason when it is not the top suggestion, and records it on the need’s event', async () => {
    const admin = await staffUser(db, 'admin');
    const sw = await worker();
    const local = await project(); // covers Cicheng only: ranks above a district-wide one
    const wide = await project({ areaIds: [] });
    const n = await validNeed(db, admin, { ...employment, assignee: sw });
    const s = await suggestForNeed(db, { userId: sw.id }, n.needId);
    expect(s.eligible[0].projectId).toBe(local.id);
    expect(s.eligible.map((e) => e.projectId)).toContain(wide.id);

    await expect(chooseProject(db, { userId: sw.id }, n.needId, { projectId: wide.id, reason: ' ' })).rejects.toMatchObject({
      code: 'invalid_input',
      fields: { reason: 'override_reason_required' },
    });
    expect((await db.select().from(needs).where(eq(needs.id, n.needId)))[0].status).toBe('valid');

    await chooseProject(db, { userId: sw.id }, n.needId, { projectId: wide.id, reason: '家属希望由该项目上门服务' });
    const [row] = await db.select().from(needs).where(eq(needs.id, n.needId));
    expect(row).toMatchObject({ status: 'matched', projectId: wide.id });
    const event = await lastMatchEvent(n.needId);
    expect(event.note).toContain('家属希望由该项目上门服务');
    expect(event.note).toContain(local.nameZh);

    // Moving a matched need to another project always needs a reason; an ineligible project is refused.
    await expect(chooseProject(db, { userId: sw.id }, n.needId, { projectId: local.id, reason: '' })).rejects.toMatchObject({
      fields: { reason: 'change_reason_required' },
    });
    const closed = await project({ status: 'paused' });
    await expect(chooseProject(db, { userId: sw.id }, n.needId, { projectId: closed.id, reason: '试一试' })).rejects.toMatchObject({
      fields: { projectId: 'project_ineligible' },
    });
  });

  it('takes the top suggestion without a reason', async () => {
    const admin = await staffUser(db, 'admin');
    const sw = await worker();
    const local = await project();
    const n = await validNeed(db, admin, { ...employment, assignee: sw });
    await expect(chooseProject(db, { userId: sw.id }, n.needId, { projectId: local.id, reason: '' })).resolves.toEqual({ status: 'matched' });
  });
});

describe('who may match', () => {
  it('refuses donors, visitors and social workers outside the need’s sub-districts', async () => {
    const admin = await staffUser(db, 'admin');
    const donor = await staffUser(db, 'donor');
    const outsider = await worker();
    await db.insert(userAreas).values({ userId: outsider.id, areaId: 'zhongma' });
    const p = await project();
    const n = await validNeed(db, admin, employment);
    const token = signProposal({ needId: n.needId, projectId: p.id, kind: 'batch' }, outsider.id);

    for (const actor of [{ userId: donor.id }, null]) {
      const code = actor ? 'forbidden' : 'unauthenticated';
      await expect(suggestForNeed(db, actor, n.needId)).rejects.toMatchObject({ code });
      await expect(proposeForWaitingList(db, actor)).rejects.toMatchObject({ code });
      await expect(acceptProposals(db, actor, [token])).rejects.toMatchObject({ code });
      await expect(chooseProject(db, actor, n.needId, { projectId: p.id, reason: 'x x' })).rejects.toMatchObject({ code });
    }
    await expect(suggestForNeed(db, { userId: outsider.id }, n.needId)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(chooseProject(db, { userId: outsider.id }, n.needId, { projectId: p.id, reason: 'x x' })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await acceptProposals(db, { userId: outsider.id }, [token])).toEqual([{ needId: n.needId, code: null, ok: false, why: 'forbidden' }]);
    const run = await proposeForWaitingList(db, { userId: outsider.id });
    expect([...run.proposals, ...run.unassigned].map((x) => x.needId)).not.toContain(n.needId);
    expect((await db.select().from(needs).where(eq(needs.id, n.needId)))[0].status).toBe('valid');
  });
});
