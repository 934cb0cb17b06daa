import Stripe from 'stripe';
import { env } from '@/lib/env';

export type StripeConfig = {
  secretKey: string;
  webhookSecret: string;
  /** Only set to point the client at a local stand-in server in tests. */
  host?: string;
  port?: number;
  protocol?: 'http' | 'https';
};

export function createStripeClient(config: StripeConfig): Stripe {
  return new Stripe(config.secretKey, {
    maxNetworkRetries: 2,
    timeout: 20_000,
    appInfo: { name: 'ai-zai-jiangbei' },
    ...(config.host ? { host: config.host } : {}),
    ...(config.port ? { port: config.port } : {}),
    ...(config.protocol ? { protocol: config.protocol } : {}),
  });
}

/** Stripe as this deployment configures it, or null when no key is set. */
export function stripeConfigFromEnv(): StripeConfig | null {
  const e = env();
  if (!e.STRIPE_SECRET_KEY || !e.STRIPE_WEBHOOK_SECRET) return null;
  return {
    secretKey: e.STRIPE_SECRET_KEY,
    webhookSecret: e.STRIPE_WEBHOOK_SECRET,
    host: e.STRIPE_API_HOST,
    port: e.STRIPE_API_PORT,
    protocol: e.STRIPE_API_PROTOCOL,
  };
}
