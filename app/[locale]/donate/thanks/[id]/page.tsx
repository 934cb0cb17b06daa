import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { getActor } from '@/lib/auth/session';
import { donationOutcome } from '@/lib/donations/outcome';
import { ThanksView } from '../thanks-view';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ t?: string | string[] }> };

export default async function DonationThanksPage({ params, searchParams }: Props) {
  const [{ id }, { t }, actor] = await Promise.all([params, searchParams, getActor()]);
  // The certificate only for whoever holds the return address's token, or the signed-in donor.
  const outcome = await donationOutcome(getDb(), id, { token: typeof t === 'string' ? t : null, actor });
  if (!outcome) notFound();
  return <ThanksView outcome={outcome} />;
}
