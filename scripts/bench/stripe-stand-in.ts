import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** Stripe's fee on every bench payment, in fen of CNY. */
export const benchFeeFen = 60;

/**
 * Where the bench server's Stripe client is pointed (STRIPE_API_HOST/PORT/PROTOCOL), so nothing can reach the
 * real Stripe. It knows the payments the bench makes (`charge`, as a payment succeeds before Stripe's webhook
 * tells of it) and lists their balance transactions as Stripe does — newest first, a page at a time, each with a
 * fee of ¥0.60 in CNY; anything else is answered with an error. It counts calls so the report can say so
 * (lib/payments/stripe/testing/stand-in.ts is the tests' richer one, tied to vitest).
 */
export async function startStripeStandIn() {
  let calls = 0;
  const charges: { paymentIntent: string; created: number }[] = [];
  const server = http.createServer((req, res) => {
    calls++;
    req.resume();
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://stand-in');
      if (req.method === 'GET' && url.pathname === '/v1/balance_transactions') {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(balanceTransactions(charges, url.searchParams)));
        return;
      }
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: { type: 'invalid_request_error', message: 'bench stand-in answers nothing else' } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    calls: () => calls,
    charge: (paymentIntent: string) => charges.push({ paymentIntent, created: Math.floor(Date.now() / 1000) }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function balanceTransactions(charges: { paymentIntent: string; created: number }[], query: URLSearchParams) {
  const [gte, lte] = [Number(query.get('created[gte]') ?? -Infinity), Number(query.get('created[lte]') ?? Infinity)];
  const limit = Number(query.get('limit') ?? 10);
  // Transaction i is charges[i]; the newest is listed first, a page starts after the one named.
  let i = query.get('starting_after') ? Number(query.get('starting_after')!.slice('txn_'.length)) - 1 : charges.length - 1;
  const data = [];
  for (; i >= 0 && data.length < limit; i--) {
    const c = charges[i];
    if (c.created < gte) break;
    if (c.created > lte) continue;
    const source = { id: `ch_${i}`, object: 'charge', payment_intent: c.paymentIntent };
    data.push({ id: `txn_${i}`, object: 'balance_transaction', type: 'charge', created: c.created, fee: benchFeeFen, currency: 'cny', exchange_rate: null, source });
  }
  return { object: 'list', data, has_more: i >= 0 && charges[i].created >= gte, url: '/v1/balance_transactions' };
}
