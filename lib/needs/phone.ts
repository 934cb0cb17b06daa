export const phonePattern = /^(1[3-9]\d{9}|0\d{9,11})$/;

/**
 * A phone number as people write it — "138 1234 5678", "+86 139-1234-5678", full-width digits, "(0574) 8765 4321" —
 * in the one form kept, its digits: a mobile's 11, or a landline's area code and number (which cannot be told
 * apart reliably once written together, so no hyphen is kept between them). Anything else comes back as typed.
 */
export function normalizePhone(typed: string): string {
  const s = typed.normalize('NFKC').trim();
  let digits = s.replace(/[\s()\-]/g, '');
  const international = /^(?:\+|00)86(\d{9,12})$/.exec(digits) ?? /^86(1\d{10})$/.exec(digits);
  if (international) digits = international[1].startsWith('1') ? international[1] : `0${international[1].replace(/^0/, '')}`;
  return /^(1\d{10}|0\d{9,11})$/.test(digits) ? digits : s;
}
