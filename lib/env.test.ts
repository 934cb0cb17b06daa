import { describe, expect, it } from 'vitest';
import { parseEnv } from './env';

const base = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/x' };

describe('parseEnv', () => {
  it('accepts a minimal development environment with defaults', () => {
    const e = parseEnv({ ...base, NODE_ENV: 'development' });
    expect(e.DONATION_MIN_FEN).toBe(100);
    expect(e.DONATION_MAX_FEN).toBe(5_000_000);
    expect(e.DEMO_PAYMENTS).toBe(false);
    expect(e.DATABASE_PREPARE).toBe(true);
    expect(parseEnv({ ...base, DATABASE_PREPARE: '0' }).DATABASE_PREPARE).toBe(false);
  });

  it('names a missing secret in production', () => {
    const prev = process.env.NODE_ENV;
    (process.env as Record<string, string>).NODE_ENV = 'production';
    try {
      expect(() => parseEnv({ ...base, NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(40), LOOKUP_HASH_KEY: 'y'.repeat(40) })).toThrow(/DATA_ENCRYPTION_KEYS/);
    } finally {
      (process.env as Record<string, string | undefined>).NODE_ENV = prev;
    }
  });

  it('names an invalid variable', () => {
    expect(() => parseEnv({ ...base, DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => parseEnv({ ...base, DONATION_MAX_FEN: 'lots' })).toThrow(/DONATION_MAX_FEN/);
    expect(() => parseEnv({ ...base, DATABASE_PREPARE: 'yes' })).toThrow(/DATABASE_PREPARE/);
    expect(() => parseEnv({ ...base, DATA_ENCRYPTION_KEYS: 'no-key-here' })).toThrow(/DATA_ENCRYPTION_KEYS/);
  });

  it('requires real secrets in production', () => {
    const prev = process.env.NODE_ENV;
    (process.env as Record<string, string>).NODE_ENV = 'production';
    try {
      expect(() => parseEnv({ ...base, NODE_ENV: 'production' })).toThrow(/AUTH_SECRET/);
    } finally {
      (process.env as Record<string, string | undefined>).NODE_ENV = prev;
    }
  });

  it('requires a webhook secret with a Stripe key', () => {
    expect(() => parseEnv({ ...base, STRIPE_SECRET_KEY: 'sk_test_123' })).toThrow(/STRIPE_WEBHOOK_SECRET/);
  });

  it('refuses a minimum above the maximum', () => {
    expect(() => parseEnv({ ...base, DONATION_MIN_FEN: '900', DONATION_MAX_FEN: '800' })).toThrow(/DONATION_MIN_FEN/);
  });
});
