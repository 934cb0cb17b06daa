import { encryptJson, keyIdOf, lookupHash } from '@/lib/privacy/crypto';
import { maskName, maskPhone } from '@/lib/privacy/mask';

/** Everything personal about a need. It exists in clear only in memory and on the case page. */
export type NeedPii = {
  name: string;
  phone: string;
  idNumber?: string;
  address?: string;
  submitterName?: string;
  submitterPhone?: string;
  health?: string;
  disability?: string;
  finances?: string;
  childAge?: number;
  guardianName?: string;
};

/** The columns a need stores for its personal information: ciphertext, masks and keyed hashes. */
export function sealNeedPii(pii: NeedPii, code: string) {
  const piiCiphertext = encryptJson(pii);
  return {
    piiCiphertext,
    piiKeyId: keyIdOf(piiCiphertext),
    nameMasked: maskName(pii.name),
    phoneMasked: maskPhone(pii.phone),
    phoneHash: lookupHash(`phone:${pii.phone}`),
    trackingHash: trackingHash(code, pii.phone.slice(-4)),
    submitterTrackingHash: pii.submitterPhone ? trackingHash(code, pii.submitterPhone.slice(-4)) : null,
  };
}

/** What a resident proves with: the tracking code and the last four digits of the phone. */
export function trackingHash(code: string, last4: string): string {
  return lookupHash(`track:${code}:${last4}`);
}
