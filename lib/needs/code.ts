// No 0/O, 1/I/L, 2/Z, 5/S, 8/B: a code read aloud over the phone or copied by hand stays unambiguous.
export const codeAlphabet = 'ACDEFGHJKMNPQRTUVWXY34679';

/**
 * A tracking code like "JB-7KQ4-MX3A": 8 symbols from 25, about 1.5 × 10^11 codes. `random(max)` gives an integer below
 * max (node:crypto's randomInt for real codes; this module is also read in the browser, which checks what staff type).
 */
export function newTrackingCode(random: (max: number) => number): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += codeAlphabet[random(codeAlphabet.length)];
  return `JB-${s.slice(0, 4)}-${s.slice(4)}`;
}

/** Accepts what a resident types (lower case, spaces, missing dashes) and returns the canonical code. */
export function normalizeTrackingCode(input: string): string | null {
  const s = input.toUpperCase().replace(/[^A-Z0-9]/g, '').replace(/^JB/, '');
  if (s.length !== 8 || [...s].some((c) => !codeAlphabet.includes(c))) return null;
  return `JB-${s.slice(0, 4)}-${s.slice(4)}`;
}
