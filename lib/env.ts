import { z } from 'zod';

/** Placeholders for the organisation's registration numbers until real ones are configured (shown marked as demo). */
export const demoOrg = { creditCode: '5133020000000000XX', record: '0000' };

/**
 * The environment, parsed once. Nothing else reads process.env. Secrets are required in production;
 * in development and tests a fixed, clearly fake value is used so the two commands of the README work.
 */
const devOnly = (value: string) => (process.env.NODE_ENV === 'production' ? undefined : value);

const flag = z
  .enum(['0', '1', 'true', 'false'])
  .optional()
  .transform((v) => v === '1' || v === 'true');

const fen = (fallback: number) => z.coerce.number().int().positive().default(fallback);

export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    /** Optional here so pages that never touch the database can render at build time; getDb() requires it. */
    DATABASE_URL: z.string().url().startsWith('postgres').optional(),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
    /** Seconds before an idle connection is closed; short for the embedded database, which serves one at a time. */
    DATABASE_IDLE_TIMEOUT: z.coerce.number().int().min(1).max(3600).default(30),
    /** Prepared statements per connection; off behind a transaction-mode pooler, which cannot keep them. */
    DATABASE_PREPARE: z.enum(['0', '1']).default('1').transform((v) => v === '1'),
    AUTH_SECRET: z.string().min(32, 'AUTH_SECRET must be at least 32 characters'),
    NEXTAUTH_URL: z.string().url().optional(),
    /** Comma-separated `keyId:base64key` pairs, 32-byte keys; the first one encrypts, all of them decrypt. */
    DATA_ENCRYPTION_KEYS: z
      .string()
      .regex(/^[A-Za-z0-9_-]+:[A-Za-z0-9+/=]+(,[A-Za-z0-9_-]+:[A-Za-z0-9+/=]+)*$/, 'expected keyId:base64key[,…]'),
    /** Key for the keyed hashes that let us find a phone number or a tracking code without decrypting. */
    LOOKUP_HASH_KEY: z.string().min(32, 'LOOKUP_HASH_KEY must be at least 32 characters'),
    STRIPE_SECRET_KEY: z.string().startsWith('sk_').optional(),
    STRIPE_WEBHOOK_SECRET: z.string().startsWith('whsec_').optional(),
    STRIPE_API_HOST: z.string().optional(),
    STRIPE_API_PORT: z.coerce.number().int().optional(),
    STRIPE_API_PROTOCOL: z.enum(['http', 'https']).optional(),
    /** Which methods one-off Stripe Checkout offers; monthly giving is always by card. */
    PAYMENT_METHODS: z
      .string()
      .default('card,alipay,wechat_pay')
      .transform((v) => v.split(',').map((m) => m.trim()).filter(Boolean))
      .pipe(z.array(z.enum(['card', 'alipay', 'wechat_pay'])).min(1, 'PAYMENT_METHODS needs at least one of card, alipay, wechat_pay')),
    /** The site's public address, for the processor's return links; defaults to NEXTAUTH_URL. */
    PUBLIC_BASE_URL: z.string().url().optional(),
    DEMO_PAYMENTS: flag,
    DONATION_MIN_FEN: fen(100),
    DONATION_MAX_FEN: fen(5_000_000),
    PII_RETENTION_MONTHS: z.coerce.number().int().min(1).default(36),
    ORG_NAME_ZH: z.string().default('宁波市江北区慈善总会（“爱在江北”专项基金）'),
    ORG_NAME_EN: z.string().default('Ningbo Jiangbei District Charity Federation (Love in Jiangbei Fund)'),
    ORG_CREDIT_CODE: z.string().default(demoOrg.creditCode),
    ORG_FUNDRAISING_RECORD: z.string().default(demoOrg.record),
    ORG_CONTACT: z.string().default('0574-0000 0000 · aizaijiangbei@example.org'),
    /** Proxies in front of the app that append to X-Forwarded-For (a balancer: 1; a CDN before it: 2). */
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(1).max(10).default(1),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  })
  .refine((e) => e.DONATION_MIN_FEN <= e.DONATION_MAX_FEN, {
    message: 'DONATION_MIN_FEN must not exceed DONATION_MAX_FEN',
    path: ['DONATION_MIN_FEN'],
  })
  .refine((e) => !e.STRIPE_SECRET_KEY || e.STRIPE_WEBHOOK_SECRET, {
    message: 'STRIPE_WEBHOOK_SECRET is required when STRIPE_SECRET_KEY is set',
    path: ['STRIPE_WEBHOOK_SECRET'],
  });

export type Env = z.infer<typeof envSchema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const withDefaults = {
    ...source,
    AUTH_SECRET: source.AUTH_SECRET ?? source.NEXTAUTH_SECRET ?? devOnly('development-only-secret-do-not-use-in-production'),
    DATA_ENCRYPTION_KEYS:
      source.DATA_ENCRYPTION_KEYS ?? devOnly('dev1:ZGV2ZWxvcG1lbnQtb25seS1rZXktMzItYnl0ZXMhISE='),
    LOOKUP_HASH_KEY: source.LOOKUP_HASH_KEY ?? devOnly('development-only-lookup-key-not-for-production'),
  };
  const result = envSchema.safeParse(withDefaults);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new Error(`Invalid environment — ${problems.join('; ')}`);
  }
  return result.data;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
