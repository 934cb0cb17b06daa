/**
 * The identity an official receipt (公益事业捐赠票据) is made out to: a person's resident ID number
 * (居民身份证号码, GB 11643) or an organisation's unified social credit code (统一社会信用代码, GB 32100).
 * Both carry a check character, so a typo is caught before anyone files a receipt.
 */
export function isResidentId(value: string): boolean {
  const id = value.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((s, w, i) => s + w * Number(id[i]), 0);
  const check = '10X98765432'[sum % 11];
  if (id[17] !== check) return false;
  const [y, m, d] = [Number(id.slice(6, 10)), Number(id.slice(10, 12)), Number(id.slice(12, 14))];
  const born = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && born.getUTCMonth() === m - 1 && born.getUTCDate() === d && born.getTime() <= Date.now();
}

const usccChars = '0123456789ABCDEFGHJKLMNPQRTUWXY';

export function isCreditCode(value: string): boolean {
  const code = value.trim().toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return false;
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = weights.reduce((s, w, i) => s + w * usccChars.indexOf(code[i]), 0);
  return usccChars[(31 - (sum % 31)) % 31] === code[17];
}

export function isReceiptIdentity(value: string): boolean {
  return isResidentId(value) || isCreditCode(value);
}
