import { csvLines } from '@/lib/csv';
import type { AdminDonationRow } from './admin-list';

/**
 * The donations export, for reconciling with the processor and the books. It carries no personal data at all:
 * no names (not even public display names), no contact, no receipt identity — a CSV travels by e-mail and USB
 * stick, and the certificate number and the processor's payment id are enough to find any gift in the app.
 */
export const csvColumns = [
  'created_at',
  'paid_at',
  'certificate_no',
  'fund',
  'project',
  'amount_yuan',
  'refunded_yuan',
  'fee_yuan',
  'net_yuan',
  'status',
  'processor',
  'processor_payment_id',
  'monthly',
  'anonymous',
  'donor_account',
  'receipt_requested',
  'receipt_number',
] as const;

// Money as numbers, so a spreadsheet can add it up (and a negative net is not mistaken for a formula).
const yuan = (fen: number) => fen / 100;
const time = (d: Date | null) => (d ? d.toISOString() : '');
const yesNo = (b: boolean) => (b ? 'yes' : 'no');

/** The export file, written as its pages of donations are read. */
export async function* donationsCsv(pages: AsyncIterable<AdminDonationRow[]>): AsyncGenerator<string> {
  yield `\uFEFF${csvLines([[...csvColumns]])}`;
  for await (const rows of pages) yield csvLines(rows.map(csvRow));
}

function csvRow(r: AdminDonationRow) {
  const counted = r.status === 'paid' || r.status === 'partially_refunded' || r.status === 'refunded';
  return [
    time(r.createdAt),
    time(r.paidAt),
    r.certificateNo,
    r.projectSlug ? 'restricted' : 'general',
    r.projectSlug,
    yuan(r.amountFen),
    yuan(r.refundedFen),
    // A fee not yet learnt from the processor is left blank (and so the net), not written as a fee of nothing.
    r.feePending ? '' : yuan(r.feeFen),
    r.feePending ? '' : yuan(counted ? r.amountFen - r.refundedFen - r.feeFen : 0),
    r.status,
    r.provider,
    r.providerPaymentId,
    yesNo(Boolean(r.monthly)),
    yesNo(r.anonymous),
    yesNo(Boolean(r.hasAccount)),
    yesNo(r.receiptRequested),
    r.receiptNumber,
  ];
}
