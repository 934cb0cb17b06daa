/**
 * Why money moves — a refund, an allocation, a decision on a payment out — is written down, in at least this many
 * characters. The forms check it before asking to confirm, so no one is asked to confirm what will be refused.
 */
export const minReasonLength = 2;

export function givesReason(text: FormDataEntryValue | null | undefined): boolean {
  return typeof text === 'string' && text.trim().length >= minReasonLength;
}
