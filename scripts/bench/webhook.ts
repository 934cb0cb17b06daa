import { randomBytes, randomUUID } from 'node:crypto';
import postgres from 'postgres';
import Stripe from 'stripe';
import { createDb } from '@/db/client';
import { verifyBalances, verifyChain, verifyInflows } from '@/lib/ledger/verify';
import type { StripeConfig } from '@/lib/payments/stripe/client';
import { paidSession, signedEvent } from '@/lib/payments/stripe/testing/events';
import { reconcileStripeFees } from '@/lib/payments/stripe/webhook';
import { measure, type RequestPlan, type Result } from './load';
import { checkpoint } from './app';
import { benchFeeFen } from './stripe-stand-in';

const signer = new Stripe('sk_test_bench_signer');
/** Stripe refuses signatures older than 5 minutes; a delivery re-signs one older than this, as Stripe signs each attempt. */
const resignAfterMs = 4 * 60 * 1000;
const duplicateShare = 0.1;

type Delivery = { id: string; donationId: string; paymentIntent: string; payload: string; signature: string; signedAt: number };

/**
 * Pending Stripe donations shaped as startDonation leaves them (provider 'stripe', a checkout session id, an
 * intent key), and for each one the signed checkout.session.completed event Stripe would send once paid.
 */
async function preparePool(sql: postgres.Sql, run: string, size: number, secret: string): Promise<Delivery[]> {
  const projects = await sql<{ id: string }[]>`select id from projects where status = 'active' order by sort_order`;
  const rows = Array.from({ length: size }, (_, i) => ({
    id: randomUUID(),
    project_id: projects[i % projects.length].id,
    amount_fen: 1000 + (i % 200) * 500,
    display_name: '压测捐赠人',
    provider: 'stripe',
    provider_session_id: `cs_bench_${run}_${i}`,
    intent_key: `bench:${run}:${i}`,
  }));
  for (let i = 0; i < rows.length; i += 1000) await sql`insert into donations ${sql(rows.slice(i, i + 1000))}`;
  return rows.map((d, i) => {
    const session = paidSession(d.id, d.amount_fen, `pi_bench_${run}_${i}`, { id: d.provider_session_id });
    const { payload, signature } = signedEvent('checkout.session.completed', session, { id: `evt_bench_${run}_${i}`, secret });
    return { id: `evt_bench_${run}_${i}`, donationId: d.id, paymentIntent: `pi_bench_${run}_${i}`, payload, signature, signedAt: Date.now() };
  });
}

function outcomeOf(body: string): string {
  try {
    return (JSON.parse(body) as { outcome?: string }).outcome ?? '?';
  } catch {
    return 'unreadable';
  }
}

/** Stripe's side: a payment it charged (before its webhook tells of it), and how to reach it. */
type StripeSide = { charge: (paymentIntent: string) => void; config: StripeConfig };

function webhookPlan(pool: Delivery[], stripe: StripeSide) {
  const secret = stripe.config.webhookSecret;
  const handedOut: number[] = [];
  const answered = new Set<number>();
  /** Events answered "applied" (more than once would be a double credit seen from outside). */
  const applied = new Map<number, number>();
  const tally = { sent: 0, resent: 0, exhausted: false, outcomes: {} as Record<string, number>, statuses: {} as Record<string, number> };
  const fresh = (d: Delivery) => {
    if (Date.now() - d.signedAt > resignAfterMs) {
      d.signature = signer.webhooks.generateTestHeaderString({ payload: d.payload, secret });
      d.signedAt = Date.now();
    }
    return d;
  };
  const plan: RequestPlan = {
    method: 'POST',
    path: '/api/stripe/webhook',
    setupRequest: (req, context) => {
      // About one delivery in ten repeats an event already sent (Stripe delivers at least once, sometimes twice).
      const repeat = handedOut.length > 0 && (Math.random() < duplicateShare || handedOut.length === pool.length);
      if (handedOut.length === pool.length) tally.exhausted = true;
      const index = repeat ? handedOut[Math.floor(Math.random() * handedOut.length)] : handedOut.push(handedOut.length) - 1;
      if (!repeat) stripe.charge(pool[index].paymentIntent);
      tally.sent++;
      if (repeat) tally.resent++;
      (context as { index?: number }).index = index;
      const d = fresh(pool[index]);
      return { ...req, body: d.payload, headers: { ...req.headers, 'content-type': 'application/json', 'stripe-signature': d.signature } };
    },
    onResponse: (status, body, context) => {
      tally.statuses[status] = (tally.statuses[status] ?? 0) + 1;
      if (status !== 200) return;
      const index = (context as { index: number }).index;
      answered.add(index);
      const outcome = outcomeOf(body);
      if (outcome === 'applied') applied.set(index, (applied.get(index) ?? 0) + 1);
      tally.outcomes[outcome] = (tally.outcomes[outcome] ?? 0) + 1;
    },
  };
  return { plan, handedOut, answered, applied, tally, fresh };
}

/**
 * Loads the webhook with distinct signed events (plus ~10% repeats), re-delivers any cut off without an answer
 * at the end of a run (as Stripe retries), then checks that every event sent was applied exactly once, and —
 * once the fees the server had not reconciled yet are (as `npm run fees:reconcile` would) — that every paid gift
 * has Stripe's fee booked once.
 */
