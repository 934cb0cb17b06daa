import type Stripe from 'stripe';
import type { DuePayment, FeeLookup } from '@/lib/donations/fee';

/** Balance transactions created this long before the first payment asked about, or after the last, are looked at too. */
const slackSeconds = { before: 3600, after: 600 };
/** A look-up reads at most this many pages of a hundred; what it did not reach is asked for next time. */
const maxPages = 100;
/** A payment not found in the list after this many tries is asked about on its own. */
const listTries = 3;

/**
 * Stripe's fees for many payments at once: the balance transactions created around their payments, a hundred a
 * page with each one's charge, matched by payment intent. A payment the list has missed a few times (a charge
 * outside the window) is asked about on its own; if that fails, it waits for a later run.
 */
export function stripeFeeLookup(stripe: Stripe): FeeLookup {
  return async (payments) => {
    const listed = payments.filter((p) => p.attempts < listTries);
    const fees = listed.length > 0 ? await listedFees(stripe, listed) : new Map<string, number>();
    for (const p of payments.filter((p) => p.attempts >= listTries)) {
      // One payment Stripe will not tell about (an error, a payment it does not have) waits alone: it must not hold up the others.
      const fee = await feeOfPayment(stripe, p.providerPaymentId).catch((error: Error) => {
        console.warn(`Stripe fee of ${p.providerPaymentId} not looked up: ${error.message}`);
        return null;
      });
      if (fee !== null) fees.set(p.providerPaymentId, fee);
    }
    return fees;
  };
}

async function listedFees(stripe: Stripe, payments: DuePayment[]): Promise<Map<string, number>> {
  const wanted = new Set(payments.map((p) => p.providerPaymentId));
  const times = payments.map((p) => Math.floor(p.paidAt.getTime() / 1000));
  const created = { gte: Math.min(...times) - slackSeconds.before, lte: Math.max(...times) + slackSeconds.after };
  const fees = new Map<string, number>();
  let read = 0;
  for await (const balance of stripe.balanceTransactions.list({ created, limit: 100, expand: ['data.source'] })) {
    const charge = balance.source;
    const intent = charge && typeof charge !== 'string' && charge.object === 'charge' ? charge.payment_intent : null;
    const id = typeof intent === 'string' ? intent : intent?.id;
    const fee = feeInCny(balance);
    if (id && wanted.has(id) && fee !== null) fees.set(id, fee);
    if (fees.size === wanted.size || ++read >= maxPages * 100) break;
  }
  return fees;
}

/** One payment's fee, from its latest charge's balance transaction; null while Stripe has none yet. */
export async function feeOfPayment(stripe: Stripe, paymentIntentId: string): Promise<number | null> {
  const intent = await stripe.paymentIntents.retrieve(paymentIntentId, { expand: ['latest_charge.balance_transaction'] });
  const charge = intent.latest_charge;
  const balance = charge && typeof charge !== 'string' ? charge.balance_transaction : null;
  return balance && typeof balance !== 'string' ? feeInCny(balance) : null;
}

/**
 * A balance transaction's fee in fen of CNY: as it is when the account settles in CNY, else converted back with its
 * `exchange_rate` (which turns the charge's currency into the balance's); null when it cannot be converted.
 */
function feeInCny(balance: Pick<Stripe.BalanceTransaction, 'fee' | 'currency' | 'exchange_rate'>): number | null {
  if (balance.currency === 'cny') return balance.fee;
  return balance.exchange_rate ? Math.round(balance.fee / balance.exchange_rate) : null;
}
