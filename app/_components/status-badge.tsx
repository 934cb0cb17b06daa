import { getTranslations } from 'next-intl/server';

const tone: Record<string, string> = {
  submitted: 'bg-sun-50 text-sun-700',
  screening: 'bg-sun-50 text-sun-700',
  valid: 'bg-brand-50 text-brand-800',
  invalid: 'bg-gray-100 text-gray-700',
  matched: 'bg-brand-50 text-brand-800',
  in_service: 'bg-leaf-50 text-leaf-600',
  fulfilled: 'bg-leaf-50 text-leaf-600',
  closed: 'bg-gray-100 text-gray-700',
  withdrawn: 'bg-gray-100 text-gray-700',
};

export async function StatusBadge({ status }: { status: string }) {
  const n = await getTranslations('needs');
  return <span className={`badge ${tone[status] ?? ''}`}>{n(`status.${status}`)}</span>;
}
