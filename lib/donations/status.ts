/**
 * A donation's status only moves forward: pending → paid → partially_refunded → refunded, or
 * pending → failed / expired. Anything else (a late "paid" for a failed session, a refund undone) is refused.
 */
export type DonationStatus = 'pending' | 'paid' | 'partially_refunded' | 'refunded' | 'failed' | 'expired';

const next: Record<DonationStatus, readonly DonationStatus[]> = {
  pending: ['paid', 'failed', 'expired'],
  paid: ['partially_refunded', 'refunded'],
  partially_refunded: ['partially_refunded', 'refunded'],
  refunded: [],
  failed: [],
  expired: [],
};

export function canMove(from: DonationStatus, to: DonationStatus): boolean {
  return next[from].includes(to);
}

/** Paid money that is (still partly) in the fund. */
export const settledStatuses = ['paid', 'partially_refunded', 'refunded'] as const satisfies readonly DonationStatus[];

export function isSettled(status: DonationStatus): boolean {
  return (settledStatuses as readonly DonationStatus[]).includes(status);
}

/**
 * A paid gift's status for what of it is refunded. It goes back only when a refund fails (the processor undoing it,
 * lib/donations/refund.ts): the table above is what a request may do, this is where the money stands.
 */
export function statusAfterRefund(amountFen: number, refundedTotalFen: number): DonationStatus {
  return refundedTotalFen >= amountFen ? 'refunded' : refundedTotalFen > 0 ? 'partially_refunded' : 'paid';
}
