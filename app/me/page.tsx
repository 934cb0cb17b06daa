import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { listOwnDonations } from '@/lib/donations/donor-views';
import { formatFen } from '@/lib/money';
import { requirePermission } from '../_lib/guard';

export default async function MyGivingPage() {
  const user = await requirePermission('own_giving:read', '/me');
  const [t, a, donations] = await Promise.all([
    getTranslations('me'),
    getTranslations('auth'),
    listOwnDonations(getDb(), { userId: user.id }),
  ]);
  return (
    <div className="flex flex-col gap-4">
      <p className="text-muted">{a('welcome', { name: user.name })}</p>
      <h1 className="page-title">{t('title')}</h1>
      {donations.length === 0 ? (
        <div className="card">
          <p>{t('empty')}</p>
          <Link href="/donate" className="btn-primary mt-3">
            {t('giveNow')}
          </Link>
        </div>
      ) : (
        <ul className="flex flex-col gap-3">
          {donations.map((d) => (
            <li key={d.id} className="card flex justify-between gap-2">
              <span>{d.projectName ?? '—'}</span>
              <span className="font-bold">{formatFen(d.amountFen)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
