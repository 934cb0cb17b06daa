import { after } from 'next/server';
import { getDb } from '@/db/client';
import { stripeConfigFromEnv } from '@/lib/payments/stripe/client';
import { dueHere } from '@/lib/jobs';
import { handleStripeWebhook, reconcileStripeFeesInTurn, stripeFeesJob } from '@/lib/payments/stripe/webhook';

// Stripe signs the exact bytes it sent: Node runtime, body read raw, never parsed before verification.
export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function POST(req: Request): Promise<Response> {
  const config = stripeConfigFromEnv();
  if (!config) return Response.json({ error: 'Stripe is not configured' }, { status: 404 });
  const result = await handleStripeWebhook(getDb(), await req.text(), req.headers.get('stripe-signature'), config);
  if (result.status === 400) return Response.json({ error: result.error }, { status: 400 });
  // Stripe's fees, after the answer, in the job's turn: checked in memory first, as `after` itself is not free.
  if (dueHere(stripeFeesJob.name, stripeFeesJob.everySeconds)) after(() => reconcileStripeFeesInTurn(getDb(), config));
  return Response.json({ received: true, outcome: result.outcome }, { status: 200 });
}
