import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { donations, recurringPlans, refunds } from '@/db/schema';
import { useTestDb } from '@/db/test-db';
import { requestRefund } from '@/lib/donations/admin-refund';
import { applyPaymentEvent } from '@/lib/donations/apply-event';
import { fulfilDonation } from '@/lib/donations/fulfil';
import { donationFormSchema } from '@/lib/donations/input';
import { cancelOwnPlan } from '@/lib/donations/plans';
import { startDonation } from '@/lib/donations/start';
import { thanksToken } from '@/lib/donations/thanks-link';
import { newPendingDonation, newProject, newUser } from '@/lib/donations/testing/fixtures';
import { activeProvider } from '@/lib/payments';
import { useStripeStandIn } from './testing/stand-in';
import { testWebhookSecret } from './testing/events';

const db = useTestDb();
const stripe = useStripeStandIn(testWebhookSecret, { PAYMENT_METHODS: 'card,alipay,wechat_pay' });

const limits = { minFen: 100, maxFen: 5_000_000 };
const deps = () => ({ provider: activeProvider(), baseUrl: 'https://give.example.org' });
const last = (path: string) => stripe().requests.filter((r) => r.path === path).at(-1)!;

describe('Stripe Checkout, through the real stripe client against a stand-in', () => {
  it('creates a one-off session in CNY fen with card, Alipay and WeChat Pay, keyed to the donation', async () => {
    const project = await newProject(db);
    const input = donationFormSchema(limits).parse({ intent: randomUUID(), project: project.slug, preset: '100' });
    const started = await startDonation(db, null, input, deps());
    const req = last('/v1/checkout/sessions');
    const f = req.form;
    expect(req.method).toBe('POST');
    expect(req.headers.authorization).toBe('Bearer sk_test_standin');
    expect(req.headers['idempotency-key']).toBe(`checkout:${started.donationId}`);
    expect(f.mode).toBe('payment');
    expect(f['line_items[0][price_data][currency]']).toBe('cny');
    expect(f['line_items[0][price_data][unit_amount]']).toBe('10000');
    expect(f['line_items[0][quantity]']).toBe('1');
    expect([f['allowed_payment_method_types[0]'], f['allowed_payment_method_types[1]'], f['allowed_payment_method_types[2]']]).toEqual([
      'card',
      'alipay',
      'wechat_pay',
    ]);
    expect(f['payment_method_options[wechat_pay][client]']).toBe('web');
    expect(f.client_reference_id).toBe(started.donationId);
    expect(f['metadata[donation_id]']).toBe(started.donationId);
    expect(f['payment_intent_data[metadata][donation_id]']).toBe(started.donationId);
    expect(f.success_url).toBe(`https://give.example.org/donate/thanks/${started.donationId}?t=${thanksToken(started.donationId!)}`);
    expect(started.redirectUrl).toMatch(/^https:\/\/checkout\.stripe\.com\//);
    const [row] = await db.select().from(donations).where(eq(donations.id, started.donationId!));
    expect(row.providerSessionId).toMatch(/^cs_test_/);
    expect(row.provider).toBe('stripe');

    // The same form sent again: same donation, same idempotency key, so Stripe answers with the same session.
    const again = await startDonation(db, null, input, deps());
    expect(again.donationId).toBe(started.donationId);
    expect(again.redirectUrl).toBe(started.redirectUrl);
    expect(last('/v1/checkout/sessions').headers['idempotency-key']).toBe(`checkout:${started.donationId}`);
  });

  it('sets monthly giving up as a card-only subscription whose invoices name the plan', async () => {
    const donor = await newUser(db);
    const input = donationFormSchema(limits).parse({ intent: randomUUID(), project: 'general', frequency: 'monthly', preset: '50' });
    const { planId } = await startDonation(db, { userId: donor.id }, input, deps());
    const req = last('/v1/checkout/sessions');
    expect(req.headers['idempotency-key']).toBe(`plan-checkout:${planId}`);
    expect(req.form.mode).toBe('subscription');
    expect(req.form['allowed_payment_method_types[0]']).toBe('card');
    expect(req.form['allowed_payment_method_types[1]']).toBeUndefined();
    expect(req.form['line_items[0][price_data][recurring][interval]']).toBe('month');
    expect(req.form['line_items[0][price_data][unit_amount]']).toBe('5000');
    expect(req.form['line_items[0][price_data][currency]']).toBe('cny');
    expect(req.form['subscription_data[metadata][plan_id]']).toBe(planId);
    expect(req.form.client_reference_id).toBe(planId);
  });

  it("refunds through Stripe for an administrator only, booked from Stripe's answer; its webhook changes nothing", async () => {
    const [admin, donor] = [await newUser(db, 'admin'), await newUser(db, 'donor')];
    const project = await newProject(db);
    const d = await newPendingDonation(db, { projectId: project.id, provider: 'stripe' });
    const pi = `pi_${randomUUID()}`;
    await fulfilDonation(db, d.id, { providerPaymentId: pi });

    const before = stripe().requests.length;
    const form = { donationId: d.id, amountFen: 2500, intent: randomUUID(), reason: '重复捐赠' };
    await expect(requestRefund(db, { userId: donor.id }, form)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(requestRefund(db, null, form)).rejects.toMatchObject({ code: 'unauthenticated' });
    expect(stripe().requests.length).toBe(before);

    await requestRefund(db, { userId: admin.id }, form);
    const req = last('/v1/refunds');
    expect(req.form).toMatchObject({ payment_intent: pi, amount: '2500', 'metadata[donation_id]': d.id });
    expect(req.headers['idempotency-key']).toBe(`refund:${d.id}:${form.intent}`);
    const refunded = async () => (await db.select().from(donations).where(eq(donations.id, d.id)))[0].refundedFen;
    expect(await refunded()).toBe(2500); // booked at once, before any webhook
    const [booked] = await db.select().from(refunds).where(eq(refunds.donationId, d.id));
    expect(booked).toMatchObject({ providerPaymentId: pi, amountFen: 2500, bookedFen: 2500, failed: false });

    // Stripe's own report of the same refund, arriving afterwards, is the same refund.
    const report = { kind: 'refund', providerPaymentId: pi, refundId: booked.refundId, amountFen: 2500, failed: false } as const;
    await applyPaymentEvent(db, 'stripe', `evt_${randomUUID()}`, 'refund.created', report);
    expect(await refunded()).toBe(2500);

    // The same form again is not sent to Stripe again; a new form is a refund of its own.
    const sent = stripe().requests.length;
    await requestRefund(db, { userId: admin.id }, form);
    expect(stripe().requests.length).toBe(sent);
    const second = { ...form, intent: randomUUID() };
    await requestRefund(db, { userId: admin.id }, second);
    expect(last('/v1/refunds').headers['idempotency-key']).toBe(`refund:${d.id}:${second.intent}`);
    expect(await refunded()).toBe(5000);

    await expect(requestRefund(db, { userId: admin.id }, { ...form, intent: randomUUID(), amountFen: 5001 })).rejects.toMatchObject({
      fields: { amount: 'refund_too_much' },
    });
    // If Stripe later reports the first refund failed, it is reversed.
    await applyPaymentEvent(db, 'stripe', `evt_${randomUUID()}`, 'refund.failed', { ...report, failed: true });
    expect(await refunded()).toBe(2500);
  });

  it('a refund Stripe refuses outright is not booked, and the administrator is told so at the amount', async () => {
    const admin = await newUser(db, 'admin');
    const d = await newPendingDonation(db, { projectId: (await newProject(db)).id, provider: 'stripe' });
    const pi = `pi_${randomUUID()}`;
    await fulfilDonation(db, d.id, { providerPaymentId: pi });
    stripe().refusedRefunds.add(pi);
    const form = { donationId: d.id, amountFen: 4000, intent: randomUUID(), reason: '捐赠人申请' };
    await expect(requestRefund(db, { userId: admin.id }, form)).rejects.toMatchObject({ fields: { amount: 'refund_refused' } });
    const [row] = await db.select().from(donations).where(eq(donations.id, d.id));
    expect(row).toMatchObject({ refundedFen: 0, status: 'paid' });
    // Sent again, it is asked again (and refused again): no audit line claims it was done.
    const sent = stripe().requests.length;
    await expect(requestRefund(db, { userId: admin.id }, form)).rejects.toMatchObject({ fields: { amount: 'refund_refused' } });
    expect(stripe().requests.length).toBe(sent + 1);
  });

  it("cancels a donor's own subscription at Stripe, and nobody else's", async () => {
    const [donor, other] = [await newUser(db), await newUser(db)];
    const subscriptionId = `sub_${randomUUID()}`;
    const [plan] = await db
      .insert(recurringPlans)
      .values({ donorId: donor.id, amountFen: 2000, provider: 'stripe', status: 'active', providerSubscriptionId: subscriptionId })
      .returning();
    await expect(cancelOwnPlan(db, { userId: other.id }, plan.id)).rejects.toMatchObject({ code: 'not_found' });
    await cancelOwnPlan(db, { userId: donor.id }, plan.id);
    expect(last(`/v1/subscriptions/${subscriptionId}`).method).toBe('DELETE');
    const [row] = await db.select().from(recurringPlans).where(eq(recurringPlans.id, plan.id));
    expect(row.status).toBe('cancelled');
  });
});
