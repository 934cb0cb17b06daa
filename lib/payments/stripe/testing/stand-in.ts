import { afterAll, beforeAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type CapturedRequest = {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  /** The form-encoded body as Stripe's client sent it, e.g. { 'line_items[0][price_data][currency]': 'cny' }. */
  form: Record<string, string>;
};

/**
 * A local stand-in for Stripe's API, for the real `stripe` client pointed at it with host/port/protocol. It
 * records every request and answers the few endpoints we call; like Stripe, it replays the first answer for a
 * repeated Idempotency-Key.
 */
export async function startStripeStandIn() {
  const requests: CapturedRequest[] = [];
  /**
   * A payment's balance transaction, by payment intent id, as a test sets it (none: not available yet); listed
   * newest first in the order set, `created` (Unix seconds) defaulting to the time of the request.
   */
  const balances = new Map<string, Balance>();
  /** Paths answered with a server error, as Stripe does now and then. */
  const failing = new Set<string>();
  /** Payment intents whose refunds Stripe refuses outright (answered with status "failed"). */
  const refusedRefunds = new Set<string>();
  const replies = new Map<string, string>();
  let n = 0;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://stand-in');
      const form = Object.fromEntries(new URLSearchParams(req.method === 'GET' ? url.search : body));
      requests.push({ method: req.method ?? '', path: url.pathname, headers: req.headers, form });
      const key = req.headers['idempotency-key'];
      const cached = typeof key === 'string' ? replies.get(`${url.pathname}:${key}`) : undefined;
      const reply = cached ?? JSON.stringify(answer(req.method ?? '', url.pathname, form, ++n, balances, refusedRefunds));
      if (typeof key === 'string') replies.set(`${url.pathname}:${key}`, reply);
      if (failing.has(url.pathname)) {
        res.writeHead(500, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ error: { type: 'api_error', message: 'stand-in failing on purpose' } }));
        return;
      }
      res.writeHead(url.pathname.startsWith('/v1/') ? 200 : 404, { 'Content-Type': 'application/json', 'Request-Id': `req_${n}` });
      res.end(reply);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    requests,
    balances,
    failing,
    refusedRefunds,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

type Balance = { fee: number; currency: string; exchange_rate: number | null; created?: number };

/** Balance transactions as Stripe lists them: newest first, within `created`, a page after `starting_after`. */
function balanceList(form: Record<string, string>, balances: Map<string, Balance>) {
  const now = Math.floor(Date.now() / 1000);
  const expand = Object.entries(form).some(([k, v]) => k.startsWith('expand') && v === 'data.source');
  const all = [...balances].reverse().map(([pi, b]) => {
    const charge = { id: `ch_of_${pi}`, object: 'charge', payment_intent: pi };
    return { id: `txn_of_${pi}`, object: 'balance_transaction', type: 'charge', ...b, created: b.created ?? now, source: expand ? charge : charge.id };
  });
  const inRange = all.filter((t) => t.created >= Number(form['created[gte]'] ?? -Infinity) && t.created <= Number(form['created[lte]'] ?? Infinity));
  const after = form.starting_after ? inRange.findIndex((t) => t.id === form.starting_after) + 1 : 0;
  const limit = Number(form.limit ?? 10);
  return { object: 'list', data: inRange.slice(after, after + limit), has_more: after + limit < inRange.length, url: '/v1/balance_transactions' };
}

function answer(method: string, path: string, form: Record<string, string>, n: number, balances: Map<string, Balance>, refusedRefunds: Set<string>): object {
  if (method === 'GET' && path === '/v1/balance_transactions') return balanceList(form, balances);
  if (method === 'GET' && path.startsWith('/v1/payment_intents/')) {
    const id = path.split('/').pop()!;
    const balance = balances.get(id);
    const charge = { id: `ch_${n}`, object: 'charge', balance_transaction: balance ? { id: `txn_${n}`, object: 'balance_transaction', ...balance } : null };
    return { id, object: 'payment_intent', status: 'succeeded', latest_charge: charge };
  }
  if (method === 'POST' && path === '/v1/checkout/sessions') {
    // Unique across runs too: the test database keeps earlier runs' rows, and session ids are unique there.
    const id = `cs_test_${n}_${randomUUID().slice(0, 8)}`;
    return { id, object: 'checkout.session', url: `https://checkout.stripe.com/c/pay/${id}`, mode: form.mode, status: 'open' };
  }
  if (method === 'POST' && path === '/v1/refunds') {
    const id = `re_test_${n}_${randomUUID().slice(0, 8)}`;
    const status = refusedRefunds.has(form.payment_intent) ? 'failed' : 'pending';
    return { id, object: 'refund', amount: Number(form.amount), currency: 'cny', payment_intent: form.payment_intent, status };
  }
  if (method === 'DELETE' && path.startsWith('/v1/subscriptions/')) {
    return { id: path.split('/').pop(), object: 'subscription', status: 'canceled' };
  }
  if (method === 'GET' && path === '/v1/invoice_payments') {
    return { object: 'list', data: [{ id: `inpay_${n}`, object: 'invoice_payment', status: 'paid', payment: { type: 'payment_intent', payment_intent: `pi_of_${form.invoice}` } }], has_more: false, url: path };
  }
  return { error: { type: 'invalid_request_error', message: `stand-in has no ${method} ${path}` } };
}

/**
 * Starts the stand-in for a test file and points the real Stripe client at it (lib/env reads these on first
 * use, which is after this). Returns a getter, since the server exists only once beforeAll has run.
 */
export function useStripeStandIn(webhookSecret: string, extra: Record<string, string> = {}) {
  let standIn: Awaited<ReturnType<typeof startStripeStandIn>> | undefined;
  beforeAll(async () => {
    standIn = await startStripeStandIn();
    Object.assign(process.env, {
      STRIPE_SECRET_KEY: 'sk_test_standin',
      STRIPE_WEBHOOK_SECRET: webhookSecret,
      STRIPE_API_HOST: '127.0.0.1',
      STRIPE_API_PORT: String(standIn.port),
      STRIPE_API_PROTOCOL: 'http',
      ...extra,
    });
  });
  afterAll(() => standIn?.close());
  return () => standIn!;
}
