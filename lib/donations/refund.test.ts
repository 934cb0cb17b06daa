import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { donations, refunds } from '@/db/schema';
import { useTestDb } from '@/db/test-db';
import { accountCodes } from '@/lib/ledger/accounts';
import { traceDonation } from '@/lib/ledger/trace';
import { postDisbursement } from '@/lib/ledger/movements';
import { donationFiltersSchema, listDonationsForAdmin } from './admin-list';
import { requestRefund } from './admin-refund';
import { postOutOfGift } from './refund';
import { lockLedger } from '@/lib/ledger/post';
import { verifyBalances, verifyInflows } from '@/lib/ledger/verify';
import { applyPaymentEvent } from './apply-event';
import { bookFees } from './fee';
import { fulfilDonation } from './fulfil';
import { balanceOf, donationRow, entriesFor, fundOf, movedOn, newPendingDonation, newProject, newUser } from './testing/fixtures';

const db = useTestDb();
const evt = () => `evt_${randomUUID()}`;
const pay = (donationId: string, pi: string, amountFen = 10000) =>
  applyPaymentEvent(db, 'demo', evt(), 'checkout.paid', { kind: 'checkout_paid', donationId, providerPaymentId: pi, amountFen, paidAt: new Date() });
/** The processor's report of one refund of a payment (named within it): under way (or through), or failed. */
const refund = (pi: string, name: string, amountFen: number, failed = false) =>
  applyPaymentEvent(db, 'demo', evt(), 'refund', { kind: 'refund', providerPaymentId: pi, refundId: `${pi}:${name}`, amountFen, failed });
const fail = (pi: string, refundId: string, amountFen: number) => refund(pi, refundId, amountFen, true);