export async function measureWebhook(base: string, url: string, seconds: number, poolSize: number, stripe: StripeSide): Promise<Result & { verification: object }> {
  const sql = postgres(url, { max: 2, onnotice: () => {} });
  const run = randomBytes(4).toString('hex');
  const pool = await preparePool(sql, run, poolSize, stripe.config.webhookSecret);
  await checkpoint(sql);
  const { plan, handedOut, answered, applied, tally, fresh } = webhookPlan(pool, stripe);
  const result = await measure('POST /api/stripe/webhook', 'webhook', [{ base, route: '/api/stripe/webhook', plan }], seconds);
  await new Promise((r) => setTimeout(r, 3000));

  let redelivered = 0;
  for (const index of handedOut.filter((i) => !answered.has(i))) {
    const d = fresh(pool[index]);
    const res = await fetch(`${base}/api/stripe/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': d.signature }, body: d.payload });
    const outcome = outcomeOf(await res.text());
    tally.statuses[res.status] = (tally.statuses[res.status] ?? 0) + 1;
    if (res.status !== 200) continue;
    answered.add(index);
    if (outcome === 'applied') applied.set(index, (applied.get(index) ?? 0) + 1);
    tally.outcomes[outcome] = (tally.outcomes[outcome] ?? 0) + 1;
    redelivered++;
  }

  const delivered = new Set(handedOut);
  const ids = pool.map((d) => d.donationId);
  const [{ events }] = await sql<{ events: number }[]>`select count(*)::int as events from payment_events where provider = 'stripe' and event_id like ${`evt_bench_${run}_%`}`;
  const paid = await sql<{ id: string }[]>`select id from donations where id = any(${ids}) and status = 'paid'`;
  const [{ entries, doubled }] = await sql<{ entries: number; doubled: number }[]>`
    select coalesce(sum(n), 0)::int as entries, count(*) filter (where n > 1)::int as doubled
    from (select count(*) as n from journal_entries where kind = 'donation' and donation_id = any(${ids}) group by donation_id) e`;
  // The events never sent leave their donations pending: removed, so runs do not pile up abandoned checkouts.
  const unsent = pool.filter((_, i) => !delivered.has(i)).map((d) => d.donationId);
  for (let i = 0; i < unsent.length; i += 5000) await sql`delete from donations where id = any(${unsent.slice(i, i + 5000)}) and status = 'pending'`;
  const paidIds = new Set(paid.map((p) => p.id));
  const paidAreDelivered = [...delivered].every((i) => paidIds.has(pool[i].donationId)) && paidIds.size === delivered.size;

  const { db, close } = createDb(url, 2);
  const feesBooked = async () => {
    const [f] = await sql<{ booked: number; right: number; due: number }[]>`
      select count(*) filter (where fee_fen > 0)::int as booked, count(*) filter (where fee_fen = ${benchFeeFen})::int as "right",
        (select count(*) from fees_due where donation_id = any(${ids}))::int as due
      from donations where id = any(${ids})`;
    return f;
  };
  const byServer = await feesBooked();
  const reconcileStarted = Date.now();
  // What is still due, reconciled here; a run that finds nothing to book waits for one the server has under way.
  for (let tries = 0; tries < 60 && (await feesBooked()).due > 0; tries++) {
    if ((await reconcileStripeFees(db, stripe.config)).booked === 0) await new Promise((r) => setTimeout(r, 1000));
  }
  const [{ feeEntries }] = await sql<{ feeEntries: number }[]>`
    select count(*)::int as "feeEntries" from journal_entries where kind = 'fee' and donation_id = any(${ids})`;
  const reconcileSeconds = (Date.now() - reconcileStarted) / 1000;
  const fees = { ...(await feesBooked()), feeEntries, bookedByServerDuringRun: byServer.booked, reconcileSeconds };
  await sql.end();
  const feesOk = fees.booked === paidIds.size && fees.right === paidIds.size && fees.due === 0 && fees.feeEntries === paidIds.size;

  const started = Date.now();
  const chain = await verifyChain(db);
  const mismatches = [...(await verifyBalances(db)), ...(await verifyInflows(db))];
  await close();
  const ledgerOk = chain.firstBrokenEntryId === null && mismatches.length === 0;

  const v = {
    poolSize, sent: tally.sent, repeats: tally.resent, distinctEvents: delivered.size, unanswered: delivered.size - answered.size, redelivered,
    poolExhausted: tally.exhausted, statuses: tally.statuses, outcomes: tally.outcomes, paymentEventsRecorded: events, donationsPaid: paidIds.size,
    donationEntries: entries, donationsWithTwoEntries: doubled, fees, ledger: { chainEntries: chain.entries, chainProblem: chain.problem, mismatches, seconds: Math.round((Date.now() - started) / 1000) },
  };
  const appliedTwice = [...applied.values()].filter((n) => n > 1).length;
  const ok =
    !tally.exhausted && v.unanswered === 0 && events === delivered.size && paidAreDelivered && entries === delivered.size && doubled === 0 &&
    appliedTwice === 0 && feesOk && ledgerOk;
  const detail =
    `${delivered.size} distinct events (+${tally.resent} repeats, ${redelivered} re-delivered after the runs): ${events} recorded, ${paidIds.size} donations paid` +
    `${paidAreDelivered ? ' (exactly those sent)' : ' (NOT the ones sent)'}, ${entries} ledger entries, ${doubled} doubled; ${appliedTwice} events answered "applied" twice; ` +
    `Stripe's fee booked once on ${fees.feeEntries} (${fees.bookedByServerDuringRun} by the server after its answers, the rest reconciled after the run in ${reconcileSeconds.toFixed(1)} s)${feesOk ? '' : ' — FEES WRONG'}; ` +
    `ledger ${ledgerOk ? 'balanced, chain intact' : `BROKEN (${chain.problem ?? ''} ${mismatches.length} mismatches)`}${tally.exhausted ? '; RAN OUT of fresh events' : ''}`;
  console.log(`  verification: ${detail}`);
  return { ...result, checks: { ok, detail }, verification: v };
}
