import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { useTestDb } from '@/db/test-db';
import { newProject, newUser } from '@/lib/donations/testing/fixtures';
import { getProjectDetail } from '@/lib/projects/detail';
import { listProjectCards } from '@/lib/projects/queries';
import { getHeadlineFigures } from '@/lib/reports/figures';
import { getBusiestProjects, getByProject, getHeadline, getMonthly, getNeedsByArea, getSpendingByCategory } from '@/lib/reports/transparency';
import { applyOperation, newWorld, operationArb, type Cast } from './testing/operations';
import {
  rawByProject,
  rawHeadline,
  rawHeadlineFigures,
  rawMonthly,
  rawNeedsByArea,
  rawProjectCards,
  rawProjectFigures,
  rawSpendingByCategory,
} from './testing/raw-figures';
import { verifySummaries } from './verify';

const db = useTestDb();

async function newCast(): Promise<Cast> {
  const project = await newProject(db);
  const [admin, worker, donorA, donorB] = await Promise.all([newUser(db, 'admin'), newUser(db, 'social_worker'), newUser(db), newUser(db)]);
  return { admin: admin.id, worker: worker.id, donors: [donorA.id, donorB.id], projectId: project.id };
}

const byKey = <T>(rows: T[], key: (r: T) => string) => [...rows].sort((a, b) => key(a).localeCompare(key(b)));

/**
 * Every public figure read from the summaries equals the same figure aggregated from the raw rows. One
 * repeatable-read snapshot, so other test files writing at the same time cannot tear the comparison.
 */
