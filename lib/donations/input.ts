import { z } from 'zod';
import { parseLogin } from '@/lib/auth/accounts';
import { parseDonationAmount, type AmountLimits } from './amount';
import { isReceiptIdentity } from './identity';

export type DonationInput = {
  /** A random token the form carries, so submitting the same form twice makes one donation, not two. */
  intent: string;
  /** A project's slug, or null for the general fund (非定向). */
  projectSlug: string | null;
  frequency: 'once' | 'monthly';
  amountFen: number;
  displayName: string | null;
  anonymous: boolean;
  message: string | null;
  contact: string | null;
  receipt: { legalName: string; idNumber: string } | null;
};

const text = (max: number) => z.string().trim().max(max, 'too_long').optional().default('');
const checkbox = z
  .string()
  .optional()
  .transform((v) => v === 'on' || v === '1' || v === 'true');

/**
 * The donation form as the server sees it: every field checked, messages as catalog keys (donate.errors.*),
 * the amount either a preset or what was typed, within the configured limits.
 */
export function donationFormSchema(limits: AmountLimits) {
  return z
    .object({
      intent: z.string().uuid('intent_invalid'),
      project: z.string().trim().min(1, 'project_unknown').max(100, 'project_unknown'),
      frequency: z.enum(['once', 'monthly'], 'frequency_invalid').optional().default('once'),
      preset: text(20),
      customAmount: text(40),
      displayName: text(40),
      anonymous: checkbox,
      message: text(200),
      contact: text(100),
      receipt: checkbox,
      legalName: text(100),
      idNumber: text(30),
      receiptConsent: checkbox,
    })
    .superRefine((v, ctx) => {
      const typed = v.preset === 'custom' || v.customAmount !== '' ? v.customAmount : v.preset;
      const amount = parseDonationAmount(typed, limits);
      if (!amount.ok) ctx.addIssue({ code: 'custom', path: ['amount'], message: amount.error });
      if (v.contact && !parseLogin(v.contact)) ctx.addIssue({ code: 'custom', path: ['contact'], message: 'contact_invalid' });
      if (!v.receipt) return;
      if (!v.legalName) ctx.addIssue({ code: 'custom', path: ['legalName'], message: 'required' });
      if (!v.idNumber) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: 'required' });
      else if (!isReceiptIdentity(v.idNumber)) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: 'id_invalid' });
      if (!v.contact) ctx.addIssue({ code: 'custom', path: ['contact'], message: 'contact_for_receipt' });
      if (!v.receiptConsent) ctx.addIssue({ code: 'custom', path: ['receiptConsent'], message: 'consent_required' });
    })
    .transform((v): DonationInput => {
      const typed = v.preset === 'custom' || v.customAmount !== '' ? v.customAmount : v.preset;
      const amount = parseDonationAmount(typed, limits);
      return {
        intent: v.intent,
        projectSlug: v.project === 'general' ? null : v.project,
        frequency: v.frequency,
        amountFen: amount.ok ? amount.fen : 0,
        displayName: v.displayName || null,
        anonymous: v.anonymous,
        message: v.message || null,
        contact: v.contact || null,
        receipt: v.receipt ? { legalName: v.legalName, idNumber: v.idNumber.toUpperCase() } : null,
      };
    });
}
