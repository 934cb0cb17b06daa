import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import fc from 'fast-check';
import type { Db } from '@/db/client';
import { donations, needs } from '@/db/schema';
import { decideDisbursement, requestDisbursement } from '@/lib/disbursements/disbursements';
import { reverseDisbursement } from '@/lib/disbursements/reverse';
import { bookFees } from '@/lib/donations/fee';
import { newPendingDonation } from '@/lib/donations/testing/fixtures';
import { fulfilDonation } from '@/lib/donations/fulfil';
import { applyRefund } from '@/lib/donations/refund';
import { isAppError } from '@/lib/errors';
import { allocateToProject } from '@/lib/ledger/allocate';
import { actOnCase, type CaseCommand } from '@/lib/needs/case-actions';
import { submitNeed } from '@/lib/needs/intake';
import { purgeClosedCasePii } from '@/lib/needs/purge';
import { intake, randomIp } from '@/lib/needs/test-fixtures';
import { rateNeed, withdrawNeed } from '@/lib/needs/tracking';

/**
 * Random sequences of the programme's real operations, each through its lib/ function: gifts (with fees,
 * from registered donors or guests), refunds in full or in part (also one reported before its payment, and
 * ones that fail after they were booked),
 * allocations, payments out approved, rejected and reversed, and needs submitted, moved along their
 * journey, withdrawn, rated and purged.
 */

const areas = ['zhongma', 'cicheng', 'hongtang'] as const;
const categories = ['life', 'education', 'medical'] as const;
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
/** Cases are closed "long ago", so the purge in a sequence reaches only cases a sequence closed. */
const longAgo = new Date('2001-01-01T00:00:00Z');

export type Operation =
  | { op: 'give'; toProject: boolean; donor: number; fen: number; feeFen: number }
  | { op: 'refund'; pick: number; part: boolean }
  | { op: 'refundBeforePayment'; donor: number; fen: number }
  | { op: 'refundFails'; pick: number }
  | { op: 'allocate'; fen: number }
  | { op: 'pay'; fen: number; category: 'goods' | 'services' | 'activity' | 'administration'; approve: boolean }
  | { op: 'reverse'; pick: number }
  | { op: 'submit'; area: (typeof areas)[number]; category: (typeof categories)[number] }
  | { op: 'advance'; pick: number; steps: number; personTimes: number }
  | { op: 'serve'; pick: number; personTimes: number }
  | { op: 'offPath'; pick: number; action: 'verify_invalid' | 'reopen' }
  | { op: 'withdraw'; pick: number }
  | { op: 'rate'; pick: number; rating: number }
  | { op: 'purge' };