async function expectFiguresEqualRaw(projectId: string, slug: string) {
  await db.transaction(
    async (tx: Db) => {
      expect(await getHeadlineFigures(tx)).toEqual(await rawHeadlineFigures(tx));
      expect(await getHeadline(tx)).toEqual(await rawHeadline(tx));
      const months = await getMonthly(tx);
      expect(months).toEqual(await rawMonthly(tx));
      // The months add up to the headline (reversed payments out included).
      const headline = await getHeadline(tx);
      expect(months.reduce((s, m) => s + m.spentFen, 0)).toBe(headline.spentFen);
      expect(months.reduce((s, m) => s + m.raisedFen, 0)).toBe(headline.raisedFen);
      const projects = await getByProject(tx);
      expect(byKey(projects, (r) => r.id)).toEqual(byKey(await rawByProject(tx), (r) => r.id));
      // The report's busiest projects: those that moved the most, in that order (the programme's order breaks ties).
      const moved = (r: (typeof projects)[number]) => r.raisedFen + r.allocatedFen + r.spentFen;
      const busiest = await getBusiestProjects(tx, 3);
      expect(busiest.total).toBe(projects.length);
      if (projects.length > 3) expect(busiest.shown.map(moved)).toEqual(projects.map(moved).sort((a, b) => b - a).slice(0, 3));
      expect(byKey(busiest.shown, (r) => r.id)).toEqual(byKey(projects.filter((p) => busiest.shown.some((s) => s.id === p.id)), (r) => r.id));
      expect((await getBusiestProjects(tx, projects.length)).shown).toEqual(projects); // all of them: the programme's order
      // Past the projects that moved money, the rest follow in the programme's order.
      const moving = projects.filter((r) => moved(r) > 0);
      if (moving.length + 1 < projects.length) {
        const next = await getBusiestProjects(tx, moving.length + 1);
        expect(next.shown.slice(0, -1).map((r) => r.id).sort()).toEqual(moving.map((r) => r.id).sort());
        expect(next.shown.at(-1)!.id).toBe(projects.find((r) => moved(r) === 0)!.id);
      }
      expect(byKey(await getSpendingByCategory(tx), (r) => r.category)).toEqual(byKey(await rawSpendingByCategory(tx), (r) => r.category));
      const cell = (c: { areaId: string; category: string }) => `${c.areaId} ${c.category}`;
      expect(byKey(await getNeedsByArea(tx), cell)).toEqual(byKey(await rawNeedsByArea(tx), cell));
      expect(byKey(await listProjectCards(tx), (r) => r.id)).toEqual(byKey(await rawProjectCards(tx), (r) => r.id));
      const detail = await getProjectDetail(tx, slug);
      const { raisedFen, gifts, beneficiaries, personTimes, spending } = detail!;
      expect({ raisedFen, gifts, beneficiaries, personTimes, spending }).toEqual(await rawProjectFigures(tx, projectId));
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

describe('the summary tables', () => {
  it('equal their recomputation from the raw rows after any sequence of real operations, and so do the public figures', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operationArb, { minLength: 1, maxLength: 16 }), async (operations) => {
        const cast = await newCast();
        const world = newWorld();
        for (const o of operations) await applyOperation(db, cast, world, o);
        expect(await verifySummaries(db)).toEqual([]);
        const [{ slug }] = await db.query.projects.findMany({ where: (p, { eq }) => eq(p.id, cast.projectId), columns: { slug: true } });
        await expectFiguresEqualRaw(cast.projectId, slug);
      }),
      { numRuns: 15 },
    );
  }, 180_000);

  it('stay exact, without deadlocks, when gifts, refunds, payments and case changes race', async () => {
    const cast = await newCast();
    const world = newWorld();
    // Ten first gifts of one new donor at once: the donor must be counted once, not ten times.
    const firstGifts = Array.from({ length: 10 }, () => ({ op: 'give' as const, toProject: true, donor: 0, fen: 5_000, feeFen: 0 }));
    const guests = Array.from({ length: 10 }, (_, i) => ({ op: 'give' as const, toProject: i % 2 === 0, donor: 2, fen: 3_000, feeFen: 60 }));
    const intakes = Array.from({ length: 10 }, () => ({ op: 'submit' as const, area: 'cicheng' as const, category: 'life' as const }));
    await Promise.all([...firstGifts, ...guests, ...intakes].map((o) => applyOperation(db, cast, world, o)));

    // Then everything at once: refunds (one reported before its payment), payments out, allocations, and
    // every case moved along the same few cells.
    await Promise.all([
      ...world.gifts.slice(0, 8).map((_, i) => applyOperation(db, cast, world, { op: 'refund', pick: i, part: i % 2 === 0 })),
      ...Array.from({ length: 3 }, () => applyOperation(db, cast, world, { op: 'refundBeforePayment', donor: 1, fen: 2_000 })),
      ...Array.from({ length: 6 }, (_, i) => applyOperation(db, cast, world, { op: 'pay', fen: 4_000, category: 'goods', approve: i !== 5 })),
      ...Array.from({ length: 3 }, () => applyOperation(db, cast, world, { op: 'allocate', fen: 500 })),
      ...world.needs.map((_, i) => applyOperation(db, cast, world, { op: 'advance', pick: i, steps: 4 + (i % 3), personTimes: 2 })),
    ]);
    // Reversals race new approvals: one posts before its status change, the other after.
    const approved = world.payments.filter((p) => p.approved).length;
    await Promise.all([
      ...Array.from({ length: approved }, (_, i) => applyOperation(db, cast, world, { op: 'reverse', pick: i })),
      ...Array.from({ length: 4 }, () => applyOperation(db, cast, world, { op: 'pay', fen: 1_000, category: 'goods', approve: true })),
      ...world.needs.map((_, i) => applyOperation(db, cast, world, { op: 'rate', pick: i, rating: 1 + (i % 5) })),
      // Needs still in service get a further visit: a second record for the same need is no new beneficiary.
      ...world.needs.map((_, i) => applyOperation(db, cast, world, { op: 'serve', pick: i, personTimes: 1 })),
    ]);

    expect(await verifySummaries(db)).toEqual([]);
    const [{ slug }] = await db.query.projects.findMany({ where: (p, { eq }) => eq(p.id, cast.projectId), columns: { slug: true } });
    await expectFiguresEqualRaw(cast.projectId, slug);
  }, 120_000);
});
