const tone: Record<string, string> = {
  // needs
  submitted: 'bg-sun-50 text-sun-700',
  screening: 'bg-sun-50 text-sun-700',
  valid: 'bg-brand-50 text-brand-800',
  invalid: 'bg-paper text-muted',
  matched: 'bg-brand-50 text-brand-800',
  in_service: 'bg-leaf-50 text-leaf-600',
  fulfilled: 'bg-leaf-50 text-leaf-600',
  closed: 'bg-paper text-muted',
  withdrawn: 'bg-paper text-muted',
  // donations and plans
  paid: 'bg-leaf-50 text-leaf-600',
  partially_refunded: 'bg-sun-50 text-sun-700',
  refunded: 'bg-sun-50 text-sun-700',
  pending: 'bg-brand-50 text-brand-800',
  failed: 'bg-brand-50 text-brand-800',
  expired: 'bg-paper text-muted',
  active: 'bg-leaf-50 text-leaf-600',
  cancelled: 'bg-paper text-muted',
  // payments out
  payment_requested: 'bg-sun-50 text-sun-700',
  payment_approved: 'bg-leaf-50 text-leaf-600',
  payment_rejected: 'bg-paper text-muted',
  payment_reversed: 'bg-paper text-muted',
};

/** A status of two words ("Awaiting payment") may go over two lines in a narrow place (large text on a phone). */
export function StatusBadge({ status, label }: { status: string; label: string }) {
  return <span className={`badge max-w-full whitespace-normal ${tone[status] ?? 'bg-paper text-muted'}`}>{label}</span>;
}
