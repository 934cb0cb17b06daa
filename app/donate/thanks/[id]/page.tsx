import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { donationOutcome } from '@/lib/donations/outcome';
import { ThanksView } from '../thanks-view';

export default async function DonationThanksPage({ params }: { params: Promise<{ id: string }> }) {
  const outcome = await donationOutcome(getDb(), (await params).id);
  if (!outcome) notFound();
  return <ThanksView outcome={outcome} />;
}
