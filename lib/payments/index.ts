import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { createDemoProvider, demoPaymentsAllowed } from './demo/provider';
import type { PaymentProvider, ProviderName } from './provider';
import { stripeConfigFromEnv } from './stripe/client';
import { createStripeProvider } from './stripe/provider';

let stripeProvider: ReturnType<typeof createStripeProvider> | undefined;

function stripe() {
  const config = stripeConfigFromEnv();
  if (!config) return null;
  stripeProvider ??= createStripeProvider(config, env().PAYMENT_METHODS);
  return stripeProvider;
}

/** The processor new gifts go to: Stripe when it is configured, else the demo processor where allowed. */
export function activeProvider(): PaymentProvider {
  const s = stripe();
  if (s) return s;
  if (demoPaymentsAllowed()) return createDemoProvider();
  throw new AppError('conflict', 'no payment processor is configured', { _form: 'payments_unavailable' });
}

/** The processor a past donation was paid through, for refunds and cancellations. */
export function providerNamed(name: string): PaymentProvider {
  if (name === 'stripe') {
    const s = stripe();
    if (s) return s;
  }
  if (name === 'demo' && demoPaymentsAllowed()) return createDemoProvider();
  throw new AppError('conflict', `payment processor ${name} is not configured here`, { _form: 'provider_unavailable' });
}

export function isDemoActive(): boolean {
  return !stripeConfigFromEnv() && demoPaymentsAllowed();
}

export type { PaymentProvider, ProviderName };
