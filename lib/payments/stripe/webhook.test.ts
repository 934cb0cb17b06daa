import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { POST } from '@/app/api/stripe/webhook/route';
import { donations, feesDue, jobRuns, paymentEvents, recurringPlans } from '@/db/schema';
import { useTestDb } from '@/db/test-db';
import { balanceOf, donationRow, entriesFor, fundOf, newPendingDonation, newProject, newUser } from '@/lib/donations/testing/fixtures';
import { paidSession, signedEvent, stripeRefund, testWebhookSecret, webhookRequest } from './testing/events';
import { useStripeStandIn } from './testing/stand-in';
import { reconcileStripeFees, stripeFeesJob } from './webhook';
import { stripeConfigFromEnv } from './client';

// What the route leaves to after its answer (Next.js runs it after the response; called directly here, there is none).
const afterTasks = vi.hoisted(() => [] as (() => Promise<unknown>)[]);
vi.mock('next/server', async (actual) => ({ ...(await actual<object>()), after: (task: () => Promise<unknown>) => afterTasks.push(task) }));

const db = useTestDb();

// Invoice events make the webhook ask Stripe for the invoice's payment: the stand-in answers.
const stripe = useStripeStandIn(testWebhookSecret);
const config = () => stripeConfigFromEnv()!;

const deliver = async (event: { payload: string; signature: string }) => {
  const res = await POST(webhookRequest(event));
  return { status: res.status, body: await res.json() };
};
const stripeDonation = async (amountFen = 10000) => {
  const project = await newProject(db);
  return { project, donation: await newPendingDonation(db, { projectId: project.id, amountFen, provider: 'stripe' }) };
};

