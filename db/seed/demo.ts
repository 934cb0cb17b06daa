import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import {
  areas,
  disbursements,
  donations,
  needEvents,
  needs,
  projectAreas,
  projects,
  serviceRecords,
  userAreas,
  users,
} from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { fulfilDonation } from '@/lib/donations/fulfil';
import { postAllocation, postDisbursement } from '@/lib/ledger/movements';
import { newTrackingCode } from '@/lib/needs/code';
import { sealNeedPii } from '@/lib/needs/pii';
import { jiangbeiAreas } from '@/lib/places';
import { donorNames, givenNames, needStories, payees, serviceTypes, surnames, villages } from './people-data';
import { seedProjects } from './projects-data';
import { createRandom, type Random } from './random';

export const demoPassword = 'jiangbei2026';
export const demoAccounts = {
  admin: { email: 'admin@demo.aizaijiangbei.cn', name: '周管理', role: 'admin' as const },
  admin2: { email: 'admin2@demo.aizaijiangbei.cn', name: '郑审核', role: 'admin' as const },
  worker1: { email: 'sw1@demo.aizaijiangbei.cn', name: '林社工', role: 'social_worker' as const },
  worker2: { email: 'sw2@demo.aizaijiangbei.cn', name: '何社工', role: 'social_worker' as const },
  donor: { email: 'donor@demo.aizaijiangbei.cn', phone: '13900000001', name: '陈爱心', role: 'donor' as const },
};

const day = 24 * 3600 * 1000;
type SeedStatus = 'submitted' | 'screening' | 'valid' | 'invalid' | 'matched' | 'in_service' | 'fulfilled' | 'closed' | 'withdrawn';

/** How much to make: the demo's handful, or exactly the programme's published size. */
export type SeedPlan = {
  needs: Record<SeedStatus, number>;
  /** When set, the service records add up to exactly this many person-times. */
  personTimes?: number;
  /** Paid gifts add up to exactly this (otherwise 190 paid and 10 that never completed). */
  raisedFen?: number;
};

export const demoPlan: SeedPlan = {
  needs: { submitted: 8, screening: 6, valid: 8, invalid: 5, matched: 8, in_service: 9, fulfilled: 7, closed: 7, withdrawn: 2 },
};

/** The programme's published figures: 750 valid needs, ¥1,300,000 raised, 12 projects, 5,000 person-times. */
export const programPlan: SeedPlan = {
  needs: { submitted: 20, screening: 15, valid: 60, invalid: 40, matched: 90, in_service: 200, fulfilled: 150, closed: 250, withdrawn: 5 },
  personTimes: 5000,
  raisedFen: 130_000_000,
};
const path: SeedStatus[] = ['submitted', 'screening', 'valid', 'matched', 'in_service', 'fulfilled', 'closed'];

/** Fills an empty database with the programme's places, projects, staff and a believable half-year of work. */
export async function seedDemo(db: Db, now = new Date(), plan: SeedPlan = demoPlan): Promise<void> {
  const rnd = createRandom(20260301);
  await db.insert(areas).values(jiangbeiAreas.map((a, i) => ({ ...a, sortOrder: i })));

  const passwordHash = await hashPassword(demoPassword);
  const staff = await db
    .insert(users)
    .values(Object.values(demoAccounts).map((a) => ({ ...a, passwordHash })))
    .returning({ id: users.id, email: users.email });
  const idOf = (email: string) => staff.find((s) => s.email === email)!.id;
  const [adminId, admin2Id, worker1, worker2, donorId] = [
    idOf(demoAccounts.admin.email),
    idOf(demoAccounts.admin2.email),
    idOf(demoAccounts.worker1.email),
    idOf(demoAccounts.worker2.email),
    idOf(demoAccounts.donor.email),
  ];
  await db.insert(userAreas).values([
    ...['zhongma', 'baisha', 'kongpu', 'wenjiao'].map((areaId) => ({ userId: worker1, areaId })),
    ...['yongjiang', 'zhuangqiao', 'hongtang', 'cicheng'].map((areaId) => ({ userId: worker2, areaId })),
  ]);

  const inserted = await db
    .insert(projects)
    .values(seedProjects.map(({ areaIds: _areas, ...p }, i) => ({ ...p, sortOrder: i })))
    .returning({ id: projects.id, slug: projects.slug });
  const projectIdOf = (slug: string) => inserted.find((p) => p.slug === slug)!.id;
  const coverage = seedProjects.flatMap((p) => p.areaIds.map((areaId) => ({ projectId: projectIdOf(p.slug), areaId })));
  if (coverage.length) await db.insert(projectAreas).values(coverage);

  await seedNeeds(db, rnd, now, plan, { worker1, worker2, projectIdOf });
  await seedMoney(db, rnd, now, plan, { adminId, admin2Id, worker1, donorId, projectIdOf });
}

type NeedCtx = { worker1: string; worker2: string; projectIdOf: (slug: string) => string };

