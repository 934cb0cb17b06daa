import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Where the bench server's Stripe client is pointed (STRIPE_API_HOST/PORT/PROTOCOL), so nothing can reach the
 * real Stripe. A completed checkout needs no call to Stripe's API; the stand-in counts calls so the report can
 * say so, and answers each with an error (lib/payments/stripe/testing/stand-in.ts is the tests' richer one,
 * tied to vitest).
 */
export async function startStripeStandIn() {
  let calls = 0;
  const server = http.createServer((req, res) => {
    calls++;
    req.resume();
    req.on('end', () => {
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: { type: 'invalid_request_error', message: 'bench stand-in answers nothing' } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    calls: () => calls,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
