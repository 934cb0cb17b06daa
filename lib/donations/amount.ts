import { parseYuan } from '@/lib/money';

export type AmountLimits = { minFen: number; maxFen: number };
export type AmountResult = { ok: true; fen: number } | { ok: false; error: 'amount_required' | 'amount_invalid' | 'amount_too_small' | 'amount_too_large' };

/** The preset amounts on the form, in fen (¥20 · ¥50 · ¥100 · ¥500), less any outside the configured limits. */
export function presetAmounts(limits: AmountLimits): number[] {
  return [2000, 5000, 10000, 50000].filter((fen) => fen >= limits.minFen && fen <= limits.maxFen);
}

/** What a donor typed as yuan, checked against the limits. Integer fen or a message key saying why not. */
export function parseDonationAmount(text: string, limits: AmountLimits): AmountResult {
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, error: 'amount_required' };
  if (/^[-−–]/.test(trimmed)) return { ok: false, error: 'amount_too_small' };
  const fen = parseYuan(trimmed);
  if (fen === null) return { ok: false, error: 'amount_invalid' };
  if (fen < limits.minFen) return { ok: false, error: 'amount_too_small' };
  if (fen > limits.maxFen) return { ok: false, error: 'amount_too_large' };
  return { ok: true, fen };
}
