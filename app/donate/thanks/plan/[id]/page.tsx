import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { planOutcome } from '@/lib/donations/outcome';
import { ThanksView } from '../../thanks-view';

export default async function PlanThanksPage({ params }: { params: Promise<{ id: string }> }) {
  const outcome = await planOutcome(getDb(), (await params).id);
  if (!outcome) notFound();
  return <ThanksView outcome={outcome} />;
}
