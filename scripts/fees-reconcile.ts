import { createDb } from '@/db/client';
import { stripeConfigFromEnv } from '@/lib/payments/stripe/client';
import { reconcileStripeFees } from '@/lib/payments/stripe/webhook';

/**
 * npm run fees:reconcile — books the fees Stripe kept of paid gifts whose fee is still due. The app does this after
 * webhook deliveries at most once a minute; run this on a schedule too (every ten minutes, say), so the last gifts
 * of a quiet day get their fee without waiting for the next delivery.
 */
async function main() {
  const url = process.env.DATABASE_URL;
  const config = stripeConfigFromEnv();
  if (!url || !config) {
    console.error('Needs DATABASE_URL and the Stripe keys (STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET) of the deployment.');
    process.exit(1);
  }
  const { db, close } = createDb(url, 2);
  let total = { booked: 0, waiting: 0 };
  for (let run = await reconcileStripeFees(db, config); ; run = await reconcileStripeFees(db, config)) {
    total = { booked: total.booked + run.booked, waiting: total.waiting + run.waiting };
    if (run.booked === 0) break;
  }
  await close();
  console.log(`Fees booked: ${total.booked}; still waiting for Stripe: ${total.waiting}.`);
}

main().catch((e) => {
  console.error(`Fees not reconciled: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
