import { randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { feesDue } from '@/db/schema';
import { useTestDb } from '@/db/test-db';
import { applyPaymentEvent } from './apply-event';
import { bookFees } from './fee';
import { fulfilDonation, fulfilDonations } from './fulfil';
import { balanceOf, donationRow, entriesFor, fundOf, newPendingDonation, newProject } from './testing/fixtures';

const db = useTestDb();
const paid = (donationId: string, amountFen = 10000) => ({
  kind: 'checkout_paid' as const,
  donationId,
  providerPaymentId: `demo_pi_${donationId}`,
  amountFen,
  paidAt: new Date(),
});

describe('fulfilment', () => {
  it('credits a donation once however often it is called, and numbers its certificate', async () => {
    const project = await newProject(db);
    const d = await newPendingDonation(db, { projectId: project.id, amountFen: 12345 });
    expect(await fulfilDonation(db, d.id, { providerPaymentId: 'pi_1' })).toBe(true);
    expect(await fulfilDonation(db, d.id, { providerPaymentId: 'pi_1' })).toBe(false);
    const row = await donationRow(db, d.id);
    expect(row.status).toBe('paid');
    expect(row.certificateNo).toMatch(/^AZJB-\d{4}-\d{6}$/);
    expect(await entriesFor(db, d.id, 'donation')).toBe(1);
    expect(await balanceOf(db, fundOf(project.id))).toBe(12345);
  });

  it('credits once when twenty confirmations race', async () => {
    const project = await newProject(db);
    const d = await newPendingDonation(db, { projectId: project.id });
    const results = await Promise.all(Array.from({ length: 20 }, () => fulfilDonation(db, d.id, {})));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await entriesFor(db, d.id, 'donation')).toBe(1);
    expect(await balanceOf(db, fundOf(project.id))).toBe(10000);
  });

  it('credits a batch of confirmations at once: each donation once, mismatches and repeats refused, certificates in order', async () => {
    const project = await newProject(db);
    const [a, b, c] = await Promise.all([12, 34, 56].map((fen) => newPendingDonation(db, { projectId: project.id, amountFen: fen })));
    const done = await fulfilDonations(db, [
      { donationId: a.id },
      { donationId: b.id, expected: { provider: 'demo', amountFen: 35 } },
      { donationId: a.id },
      { donationId: c.id, confirmation: { feeFollows: true } },
      { donationId: 'not-a-donation-id' },
    ]);
    expect(done).toEqual([true, false, false, true, false]);
    const [rowA, rowB, rowC] = await Promise.all([a, b, c].map((d) => donationRow(db, d.id)));
    expect([rowA.status, rowB.status, rowC.status]).toEqual(['paid', 'pending', 'paid']);
    expect(rowA.certificateNo! < rowC.certificateNo!).toBe(true);
    expect(await entriesFor(db, a.id, 'donation')).toBe(1);
    expect(await db.select().from(feesDue).where(inArray(feesDue.donationId, [a.id, c.id]))).toMatchObject([{ donationId: c.id }]);
    expect(await balanceOf(db, fundOf(project.id))).toBe(12 + 56);
  });

  it("books a processor's fee learnt later once, out of the gift, and ends its wait (also for a fee of nothing)", async () => {
    const project = await newProject(db);
    const [d, free] = await Promise.all([newPendingDonation(db, { projectId: project.id }), newPendingDonation(db, { projectId: project.id })]);
    await fulfilDonations(db, [d, free].map((g) => ({ donationId: g.id, confirmation: { feeFollows: true } })));
    const fees = [{ donationId: d.id, feeFen: 60 }, { donationId: free.id, feeFen: 0 }];
    const once = await Promise.all([bookFees(db, fees), bookFees(db, fees)]);
    expect(once.sort()).toEqual([0, 1]);
    expect(await entriesFor(db, d.id, 'fee')).toBe(1);
    expect(await entriesFor(db, free.id, 'fee')).toBe(0);
    expect(await balanceOf(db, fundOf(project.id))).toBe(2 * 10000 - 60);
    expect(await db.select().from(feesDue).where(inArray(feesDue.donationId, [d.id, free.id]))).toHaveLength(0);
  });

  it('records each event id once: a repeated event changes nothing', async () => {
    const project = await newProject(db);
    const d = await newPendingDonation(db, { projectId: project.id });
    const eventId = `evt_${randomUUID()}`;
    expect(await applyPaymentEvent(db, 'demo', eventId, 'checkout.paid', paid(d.id))).toBe('applied');
    expect(await applyPaymentEvent(db, 'demo', eventId, 'checkout.paid', paid(d.id))).toBe('duplicate');
    // A different event for the same payment is harmless too.
    expect(await applyPaymentEvent(db, 'demo', `evt_${randomUUID()}`, 'checkout.paid', paid(d.id))).toBe('applied');
    expect(await entriesFor(db, d.id, 'donation')).toBe(1);
  });

  it('refuses an event whose amount or processor does not match the donation', async () => {
    const project = await newProject(db);
    const d = await newPendingDonation(db, { projectId: project.id });
    await applyPaymentEvent(db, 'demo', `evt_${randomUUID()}`, 'checkout.paid', paid(d.id, 1));
    await applyPaymentEvent(db, 'stripe', `evt_${randomUUID()}`, 'checkout.paid', paid(d.id));
    expect((await donationRow(db, d.id)).status).toBe('pending');
    expect(await balanceOf(db, fundOf(project.id))).toBe(0);
  });

  it('an async payment that fails ends failed, and a late "paid" does not revive it', async () => {
    const project = await newProject(db);
    const d = await newPendingDonation(db, { projectId: project.id });
    await applyPaymentEvent(db, 'demo', `evt_${randomUUID()}`, 'failed', { kind: 'checkout_failed', donationId: d.id, sessionId: `cs_${randomUUID()}` });
    await applyPaymentEvent(db, 'demo', `evt_${randomUUID()}`, 'checkout.paid', paid(d.id));
    const row = await donationRow(db, d.id);
    expect(row.status).toBe('failed');
    expect(row.certificateNo).toBeNull();
    expect(await balanceOf(db, fundOf(project.id))).toBe(0);
  });

  it('an expired checkout ends expired and credits nothing', async () => {
    const session = `cs_${randomUUID()}`;
    const d = await newPendingDonation(db, { projectId: null, providerSessionId: session });
    await applyPaymentEvent(db, 'demo', `evt_${randomUUID()}`, 'expired', { kind: 'checkout_expired', donationId: d.id, sessionId: session });
    expect((await donationRow(db, d.id)).status).toBe('expired');
    expect(await entriesFor(db, d.id, 'donation')).toBe(0);
  });

  it('an earlier session expiring does not close the checkout the donor came back to and pays', async () => {
    const project = await newProject(db);
    const [first, second] = [`cs_${randomUUID()}`, `cs_${randomUUID()}`];
    const d = await newPendingDonation(db, { projectId: project.id, providerSessionId: second });
    await applyPaymentEvent(db, 'demo', `evt_${randomUUID()}`, 'expired', { kind: 'checkout_expired', donationId: d.id, sessionId: first });
    await applyPaymentEvent(db, 'demo', `evt_${randomUUID()}`, 'failed', { kind: 'checkout_failed', donationId: d.id, sessionId: first });
    expect((await donationRow(db, d.id)).status).toBe('pending');
    await applyPaymentEvent(db, 'demo', `evt_${randomUUID()}`, 'checkout.paid', paid(d.id));
    expect((await donationRow(db, d.id)).status).toBe('paid');
    expect(await balanceOf(db, fundOf(project.id))).toBe(10000);
  });
});