async function seedNeeds(db: Db, rnd: Random, now: Date, plan: SeedPlan, ctx: NeedCtx) {
  let n = 0;
  const served = plan.needs.in_service + plan.needs.fulfilled + plan.needs.closed;
  let servedSoFar = 0;
  // Exact person-times: each served need gets an equal share, the first few one more.
  const shareOf = (k: number) => (plan.personTimes ? Math.floor(plan.personTimes / served) + (k < plan.personTimes % served ? 1 : 0) : 0);
  for (const [status, count] of Object.entries(plan.needs) as [SeedStatus, number][]) {
    for (let i = 0; i < count; i++, n++) {
      const area = jiangbeiAreas[n % jiangbeiAreas.length];
      const project = seedProjects[(n * 7) % seedProjects.length];
      const category = project.categories[n % project.categories.length];
      const populations = project.populations.slice(0, 1 + (n % 2));
      const name = rnd.pick(surnames) + rnd.pick(givenNames);
      const phone = `13${rnd.between(5, 9)}${String(rnd.between(10000000, 99999999))}`;
      const code = newTrackingCode((max) => rnd.int(max));
      const submittedAt = new Date(now.getTime() - rnd.between(4, 170) * day);
      const worker = area.id === 'zhongma' || area.id === 'baisha' || area.id === 'kongpu' || area.id === 'wenjiao' ? ctx.worker1 : ctx.worker2;
      const involvesChild = populations.includes('children');
      const reached = status === 'invalid' ? 2 : status === 'withdrawn' ? 1 : path.indexOf(status as SeedStatus);
      const at = (step: number) => new Date(submittedAt.getTime() + step * 2 * day);
      const projectId = reached >= 3 ? ctx.projectIdOf(project.slug) : null;
      const [need] = await db
        .insert(needs)
        .values({
          code,
          status,
          channel: n % 9 === 0 ? 'phone' : n % 13 === 0 ? 'paper' : 'online',
          category,
          kind: project.kinds[0] ?? 'both',
          populations,
          householdSize: rnd.between(1, 5),
          areaId: area.id,
          village: rnd.pick(villages[area.id]),
          description: rnd.pick(needStories[category]),
          estimatedCostFen: rnd.chance(0.6) ? rnd.between(2, 50) * 10000 : null,
          urgency: rnd.pick(['low', 'normal', 'normal', 'high', 'critical'] as const),
          hardship: reached >= 2 && status !== 'invalid' ? rnd.between(2, 5) : null,
          involvesChild,
          consentVersion: 'intake-v1',
          guardianConsentAt: involvesChild ? submittedAt : null,
          ...sealNeedPii({ name, phone, address: `${area.nameZh}${rnd.pick(villages[area.id])}${rnd.between(1, 99)}号` }, code),
          assigneeId: reached >= 1 || status === 'invalid' ? worker : null,
          projectId,
          invalidReason: status === 'invalid' ? '经核实，申请人不在江北区居住，已告知可向所在地申请。' : null,
          rating: status === 'closed' ? rnd.between(4, 5) : null,
          submittedAt,
          screenDueAt: new Date(submittedAt.getTime() + 3 * day),
          matchDueAt: reached >= 2 ? new Date(at(2).getTime() + 10 * day) : null,
          validAt: reached >= 2 && status !== 'invalid' ? at(2) : null,
          matchedAt: reached >= 3 ? at(3) : null,
          fulfilledAt: reached >= 5 ? at(5) : null,
          closedAt: reached >= 6 ? at(6) : null,
        })
        .returning({ id: needs.id });

      const events: (typeof needEvents.$inferInsert)[] = [
        { needId: need.id, type: 'submitted', toStatus: 'submitted', actorKind: 'resident', createdAt: submittedAt },
      ];
      const steps = status === 'invalid' ? ['screening', 'invalid'] : status === 'withdrawn' ? ['withdrawn'] : path.slice(1, reached + 1);
      steps.forEach((to, k) => {
        const from = k === 0 ? 'submitted' : steps[k - 1];
        events.push({
          needId: need.id,
          type: 'status',
          fromStatus: from as SeedStatus,
          toStatus: to as SeedStatus,
          actorId: to === 'withdrawn' ? null : worker,
          actorKind: to === 'withdrawn' ? 'resident' : 'staff',
          publicNote: to === 'invalid' ? '经核实，申请人不在江北区居住，已告知可向所在地申请。' : null,
          createdAt: at(k + 1),
        });
      });
      await db.insert(needEvents).values(events);

      if (projectId && reached >= 4) {
        const share = shareOf(servedSoFar++);
        const visits = plan.personTimes ? Math.max(1, Math.min(share, rnd.between(1, 3))) : rnd.between(1, 4);
        await db.insert(serviceRecords).values(
          Array.from({ length: visits }, (_, v) => ({
            needId: need.id,
            projectId,
            servedOn: at(4 + v * 0.5).toISOString().slice(0, 10),
            serviceType: rnd.pick(serviceTypes),
            hours: String(rnd.between(1, 4)),
            personTimes: plan.personTimes ? Math.floor(share / visits) + (v < share % visits ? 1 : 0) : rnd.between(1, 40),
            deliveredBy: rnd.pick(['林社工', '何社工', '志愿者服务队', '社区卫生服务站']),
            recordedById: worker,
          })),
        );
      }
    }
  }
}