describe('the Stripe webhook route', () => {
  it('credits a paid donation exactly once, whether delivered three times or fifty at once', async () => {
    const { project, donation } = await stripeDonation();
    const event = signedEvent('checkout.session.completed', paidSession(donation.id, 10000, `pi_${randomUUID()}`));
    for (let i = 0; i < 3; i++) expect((await deliver(event)).status).toBe(200);
    const row = await donationRow(db, donation.id);
    expect(row.status).toBe('paid');
    expect(await entriesFor(db, donation.id, 'donation')).toBe(1);
    expect(await balanceOf(db, fundOf(project.id))).toBe(10000);

    const second = await stripeDonation(5000);
    const burst = signedEvent('checkout.session.completed', paidSession(second.donation.id, 5000, `pi_${randomUUID()}`));
    const results = await Promise.all(Array.from({ length: 50 }, () => deliver(burst)));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(results.filter((r) => r.body.outcome === 'applied')).toHaveLength(1);
    expect(results.filter((r) => r.body.outcome === 'duplicate')).toHaveLength(49);
    expect(await entriesFor(db, second.donation.id, 'donation')).toBe(1);
    expect(await balanceOf(db, fundOf(second.project.id))).toBe(5000);
  });

  it("books Stripe's fees after the webhook has answered: in one list call for many payments, once, converted from HKD", async () => {
    // A while after the earlier deliveries' turn: this instance tries again, and the shared turn is free.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 2 * stripeFeesJob.everySeconds * 1000 });
    onTestFinished(() => void vi.useRealTimers());
    await db.delete(jobRuns).where(eq(jobRuns.name, stripeFeesJob.name));
    afterTasks.length = 0;
    const cny = await stripeDonation();
    const hkd = await stripeDonation();
    const [piCny, piHkd] = [`pi_${randomUUID()}`, `pi_${randomUUID()}`];
    stripe().balances.set(piCny, { fee: 340, currency: 'cny', exchange_rate: null });
    // Settled in HKD: ¥100.00 at 1.08 HKD per CNY is HK$108.00; a fee of HK$3.89 is ¥3.60.
    stripe().balances.set(piHkd, { fee: 389, currency: 'hkd', exchange_rate: 1.08 });
    const ours = new Set(['/v1/balance_transactions', `/v1/payment_intents/${piCny}`, `/v1/payment_intents/${piHkd}`]);
    const calls = () => stripe().requests.filter((r) => ours.has(r.path)).length;
    const before = calls();
    await deliver(signedEvent('checkout.session.completed', paidSession(cny.donation.id, 10000, piCny)));
    await deliver(signedEvent('checkout.session.completed', paidSession(hkd.donation.id, 10000, piHkd)));
    // Answered without asking Stripe: the gifts are in their funds whole, their fees due.
    expect(calls()).toBe(before);
    expect((await donationRow(db, cny.donation.id)).feeFen).toBe(0);
    expect(await balanceOf(db, fundOf(cny.project.id))).toBe(10000);
    expect(await db.select().from(feesDue).where(eq(feesDue.donationId, cny.donation.id))).toHaveLength(1);

    // After its answer the route books what is due, in the job's turn: scheduled once, after the first delivery.
    expect(afterTasks).toHaveLength(1);
    await afterTasks.pop()!();
    expect(calls()).toBe(before + 1);
    expect((await donationRow(db, cny.donation.id)).feeFen).toBe(340);
    expect((await donationRow(db, hkd.donation.id)).feeFen).toBe(360);
    expect(await balanceOf(db, fundOf(cny.project.id))).toBe(10000 - 340);
    expect(await balanceOf(db, fundOf(hkd.project.id))).toBe(10000 - 360);
    expect(await db.select().from(feesDue).where(eq(feesDue.donationId, cny.donation.id))).toHaveLength(0);

    // Two reconcilers at once, and again: nothing more.
    await Promise.all([reconcileStripeFees(db, config()), reconcileStripeFees(db, config())]);
    expect(await entriesFor(db, cny.donation.id, 'fee')).toBe(1);
    expect(await balanceOf(db, fundOf(cny.project.id))).toBe(10000 - 340);
  });

  it('a fee Stripe cannot tell yet, or a failed look-up, waits and is booked on a later run', async () => {
    const { project, donation } = await stripeDonation();
    const pi = `pi_${randomUUID()}`;
    await deliver(signedEvent('checkout.session.completed', paidSession(donation.id, 10000, pi)));
    await reconcileStripeFees(db, config());
    const [waiting] = await db.select().from(feesDue).where(eq(feesDue.donationId, donation.id));
    expect(waiting.attempts).toBe(1);
    expect(waiting.nextTryAt.getTime()).toBeGreaterThan(Date.now());

    const due = () => db.update(feesDue).set({ nextTryAt: new Date(Date.now() - 1000) }).where(eq(feesDue.donationId, donation.id));
    await due();
    stripe().balances.set(pi, { fee: 60, currency: 'cny', exchange_rate: null });
    stripe().failing.add('/v1/balance_transactions');
    await expect(reconcileStripeFees(db, config())).rejects.toThrow();
    stripe().failing.delete('/v1/balance_transactions');
    expect(await balanceOf(db, fundOf(project.id))).toBe(10000);

    await reconcileStripeFees(db, config());
    expect((await donationRow(db, donation.id)).feeFen).toBe(60);
    expect(await balanceOf(db, fundOf(project.id))).toBe(10000 - 60);
  });

  it('a payment the list keeps missing is asked about on its own; one Stripe cannot tell about holds up no other', async () => {
    const [missed, unknown, listed] = [await stripeDonation(), await stripeDonation(), await stripeDonation()];
    const [pi, unknownPi, listedPi] = [`pi_${randomUUID()}`, `pi_${randomUUID()}`, `pi_${randomUUID()}`];
    for (const [d, p] of [[missed, pi], [unknown, unknownPi], [listed, listedPi]] as const) {
      await deliver(signedEvent('checkout.session.completed', paidSession(d.donation.id, 10000, p)));
    }
    // Its balance transaction dated far outside the window the list looks in.
    stripe().balances.set(pi, { fee: 75, currency: 'cny', exchange_rate: null, created: 1_000_000 });
    stripe().balances.set(listedPi, { fee: 50, currency: 'cny', exchange_rate: null });
    stripe().failing.add(`/v1/payment_intents/${unknownPi}`);
    const ids = [missed, unknown].map((d) => d.donation.id);
    await db.update(feesDue).set({ attempts: 3, nextTryAt: new Date(Date.now() - 1000) }).where(inArray(feesDue.donationId, ids));
    await reconcileStripeFees(db, config());
    expect(stripe().requests.some((r) => r.path === `/v1/payment_intents/${pi}`)).toBe(true);
    expect(await balanceOf(db, fundOf(missed.project.id))).toBe(10000 - 75);
    expect(await balanceOf(db, fundOf(listed.project.id))).toBe(10000 - 50);
    const [waiting] = await db.select().from(feesDue).where(eq(feesDue.donationId, unknown.donation.id));
    expect(waiting.attempts).toBe(4);
  });

  it('answers 400 to a bad signature and changes nothing', async () => {
    const { project, donation } = await stripeDonation();
    const id = `evt_${randomUUID()}`;
    const forged = signedEvent('checkout.session.completed', paidSession(donation.id, 10000, 'pi_forged'), { id, secret: 'whsec_not_ours' });
    expect((await deliver(forged)).status).toBe(400);
    const tampered = signedEvent('checkout.session.completed', paidSession(donation.id, 10000, 'pi_x'), { id });
    expect((await deliver({ payload: tampered.payload.replace('10000', '1'), signature: tampered.signature })).status).toBe(400);
    expect((await POST(new Request('http://localhost/api/stripe/webhook', { method: 'POST', body: tampered.payload }))).status).toBe(400);
    expect((await donationRow(db, donation.id)).status).toBe('pending');
    expect(await balanceOf(db, fundOf(project.id))).toBe(0);
    expect(await db.select().from(paymentEvents).where(and(eq(paymentEvents.provider, 'stripe'), eq(paymentEvents.eventId, id)))).toHaveLength(0);
  });

  it('answers 200 to an event type it does not handle, and ignores it', async () => {
    const res = await deliver(signedEvent('customer.created', { id: 'cus_1', object: 'customer' }));
    expect(res).toEqual({ status: 200, body: { received: true, outcome: 'ignored' } });
  });

  it('ends right when the refund arrives before the completion', async () => {
    const { project, donation } = await stripeDonation();
    const pi = `pi_${randomUUID()}`;
    await deliver(signedEvent('refund.created', stripeRefund(`re_${pi}`, pi, 10000, 'pending')));
    expect((await donationRow(db, donation.id)).status).toBe('pending');
    await deliver(signedEvent('checkout.session.completed', paidSession(donation.id, 10000, pi)));
    const row = await donationRow(db, donation.id);
    expect(row).toMatchObject({ status: 'refunded', refundedFen: 10000 });
    expect(await balanceOf(db, fundOf(project.id))).toBe(0);
  });

  it('books a partial refund once however many of its events arrive, then the rest', async () => {
    const { project, donation } = await stripeDonation();
    const pi = `pi_${randomUUID()}`;
    await deliver(signedEvent('checkout.session.completed', paidSession(donation.id, 10000, pi)));
    await deliver(signedEvent('refund.created', stripeRefund(`re_1_${pi}`, pi, 4000, 'pending')));
    await deliver(signedEvent('refund.updated', stripeRefund(`re_1_${pi}`, pi, 4000, 'succeeded')));
    await deliver(signedEvent('charge.refund.updated', stripeRefund(`re_1_${pi}`, pi, 4000, 'succeeded')));
    expect(await donationRow(db, donation.id)).toMatchObject({ status: 'partially_refunded', refundedFen: 4000 });
    expect(await balanceOf(db, fundOf(project.id))).toBe(6000);
    await deliver(signedEvent('refund.created', stripeRefund(`re_2_${pi}`, pi, 6000)));
    expect(await donationRow(db, donation.id)).toMatchObject({ status: 'refunded', refundedFen: 10000 });
    expect(await balanceOf(db, fundOf(project.id))).toBe(0);
  });

  it('puts a refund that failed back into the fund once, whichever failure event says so, and ignores the charge total', async () => {
    const { project, donation } = await stripeDonation();
    const pi = `pi_${randomUUID()}`;
    await deliver(signedEvent('checkout.session.completed', paidSession(donation.id, 10000, pi)));
    await deliver(signedEvent('refund.created', stripeRefund(`re_${pi}`, pi, 10000, 'pending')));
    expect(await balanceOf(db, fundOf(project.id))).toBe(0);
    const charge = { id: `ch_${randomUUID()}`, object: 'charge', amount: 10000, amount_refunded: 10000, currency: 'cny', payment_intent: pi };
    expect((await deliver(signedEvent('charge.refunded', charge))).body).toMatchObject({ outcome: 'ignored' });
    await deliver(signedEvent('refund.failed', stripeRefund(`re_${pi}`, pi, 10000, 'failed')));
    await deliver(signedEvent('charge.refund.updated', stripeRefund(`re_${pi}`, pi, 10000, 'failed')));
    await deliver(signedEvent('refund.updated', stripeRefund(`re_${pi}`, pi, 10000, 'succeeded'))); // older, late
    expect(await donationRow(db, donation.id)).toMatchObject({ status: 'paid', refundedFen: 0 });
    expect(await balanceOf(db, fundOf(project.id))).toBe(10000);
    expect(await entriesFor(db, donation.id, 'reversal')).toBe(1);
  });

  it('an async payment that fails: pending on completion, failed after, never credited', async () => {
    const { project, donation } = await stripeDonation();
    const session = paidSession(donation.id, 10000, `pi_${randomUUID()}`, { payment_status: 'unpaid' });
    expect((await deliver(signedEvent('checkout.session.completed', session))).body.outcome).toBe('ignored');
    expect((await donationRow(db, donation.id)).status).toBe('pending');
    await deliver(signedEvent('checkout.session.async_payment_failed', session));
    expect((await donationRow(db, donation.id)).status).toBe('failed');
    await deliver(signedEvent('checkout.session.async_payment_succeeded', { ...session, payment_status: 'paid' }));
    expect((await donationRow(db, donation.id)).status).toBe('failed');
    expect(await balanceOf(db, fundOf(project.id))).toBe(0);
  });

  it('an async payment that succeeds later is credited then; an expired session is expired', async () => {
    const { donation } = await stripeDonation();
    const session = paidSession(donation.id, 10000, `pi_${randomUUID()}`, { payment_status: 'unpaid' });
    await deliver(signedEvent('checkout.session.completed', session));
    await deliver(signedEvent('checkout.session.async_payment_succeeded', { ...session, payment_status: 'paid' }));
    expect((await donationRow(db, donation.id)).status).toBe('paid');

    const other = await stripeDonation();
    await deliver(signedEvent('checkout.session.expired', paidSession(other.donation.id, 10000, '', { payment_status: 'unpaid', status: 'expired', payment_intent: null })));
    expect((await donationRow(db, other.donation.id)).status).toBe('expired');
  });

  it('monthly giving: the plan starts, each paid invoice is one donation, and it ends when the subscription is deleted', async () => {
    const donor = await newUser(db);
    const project = await newProject(db);
    const [plan] = await db.insert(recurringPlans).values({ donorId: donor.id, projectId: project.id, amountFen: 2000, provider: 'stripe', displayName: '月捐人' }).returning();
    const subscription = `sub_${randomUUID()}`;
    const invoice = (n: number) => ({
      id: `in_${plan.id}_${n}`,
      object: 'invoice',
      currency: 'cny',
      amount_paid: 2000,
      status: 'paid',
      status_transitions: { paid_at: Math.floor(Date.now() / 1000) },
      parent: { type: 'subscription_details', subscription_details: { subscription, metadata: { plan_id: plan.id } } },
    });
    // The first invoice may come before the checkout's completion; both orders end the same.
    await deliver(signedEvent('invoice.paid', invoice(1)));
    await deliver(signedEvent('checkout.session.completed', { id: 'cs_sub', object: 'checkout.session', mode: 'subscription', client_reference_id: plan.id, subscription, payment_status: 'paid' }));
    // The second month's fee is booked once, though the event named no payment.
    stripe().balances.set(`pi_of_in_${plan.id}_2`, { fee: 40, currency: 'cny', exchange_rate: null });
    const month2 = signedEvent('invoice.paid', invoice(2));
    await deliver(month2);
    await deliver(month2);
    await reconcileStripeFees(db, config());
    const [active] = await db.select().from(recurringPlans).where(eq(recurringPlans.id, plan.id));
    expect(active).toMatchObject({ status: 'active', providerSubscriptionId: subscription });
    expect(await balanceOf(db, fundOf(project.id))).toBe(4000 - 40);

    await deliver(signedEvent('customer.subscription.deleted', { id: subscription, object: 'subscription', status: 'canceled' }));
    const [ended] = await db.select().from(recurringPlans).where(eq(recurringPlans.id, plan.id));
    expect(ended.status).toBe('cancelled');
  });
  it('a monthly gift refunded in Stripe reaches the ledger, though invoice.paid did not name its payment', async () => {
    const donor = await newUser(db);
    const project = await newProject(db);
    const [plan] = await db.insert(recurringPlans).values({ donorId: donor.id, projectId: project.id, amountFen: 3000, provider: 'stripe' }).returning();
    const invoice = (id: string) => ({
      id,
      object: 'invoice',
      currency: 'cny',
      amount_paid: 3000,
      status: 'paid',
      parent: { type: 'subscription_details', subscription_details: { subscription: `sub_${randomUUID()}`, metadata: { plan_id: plan.id } } },
    });
    const gift = async (invoiceId: string) => (await db.select().from(donations).where(eq(donations.providerInvoiceId, invoiceId)))[0];

    // Refund after: invoice.paid books the gift, the webhook finds its payment (the stand-in says pi_of_<invoice>).
    const first = `in_${randomUUID()}`;
    await deliver(signedEvent('invoice.paid', invoice(first)));
    expect(stripe().requests.some((r) => r.path === '/v1/invoice_payments' && r.form.invoice === first)).toBe(true);
    expect(await gift(first)).toMatchObject({ status: 'paid', providerPaymentId: `pi_of_${first}` });
    await deliver(signedEvent('refund.created', stripeRefund(`re_${first}`, `pi_of_${first}`, 3000)));
    expect(await gift(first)).toMatchObject({ status: 'refunded', refundedFen: 3000 });

    // Refund first: it waits, parked, and applies once the invoice's payment is known.
    const second = `in_${randomUUID()}`;
    await deliver(signedEvent('refund.created', stripeRefund(`re_${second}`, `pi_of_${second}`, 1000)));
    await deliver(signedEvent('invoice.paid', invoice(second)));
    expect(await gift(second)).toMatchObject({ status: 'partially_refunded', refundedFen: 1000 });
    expect(await balanceOf(db, fundOf(project.id))).toBe(2000);
  });
});