describe('refunds', () => {
  it('a partial refund, then the rest; a refund reported again changes nothing', async () => {
    const project = await newProject(db);
    const d = await newPendingDonation(db, { projectId: project.id });
    const pi = `pi_${randomUUID()}`;
    await pay(d.id, pi);
    await refund(pi, 're_1', 3000);
    let row = await donationRow(db, d.id);
    expect(row.status).toBe('partially_refunded');
    expect(row.refundedFen).toBe(3000);
    expect(await balanceOf(db, fundOf(project.id))).toBe(7000);

    await refund(pi, 're_1', 3000); // the same refund reported again (created, then updated to succeeded)
    expect((await donationRow(db, d.id)).refundedFen).toBe(3000);

    await refund(pi, 're_2', 7000);
    row = await donationRow(db, d.id);
    expect(row.status).toBe('refunded');
    expect(row.refundedFen).toBe(10000);
    expect(await balanceOf(db, fundOf(project.id))).toBe(0);
    expect(await entriesFor(db, d.id, 'refund')).toBe(2);
    expect(await movedOn(db, d.id, accountCodes.refunds)).toBe(10000);
  });

  it('a refund that arrives before its payment is applied when the payment is confirmed', async () => {
    const project = await newProject(db);
    const d = await newPendingDonation(db, { projectId: project.id });
    const pi = `pi_${randomUUID()}`;
    await refund(pi, 're_1', 10000);
    expect((await donationRow(db, d.id)).status).toBe('pending');
    await pay(d.id, pi);
    const row = await donationRow(db, d.id);
    expect(row.status).toBe('refunded');
    expect(row.refundedFen).toBe(10000);
    expect(await entriesFor(db, d.id, 'donation')).toBe(1);
    expect(await entriesFor(db, d.id, 'refund')).toBe(1);
    expect(await balanceOf(db, fundOf(project.id))).toBe(0);
  });

  it('refunding money the project already spent never takes the fund below zero', async () => {
    const project = await newProject(db);
    const d = await newPendingDonation(db, { projectId: project.id });
    const pi = `pi_${randomUUID()}`;
    await pay(d.id, pi);
    // The project spends ¥60, first-in-first-out: from this gift, the only money in its fund.
    await db.transaction((tx) =>
      postDisbursement(tx, { disbursementId: randomUUID(), projectId: project.id, amountFen: 6000, purpose: 'school supplies' }),
    );
    await refund(pi, 're_1', 10000);
    const row = await donationRow(db, d.id);
    expect(row.status).toBe('refunded');
    expect(await balanceOf(db, fundOf(project.id))).toBe(0);
    // ¥40 came back out of the fund; the ¥60 already spent was covered from outside the special fund.
    expect(await movedOn(db, d.id, fundOf(project.id))).toBe(10000 - 4000);
    expect(await movedOn(db, d.id, accountCodes.refunds)).toBe(10000);
  });

  it('a refund of a gift to the general fund comes out of the general fund', async () => {
    const d = await newPendingDonation(db, { projectId: null, amountFen: 5000 });
    const pi = `pi_${randomUUID()}`;
    await pay(d.id, pi, 5000);
    await refund(pi, 're_1', 2000);
    expect((await donationRow(db, d.id)).status).toBe('partially_refunded');
    expect(await movedOn(db, d.id, accountCodes.generalFund)).toBe(5000 - 2000);
  });

  it('a refund parked while its payment was being confirmed is applied once both have committed', async () => {
    const project = await newProject(db);
    const d = await newPendingDonation(db, { projectId: project.id });
    const pi = `pi_${randomUUID()}`;
    await pay(d.id, pi);
    // What the race leaves: the refund, not seeing the uncommitted confirmation, parked itself; the confirmation,
    // not seeing the uncommitted parked refund, found none to apply.
    await db.insert(refunds).values({ provider: 'demo', refundId: `${pi}:raced`, providerPaymentId: pi, amountFen: 3000 });
    const notYetPaid = `pi_${randomUUID()}`;
    await refund(notYetPaid, 're_early', 500); // any later delivery sweeps
    expect((await donationRow(db, d.id)).refundedFen).toBe(3000);
    expect(await balanceOf(db, fundOf(project.id))).toBe(7000);
    const waiting = await db.select().from(refunds).where(inArray(refunds.providerPaymentId, [pi, notYetPaid]));
    expect(waiting.filter((r) => r.donationId === null).map((r) => r.providerPaymentId)).toEqual([notYetPaid]); // a payment not confirmed yet waits
  });

  it('an administrator refunding through the same form twice refunds once; a new form refunds again', async () => {
    const admin = await newUser(db, 'admin');
    const project = await newProject(db);
    const d = await newPendingDonation(db, { projectId: project.id });
    await pay(d.id, `pi_${randomUUID()}`);
    const form = { donationId: d.id, amountFen: 3000, intent: randomUUID(), reason: '捐赠人申请' };
    await requestRefund(db, { userId: admin.id }, form);
    await requestRefund(db, { userId: admin.id }, form); // a double click, a retried request
    expect((await donationRow(db, d.id)).refundedFen).toBe(3000);
    await requestRefund(db, { userId: admin.id }, { ...form, intent: randomUUID() });
    expect((await donationRow(db, d.id)).refundedFen).toBe(6000);
    expect(await balanceOf(db, fundOf(project.id))).toBe(4000);
  });

  it('a whole refund sent twice (a double click) refunds once, and the second is no error', async () => {
    const admin = await newUser(db, 'admin');
    const d = await newPendingDonation(db, { projectId: (await newProject(db)).id });
    await pay(d.id, `pi_${randomUUID()}`);
    const form = { donationId: d.id, amountFen: 10000, intent: randomUUID(), reason: '捐赠人申请' };
    await requestRefund(db, { userId: admin.id }, form);
    await expect(requestRefund(db, { userId: admin.id }, form)).resolves.toBeUndefined();
    expect(await donationRow(db, d.id)).toMatchObject({ refundedFen: 10000, status: 'refunded' });
    await expect(requestRefund(db, { userId: admin.id }, { ...form, intent: randomUUID() })).rejects.toMatchObject({ fields: { amount: 'refund_not_paid' } });
  });

  it('two administrators refunding the same gift at once: the second is checked against what the first left', async () => {
    const [a, b] = [await newUser(db, 'admin'), await newUser(db, 'admin')];
    const project = await newProject(db);
    const d = await newPendingDonation(db, { projectId: project.id });
    await pay(d.id, `pi_${randomUUID()}`);
    const form = (amountFen: number) => ({ donationId: d.id, amountFen, intent: randomUUID(), reason: '捐赠人申请' });
    const results = await Promise.allSettled([requestRefund(db, { userId: a.id }, form(7000)), requestRefund(db, { userId: b.id }, form(7000))]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ fields: { amount: 'refund_too_much' } });
    expect((await donationRow(db, d.id)).refundedFen).toBe(7000);
    expect(await balanceOf(db, fundOf(project.id))).toBe(3000);
    expect(await entriesFor(db, d.id, 'refund')).toBe(1);
  });

  it("an administrator's refund holds no other gift's lock: work on another gift at the same time is not deadlocked", async () => {
    const admin = await newUser(db, 'admin');
    const project = await newProject(db);
    const [d, x] = [await newPendingDonation(db, { projectId: project.id }), await newPendingDonation(db, { projectId: project.id })];
    await pay(d.id, `pi_${randomUUID()}`);
    const xpi = `pi_${randomUUID()}`;
    await pay(x.id, xpi);
    // A refund of the other gift left waiting, as in the race the sweep after each delivery exists for.
    await db.insert(refunds).values({ provider: 'demo', refundId: `re_${randomUUID()}`, providerPaymentId: xpi, amountFen: 1000, failed: false, donationId: null });
    // Meanwhile, work on the other gift that takes its row and then the ledger (a fee, a refund's webhook).
    const other = db.transaction(async (tx) => {
      await tx.select({ id: donations.id }).from(donations).where(eq(donations.id, x.id)).for('update');
      await new Promise((r) => setTimeout(r, 500));
      await lockLedger(tx);
    });
    await new Promise((r) => setTimeout(r, 100));
    const results = await Promise.allSettled([requestRefund(db, { userId: admin.id }, { donationId: d.id, amountFen: 3000, intent: randomUUID(), reason: '捐赠人申请' }), other]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    expect((await donationRow(db, d.id)).refundedFen).toBe(3000);
  });

  it("a processor's fee learnt after the gift was spent is covered outside the fund, never by another donor's gift", async () => {
    const project = await newProject(db);
    const [spent, other] = [await newPendingDonation(db, { projectId: project.id }), await newPendingDonation(db, { projectId: project.id })];
    const pi = `pi_${randomUUID()}`;
    await fulfilDonation(db, spent.id, { providerPaymentId: pi, feeFollows: true });
    await db.transaction((tx) => postDisbursement(tx, { disbursementId: randomUUID(), projectId: project.id, amountFen: 10000, purpose: 'school supplies' }));
    await pay(other.id, `pi_${randomUUID()}`);
    expect(await bookFees(db, [{ donationId: spent.id, feeFen: 300 }])).toBe(1);
    expect(await bookFees(db, [{ donationId: spent.id, feeFen: 300 }])).toBe(0); // once
    expect(await balanceOf(db, fundOf(project.id))).toBe(10000); // the other gift, untouched
    expect(await movedOn(db, spent.id, accountCodes.processorFees)).toBe(300);
    expect(await movedOn(db, spent.id, accountCodes.clearing)).toBe(-10000 - 300);
  });

  describe('that fail', () => {
    it('a refund that fails after it was booked is reversed once: the gift, its fund and its unspent money are as before', async () => {
      const project = await newProject(db);
      const d = await newPendingDonation(db, { projectId: project.id });
      const pi = `pi_${randomUUID()}`;
      await pay(d.id, pi);
      await refund(pi, 're_1', 3000);
      await fail(pi, 're_1', 3000);
      let row = await donationRow(db, d.id);
      expect(row).toMatchObject({ status: 'paid', refundedFen: 0 });
      expect(await balanceOf(db, fundOf(project.id))).toBe(10000);
      expect(await movedOn(db, d.id, accountCodes.refunds)).toBe(0);
      expect((await traceDonation(db, d.id)).unspentFen).toBe(10000);
      expect((await traceDonation(db, d.id)).items).toEqual([]); // the donor's page shows no refund that never happened

      await fail(pi, 're_1', 3000); // the failure reported again
      await refund(pi, 're_1', 3000); // an older report of the same refund, arriving late
      expect(await entriesFor(db, d.id, 'reversal')).toBe(1);
      expect((await donationRow(db, d.id)).refundedFen).toBe(0);

      // The administrators see it on the gift, so someone can contact the donor.
      const admin = await newUser(db, 'admin');
      const listed = await listDonationsForAdmin(db, { userId: admin.id }, donationFiltersSchema.parse({ project: project.slug }));
      expect(listed.rows.find((r) => r.id === d.id)).toMatchObject({ refundedFen: 0, failedRefundFen: 3000 });

      await refund(pi, 're_2', 10000); // the whole gift can still be refunded
      row = await donationRow(db, d.id);
      expect(row).toMatchObject({ status: 'refunded', refundedFen: 10000 });
      expect(await balanceOf(db, fundOf(project.id))).toBe(0);
    });

    it('of money already spent, puts back both what left the fund and what was covered outside it', async () => {
      const project = await newProject(db);
      const d = await newPendingDonation(db, { projectId: project.id });
      const pi = `pi_${randomUUID()}`;
      await pay(d.id, pi);
      await db.transaction((tx) => postDisbursement(tx, { disbursementId: randomUUID(), projectId: project.id, amountFen: 6000, purpose: 'school supplies' }));
      await refund(pi, 're_1', 10000);
      expect(await balanceOf(db, fundOf(project.id))).toBe(0);
      await fail(pi, 're_1', 10000);
      expect(await donationRow(db, d.id)).toMatchObject({ status: 'paid', refundedFen: 0 });
      expect(await balanceOf(db, fundOf(project.id))).toBe(4000);
      expect(await movedOn(db, d.id, accountCodes.clearing)).toBe(-10000); // only the gift coming in
      expect(await movedOn(db, d.id, accountCodes.refunds)).toBe(0);
      expect((await traceDonation(db, d.id)).unspentFen).toBe(4000); // the ¥60 spent stays spent
    });

    it('one of two refunds failing leaves the other booked', async () => {
      const d = await newPendingDonation(db, { projectId: null, amountFen: 5000 });
      const pi = `pi_${randomUUID()}`;
      await pay(d.id, pi, 5000);
      await refund(pi, 're_1', 1000);
      await refund(pi, 're_2', 4000);
      expect((await donationRow(db, d.id)).status).toBe('refunded');
      await fail(pi, 're_2', 4000);
      expect(await donationRow(db, d.id)).toMatchObject({ status: 'partially_refunded', refundedFen: 1000 });
      expect(await movedOn(db, d.id, accountCodes.generalFund)).toBe(5000 - 1000);
    });

    it('a refund booked short while another still counted gets the rest when that one fails, and both are undone if it fails too', async () => {
      const project = await newProject(db);
      const d = await newPendingDonation(db, { projectId: project.id });
      const pi = `pi_${randomUUID()}`;
      await pay(d.id, pi);
      // ¥80 refunded by an administrator fails at the bank; meanwhile ¥50 is refunded in Stripe's dashboard, and its
      // report comes first: only ¥20 was left to book.
      await refund(pi, 're_1', 8000);
      await refund(pi, 're_2', 5000);
      expect(await donationRow(db, d.id)).toMatchObject({ status: 'refunded', refundedFen: 10000 });
      await fail(pi, 're_1', 8000);
      expect(await donationRow(db, d.id)).toMatchObject({ status: 'partially_refunded', refundedFen: 5000 });
      expect(await balanceOf(db, fundOf(project.id))).toBe(5000);
      expect(await traceDonation(db, d.id)).toMatchObject({ unspentFen: 5000 });
      // Reported again, nothing more moves.
      await refund(pi, 're_2', 5000);
      await fail(pi, 're_1', 8000);
      expect(await balanceOf(db, fundOf(project.id))).toBe(5000);
      // The ¥50 fails too: both of its entries are reversed, the gift is whole again.
      await fail(pi, 're_2', 5000);
      expect(await donationRow(db, d.id)).toMatchObject({ status: 'paid', refundedFen: 0 });
      expect(await balanceOf(db, fundOf(project.id))).toBe(10000);
      expect(await entriesFor(db, d.id, 'reversal')).toBe(3);
      expect(await verifyBalances(db, [fundOf(project.id), accountCodes.refunds])).toEqual([]);
      expect(await verifyInflows(db, [fundOf(project.id)])).toEqual([]);
    });

    it('a refund with nothing left to book while another counted is booked in full when that one fails', async () => {
      const d = await newPendingDonation(db, { projectId: null, amountFen: 5000 });
      const pi = `pi_${randomUUID()}`;
      await pay(d.id, pi, 5000);
      await refund(pi, 're_1', 5000);
      await refund(pi, 're_2', 2000); // nothing left to book
      await fail(pi, 're_1', 5000);
      expect(await donationRow(db, d.id)).toMatchObject({ status: 'partially_refunded', refundedFen: 2000 });
      expect(await movedOn(db, d.id, accountCodes.generalFund)).toBe(5000 - 2000);
      await fail(pi, 're_2', 2000);
      expect(await donationRow(db, d.id)).toMatchObject({ status: 'paid', refundedFen: 0 });
      expect(await movedOn(db, d.id, accountCodes.generalFund)).toBe(5000);
    });

    it('a refund reported failed before it was reported at all, or while it waited for its payment, is never booked', async () => {
      const project = await newProject(db);
      const [first, second] = [await newPendingDonation(db, { projectId: project.id }), await newPendingDonation(db, { projectId: project.id })];
      const [pi1, pi2] = [`pi_${randomUUID()}`, `pi_${randomUUID()}`];
      await pay(first.id, pi1);
      await fail(pi1, 're_1', 3000);
      await refund(pi1, 're_1', 3000); // its "created", delivered late
      await refund(pi2, 're_2', 3000); // ahead of its payment
      await fail(pi2, 're_2', 3000);
      await pay(second.id, pi2);
      for (const d of [first, second]) {
        expect(await donationRow(db, d.id)).toMatchObject({ status: 'paid', refundedFen: 0 });
        expect(await entriesFor(db, d.id, 'refund')).toBe(0);
      }
      expect(await balanceOf(db, fundOf(project.id))).toBe(20000);
    });

    it('two deliveries of the same failure at once reverse it once', async () => {
      const project = await newProject(db);
      const d = await newPendingDonation(db, { projectId: project.id });
      const pi = `pi_${randomUUID()}`;
      await pay(d.id, pi);
      await refund(pi, 're_1', 3000);
      await Promise.all([fail(pi, 're_1', 3000), fail(pi, 're_1', 3000), fail(pi, 're_1', 3000)]);
      expect(await entriesFor(db, d.id, 'reversal')).toBe(1);
      expect(await balanceOf(db, fundOf(project.id))).toBe(10000);
      const [kept] = await db.select().from(refunds).where(eq(refunds.refundId, `${pi}:re_1`));
      expect(kept).toMatchObject({ failed: true, bookedFen: 3000 });
    });
  });

  it('a refund booked before refunds were kept by id, reported again, is not booked twice', async () => {
    const project = await newProject(db);
    const d = await newPendingDonation(db, { projectId: project.id });
    const pi = `pi_${randomUUID()}`;
    await pay(d.id, pi);
    // What the running-total bookkeeping left: the gift refunded ¥30, its entry posted, no row naming the refund.
    await db.transaction(async (tx) => {
      await tx.update(donations).set({ refundedFen: 3000, status: 'partially_refunded' }).where(eq(donations.id, d.id));
      await postOutOfGift(tx, 'refund', { id: d.id, projectId: project.id, certificateNo: null }, 3000);
    });
    await refund(pi, 're_old', 3000); // Stripe reports that refund again, by its id, after the upgrade
    expect((await donationRow(db, d.id)).refundedFen).toBe(3000);
    expect(await entriesFor(db, d.id, 'refund')).toBe(1);
    await fail(pi, 're_old', 3000); // it fails: shown to the administrators, not reversed (it has no entry of its own)
    await refund(pi, 're_new', 2000); // a new refund is booked all the same
    expect((await donationRow(db, d.id)).refundedFen).toBe(5000);
    expect(await balanceOf(db, fundOf(project.id))).toBe(5000);
  });
});
