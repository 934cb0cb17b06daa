import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const secretNames = ['AUTH_SECRET', 'DATA_ENCRYPTION_KEYS', 'LOOKUP_HASH_KEY', 'NEXT_SERVER_ACTIONS_ENCRYPTION_KEY'] as const;

/**
 * For a machine with nothing configured: random secrets made once and kept in .data/secrets.json, so
 * sessions and encrypted data survive restarts. Anything set in the environment wins. Several instances
 * behind a load balancer must share the same values (see README).
 */
export function localSecrets(dataRoot: string): Record<string, string> {
  const file = path.join(dataRoot, 'secrets.json');
  let stored: Record<string, string> = {};
  if (fs.existsSync(file)) stored = JSON.parse(fs.readFileSync(file, 'utf8'));
  const fresh: Record<string, string> = {
    AUTH_SECRET: randomBytes(32).toString('base64url'),
    DATA_ENCRYPTION_KEYS: `k${new Date().getFullYear()}:${randomBytes(32).toString('base64')}`,
    LOOKUP_HASH_KEY: randomBytes(32).toString('base64url'),
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  };
  const merged = { ...fresh, ...stored };
  if (secretNames.some((n) => !stored[n])) {
    fs.mkdirSync(dataRoot, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(merged, null, 2), { mode: 0o600 });
  }
  const result: Record<string, string> = {};
  for (const n of secretNames) result[n] = process.env[n] ?? merged[n];
  return result;
}
