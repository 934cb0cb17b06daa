import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { env } from '@/lib/env';

/**
 * AES-256-GCM for personal information at rest. Each ciphertext names the key that wrote it
 * ("keyId.iv.tag.data", base64url), so keys can rotate: the first configured key encrypts, any
 * configured key decrypts, and re-encrypting under the current key is a plain read-then-write.
 */
export type KeyRing = { current: string; keys: Map<string, Buffer> };

export function parseKeyRing(spec: string): KeyRing {
  const keys = new Map<string, Buffer>();
  for (const pair of spec.split(',')) {
    const [id, b64] = pair.split(':');
    const key = Buffer.from(b64, 'base64');
    if (key.length !== 32) throw new Error(`encryption key ${id} must be 32 bytes`);
    keys.set(id, key);
  }
  return { current: spec.split(':')[0], keys };
}

let ring: KeyRing | undefined;
function defaultRing(): KeyRing {
  ring ??= parseKeyRing(env().DATA_ENCRYPTION_KEYS);
  return ring;
}

export function encrypt(plaintext: string, keys: KeyRing = defaultRing()): string {
  const { keyId, data } = encryptBytes(Buffer.from(plaintext, 'utf8'), keys);
  return [keyId, ...[data.subarray(0, 12), data.subarray(12, 28), data.subarray(28)].map((b) => b.toString('base64url'))].join('.');
}

export function decrypt(ciphertext: string, keys: KeyRing = defaultRing()): string {
  const [keyId, ...parts] = ciphertext.split('.');
  return decryptBytes(keyId, Buffer.concat(parts.map((p) => Buffer.from(p, 'base64url'))), keys).toString('utf8');
}

/** Bytes (and files: evidence that may show a person): iv, tag and data in one buffer, the key's id beside it. */
export function encryptBytes(plain: Uint8Array, keys: KeyRing = defaultRing()): { keyId: string; data: Buffer } {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keys.keys.get(keys.current)!, iv);
  cipher.setAAD(Buffer.from(keys.current));
  const data = Buffer.concat([cipher.update(plain), cipher.final()]);
  return { keyId: keys.current, data: Buffer.concat([iv, cipher.getAuthTag(), data]) };
}

export function decryptBytes(keyId: string, sealed: Uint8Array, keys: KeyRing = defaultRing()): Buffer {
  const key = keys.keys.get(keyId);
  if (!key) throw new Error(`no decryption key "${keyId}" is configured`);
  const bytes = Buffer.from(sealed);
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
  decipher.setAAD(Buffer.from(keyId));
  decipher.setAuthTag(bytes.subarray(12, 28));
  return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]);
}

export function keyIdOf(ciphertext: string): string {
  return ciphertext.split('.')[0];
}

export function encryptJson(value: unknown, keys?: KeyRing): string {
  return encrypt(JSON.stringify(value), keys);
}

export function decryptJson<T>(ciphertext: string, keys?: KeyRing): T {
  return JSON.parse(decrypt(ciphertext, keys)) as T;
}

/** A keyed hash, for finding a record by a personal value without storing the value. */
export function lookupHash(value: string, key: string = env().LOOKUP_HASH_KEY): string {
  return createHmac('sha256', key).update(value).digest('base64url');
}