type MoneyCtx = { adminId: string; admin2Id: string; worker1: string; donorId: string; projectIdOf: (slug: string) => string };

async function seedMoney(db: Db, rnd: Random, now: Date, plan: SeedPlan, ctx: MoneyCtx) {
  const presets = [2000, 5000, 10000, 10000, 20000, 50000, 100000, 200000, 500000];
  const amounts = plan.raisedFen ? exactAmounts(rnd, presets, plan.raisedFen) : Array.from({ length: 200 }, () => rnd.pick(presets));
  const gifts = amounts.map((amountFen, i) => {
    const project = rnd.chance(0.75) ? seedProjects[i % seedProjects.length].slug : null;
    return {
      projectId: project ? ctx.projectIdOf(project) : null,
      amountFen,
      at: new Date(now.getTime() - rnd.between(1, 180) * day - rnd.int(day)),
      outcome: plan.raisedFen || i < 190 ? 'paid' : i < 194 ? 'pending' : i < 197 ? 'failed' : 'expired',
      mine: i % 40 === 5,
      anonymous: rnd.chance(0.3),
      name: rnd.pick(donorNames),
    } as const;
  }).sort((a, b) => a.at.getTime() - b.at.getTime());

  for (const g of gifts) {
    const [donation] = await db
      .insert(donations)
      .values({
        projectId: g.projectId,
        amountFen: g.amountFen,
        status: g.outcome === 'paid' ? 'pending' : g.outcome,
        donorId: g.mine ? ctx.donorId : null,
        displayName: g.mine ? demoAccounts.donor.name : g.name,
        anonymous: g.mine ? false : g.anonymous,
        provider: 'demo',
        createdAt: g.at,
      })
      .returning({ id: donations.id });
    if (g.outcome === 'paid') await fulfilDonation(db, donation.id, { paidAt: g.at, providerPaymentId: `demo_${donation.id}` });
  }

  // The administrators moved part of the general fund to two projects that ran short.
  const allocations = [
    { slug: 'yunshouhu', amountFen: 300000 },
    { slug: 'nuandongxing', amountFen: 200000 },
  ];
  for (const a of allocations) {
    await db.transaction((tx) =>
      postAllocation(tx, {
        projectId: ctx.projectIdOf(a.slug),
        amountFen: a.amountFen,
        reason: '管理委员会决定：冬季需求集中，从非定向基金拨付',
        postedById: ctx.adminId,
        postedAt: new Date(now.getTime() - 20 * day),
      }),
    );
  }

  const spend = [
    { slug: 'zhihuiguo', amountFen: 86000, purpose: '为 12 名困难家庭儿童购买学习用品', category: 'goods' as const, approved: true },
    { slug: 'yunshouhu', amountFen: 240000, purpose: '为行动不便老人购置轮椅 4 台', category: 'goods' as const, approved: true },
    { slug: 'zhihuiguo', amountFen: 45000, purpose: '暑期成长营场地与活动材料', category: 'activity' as const, approved: true },
    { slug: 'nuandongxing', amountFen: 150000, purpose: '冬季棉被与取暖器发放', category: 'goods' as const, approved: true },
    { slug: 'yunshouhu', amountFen: 60000, purpose: '上门探访服务费（第三季度）', category: 'services' as const, approved: true },
    { slug: 'kanglexing', amountFen: 30000, purpose: '康复训练器材', category: 'goods' as const, approved: false },
  ];
  for (const [i, s] of spend.entries()) {
    const projectId = ctx.projectIdOf(s.slug);
    const requestedAt = new Date(now.getTime() - (15 - i * 2) * day);
    const [row] = await db
      .insert(disbursements)
      .values({
        projectId,
        amountFen: s.amountFen,
        payee: rnd.pick(payees),
        purpose: s.purpose,
        category: s.category,
        status: s.approved ? 'approved' : 'requested',
        requestedById: ctx.worker1,
        decidedById: s.approved ? (i % 2 ? ctx.admin2Id : ctx.adminId) : null,
        decisionReason: s.approved ? '票据齐全，同意支出' : null,
        requestedAt,
        decidedAt: s.approved ? new Date(requestedAt.getTime() + day) : null,
      })
      .returning({ id: disbursements.id });
    if (s.approved) {
      await db.transaction((tx) =>
        postDisbursement(tx, {
          disbursementId: row.id,
          projectId,
          amountFen: s.amountFen,
          purpose: s.purpose,
          postedById: i % 2 ? ctx.admin2Id : ctx.adminId,
          postedAt: new Date(requestedAt.getTime() + day),
        }),
      );
    }
  }
}

/** Gift amounts that add up to exactly `total`: presets until the last, which takes what is left. */
function exactAmounts(rnd: Random, presets: number[], total: number): number[] {
  const amounts: number[] = [];
  let left = total;
  while (left > 0) {
    const next = rnd.pick(presets);
    amounts.push(next < left ? next : left);
    left -= amounts[amounts.length - 1];
  }
  return amounts;
}

export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.execute<{ n: string }>(sql`select count(*) as n from areas`);
  return Number(row.n) === 0;
}