export const operationArb: fc.Arbitrary<Operation> = fc.oneof(
  { arbitrary: fc.record({ op: fc.constant('give' as const), toProject: fc.boolean(), donor: fc.nat(2), fen: fc.integer({ min: 100, max: 50_000 }), feeFen: fc.constantFrom(0, 0, 60) }), weight: 4 },
  { arbitrary: fc.record({ op: fc.constant('refund' as const), pick: fc.nat(), part: fc.boolean() }), weight: 2 },
  fc.record({ op: fc.constant('refundBeforePayment' as const), donor: fc.nat(2), fen: fc.integer({ min: 200, max: 20_000 }) }),
  fc.record({ op: fc.constant('refundFails' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('allocate' as const), fen: fc.integer({ min: 1, max: 5_000 }) }),
  { arbitrary: fc.record({ op: fc.constant('pay' as const), fen: fc.integer({ min: 100, max: 30_000 }), category: fc.constantFrom('goods' as const, 'services' as const, 'activity' as const, 'administration' as const), approve: fc.boolean() }), weight: 2 },
  fc.record({ op: fc.constant('reverse' as const), pick: fc.nat() }),
  { arbitrary: fc.record({ op: fc.constant('submit' as const), area: fc.constantFrom(...areas), category: fc.constantFrom(...categories) }), weight: 3 },
  { arbitrary: fc.record({ op: fc.constant('advance' as const), pick: fc.nat(), steps: fc.integer({ min: 1, max: 7 }), personTimes: fc.integer({ min: 1, max: 20 }) }), weight: 3 },
  { arbitrary: fc.record({ op: fc.constant('serve' as const), pick: fc.nat(), personTimes: fc.integer({ min: 1, max: 20 }) }), weight: 2 },
  fc.record({ op: fc.constant('offPath' as const), pick: fc.nat(), action: fc.constantFrom('verify_invalid' as const, 'reopen' as const) }),
  fc.record({ op: fc.constant('withdraw' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('rate' as const), pick: fc.nat(), rating: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ op: fc.constant('purge' as const) }),
);

export type Cast = { admin: string; worker: string; donors: string[]; projectId: string };

/** What one sequence has made so far, for later operations to pick from. */
export type World = { gifts: string[]; refunds: RefundReport[]; payments: { id: string; approved: boolean }[]; needs: { id: string; code: string; last4: string }[] };

type RefundReport = { provider: string; providerPaymentId: string; refundId: string; amountFen: number };

/** The processor's report of one refund, as the webhook applies it. */
const report = (db: Db, r: RefundReport, failed: boolean) => db.transaction((tx) => applyRefund(tx, r.provider, { kind: 'refund', ...r, failed }));

const pick = <T>(list: T[], n: number): T | undefined => (list.length ? list[n % list.length] : undefined);

const happyPath = (personTimes: number): CaseCommand[] => [
  { action: 'start_screening' },
  { action: 'verify_valid', note: '' },
  { action: 'match', projectId: '', reason: '' },
  { action: 'record_service', servedOn: '2026-05-01', serviceType: '上门探访', hours: 2, personTimes, deliveredBy: '社工' },
  { action: 'mark_fulfilled', note: '' },
  { action: 'close', note: '回访完成，情况稳定' },
];

async function giveGift(db: Db, cast: Cast, o: { toProject: boolean; donor: number; fen: number; feeFen: number }) {
  const d = await newPendingDonation(db, {
    projectId: o.toProject ? cast.projectId : null,
    amountFen: o.fen,
    donorId: cast.donors[o.donor] ?? null,
  });
  await fulfilDonation(db, d.id, { feeFollows: o.feeFen > 0, providerPaymentId: `pi_${d.id}` });
  await bookFees(db, [{ donationId: d.id, feeFen: Math.min(o.feeFen, o.fen) }]);
  return d.id;
}

/** Applies one operation; refusals the domain makes on purpose (a conflict, no money left) are part of the game. */
export async function applyOperation(db: Db, cast: Cast, world: World, o: Operation): Promise<void> {
  const admin = { userId: cast.admin };
  try {
    switch (o.op) {
      case 'give':
        world.gifts.push(await giveGift(db, cast, o));
        return;
      case 'refund': {
        const id = pick(world.gifts, o.pick);
        if (!id) return;
        const [d] = await db.select().from(donations).where(eq(donations.id, id));
        const refund = { provider: d.provider, providerPaymentId: d.providerPaymentId!, refundId: randomUUID(), amountFen: o.part ? Math.ceil(d.amountFen / 3) : d.amountFen };
        await report(db, refund, false);
        world.refunds.push(refund);
        return;
      }
      case 'refundFails': {
        const refund = pick(world.refunds, o.pick);
        if (refund) await report(db, refund, true);
        return;
      }
      case 'refundBeforePayment': {
        // The processor reports the refund first; it is parked, then applied under the ledger lock at confirmation.
        const d = await newPendingDonation(db, { projectId: cast.projectId, amountFen: o.fen, donorId: cast.donors[o.donor] ?? null });
        const paymentId = `pi_early_${d.id}`;
        const refund = { provider: 'demo', providerPaymentId: paymentId, refundId: randomUUID(), amountFen: Math.floor(o.fen / 2) };
        await report(db, refund, false);
        await fulfilDonation(db, d.id, { providerPaymentId: paymentId });
        world.gifts.push(d.id);
        world.refunds.push(refund);
        return;
      }
      case 'allocate':
        await allocateToProject(db, admin, { projectId: cast.projectId, amount: (o.fen / 100).toFixed(2), reason: '测试拨付', intent: randomUUID() });
        return;
      case 'pay': {
        const input = { projectId: cast.projectId, needCode: '', amount: (o.fen / 100).toFixed(2), payee: '文具店', purpose: '学习用品', category: o.category };
        const { id } = await requestDisbursement(db, { userId: cast.worker }, input, [{ name: 'r.png', content: png }]);
        await decideDisbursement(db, admin, id, { decision: o.approve ? 'approve' : 'reject', reason: '票据齐全' });
        world.payments.push({ id, approved: o.approve });
        return;
      }
      case 'reverse': {
        const p = pick(world.payments.filter((x) => x.approved), o.pick);
        if (p) await reverseDisbursement(db, admin, { id: p.id, note: '重复支付，已追回' });
        return;
      }
      case 'submit': {
        const form = intake({ areaId: o.area, category: o.category });
        const { needId, code } = await submitNeed(db, form, { ip: randomIp() });
        world.needs.push({ id: needId, code, last4: form.phone.slice(-4) });
        return;
      }
      case 'advance': {
        const need = pick(world.needs, o.pick);
        if (!need) return;
        for (const command of happyPath(o.personTimes).slice(0, o.steps)) {
          const c = command.action === 'match' ? { ...command, projectId: cast.projectId } : command;
          await actOnCase(db, admin, need.id, c, c.action === 'close' ? longAgo : undefined).catch(ignoreRefusal);
        }
        return;
      }
      case 'serve': {
        // A further service for a need already served, picked among the served ones so it usually lands.
        const served = await db.select({ id: needs.id }).from(needs).where(and(inArray(needs.id, world.needs.map((n) => n.id)), eq(needs.status, 'in_service')));
        const need = pick(served.length ? served : world.needs, o.pick);
        if (!need) return;
        const command: CaseCommand = { action: 'record_service', servedOn: '2026-06-01', serviceType: '心理疏导', hours: 1, personTimes: o.personTimes, deliveredBy: '志愿者' };
        await actOnCase(db, admin, need.id, command);
        return;
      }
      case 'offPath': {
        const need = pick(world.needs, o.pick);
        if (!need) return;
        const command: CaseCommand = o.action === 'reopen' ? { action: 'reopen', reason: '情况有变化' } : { action: 'verify_invalid', reason: '不在服务范围' };
        await actOnCase(db, admin, need.id, command);
        return;
      }
      case 'withdraw': {
        const need = pick(world.needs, o.pick);
        if (need) await withdrawNeed(db, { code: need.code, last4: need.last4 }, '已解决', randomIp());
        return;
      }
      case 'rate': {
        const need = pick(world.needs, o.pick);
        if (need) await rateNeed(db, { code: need.code, last4: need.last4 }, o.rating, '', randomIp());
        return;
      }
      case 'purge':
        await purgeClosedCasePii(db, admin, 12 * 20);
        return;
    }
  } catch (e) {
    ignoreRefusal(e);
  }
}

function ignoreRefusal(e: unknown) {
  if (isAppError(e) && ['conflict', 'insufficient_funds', 'invalid_input'].includes(e.code)) return;
  throw e;
}

export const newWorld = (): World => ({ gifts: [], refunds: [], payments: [], needs: [] });
