import { randomUUID } from 'node:crypto';
import { env } from '@/lib/env';
import type { PaymentProvider } from '../provider';

/**
 * The demo processor (演示模式): no money moves. Checkout is a local, clearly labelled confirmation page;
 * refunds and cancellations settle at once and go through the same event path as Stripe's webhook.
 */
export function demoPaymentsAllowed(): boolean {
  const e = env();
  return e.NODE_ENV !== 'production' || e.DEMO_PAYMENTS;
}

export function createDemoProvider(): PaymentProvider {
  if (!demoPaymentsAllowed()) throw new Error('the demo processor is refused in production unless DEMO_PAYMENTS=1');
  return {
    name: 'demo',
    async createCheckout(request) {
      const sessionId = `demo_cs_${randomUUID()}`;
      return { sessionId, redirectUrl: `/donate/demo/${sessionId}` };
    },
    async refund(request) {
      return {
        eventId: `demo:refund:${request.idempotencyKey}`,
        type: 'refund',
        event: {
          kind: 'refund',
          providerPaymentId: request.providerPaymentId ?? `demo_pi_${request.donationId}`,
          refundId: `demo_re_${request.idempotencyKey}`,
          amountFen: request.amountFen,
          failed: false,
        },
      };
    },
    async cancelSubscription(subscriptionId) {
      return { eventId: `demo:cancel:${subscriptionId}`, type: 'subscription_cancel', event: { kind: 'plan_ended', subscriptionId } };
    },
  };
}
