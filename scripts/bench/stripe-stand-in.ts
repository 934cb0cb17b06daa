import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Where the bench server's Stripe client is pointed (STRIPE_API_HOST/PORT/PROTOCOL), so nothing can reach the
 * real Stripe. A completed checkout makes one call: its payment's fee, which the stand-in answers as ¥0.60 in
 * CNY; anything else is answered with an error. It counts calls so the report can say so
 * (lib/payments/stripe/testing/stand-in.ts is the tests' richer one, tied to vitest).
 */
export async function startStripeStandIn() {
  let calls = 0;
  const server = http.createServer((req, res) => {
    calls++;
    req.resume();
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://stand-in').pathname;
      if (req.method === 'GET' && path.startsWith('/v1/payment_intents/')) {
        const balance = { id: `txn_${calls}`, object: 'balance_transaction', fee: 60, currency: 'cny', exchange_rate: null };
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ id: path.split('/').pop(), object: 'payment_intent', latest_charge: { id: `ch_${calls}`, object: 'charge', balance_transaction: balance } }));
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
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
