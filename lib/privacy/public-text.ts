import { z } from 'zod';
import { minReasonLength } from '@/lib/reason';

/**
 * Text staff write for the public (a payment's purpose, a correction's note) must not identify anyone. This
 * catches what can be caught mechanically: a mobile number, an ID-card number, or one of the names given (the
 * person a payment is for). "张某" and "王奶奶" are fine; "张秀英" or "13812345678" is not.
 */
export function namesSomeone(text: string, names: (string | undefined)[] = []): boolean {
  const digits = text.replace(/[\s-]/g, '');
  // Whole numbers only: a 20-digit e-invoice number is not an ID card.
  if (/(?<!\d)(1[3-9]\d{9}|\d{17}[\dXx]|\d{15})(?![\dXx])/.test(digits)) return true;
  const compact = text.replace(/\s/g, '');
  return names.some((name) => {
    const n = name?.replace(/\s/g, '');
    return Boolean(n && n.length >= 2 && compact.includes(n));
  });
}

/** A form field whose text is published (why money moved, what it paid for): `minReasonLength` characters at least, `max` at most, naming no one. */
export function publicText(max: number, required = 'required') {
  return z
    .string()
    .trim()
    .min(minReasonLength, required)
    .max(max, 'too_long')
    .refine((v) => !namesSomeone(v), 'names_someone');
}
