import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { listUsers } from '@/lib/auth/accounts';
import { roles } from '@/lib/auth/permissions';
import { listAreas } from '@/lib/places';
import { requirePermission } from '../_lib/guard';
import { AdminNav } from './_components/admin-nav';
import { setDisabledAction, setRoleAction } from './actions';
import { AreasForm } from './areas-form';
import { StaffForm } from './staff-form';
import { ConfirmButton } from '../_components/confirm-button';

export default async function AdminPage() {
  const admin = await requirePermission('staff:manage', '/admin');
  const db = getDb();
  const [forms, t, p, w, r, users, areas] = await Promise.all([
    getTranslations('forms'),
    getTranslations('admin'),
    getTranslations('payments'),
    getTranslations('workspace'),
    getTranslations('roles'),
    listUsers(db, { userId: admin.id }),
    listAreas(),
  ]);
  const locale = await getLocale();
  const areaName = (id: string) => {
    const area = areas.find((a) => a.id === id);
    return (locale === 'en' ? area?.nameEn : area?.nameZh) ?? id;
  };
  return (
    <div className="flex flex-col gap-8">
      <AdminNav current="/admin" />
      <h1 className="page-title">{t('title')}</h1>
      <nav aria-label={t('title')} className="flex flex-wrap gap-2">
        <Link prefetch={false} href="/workspace" className="btn-quiet min-h-11 px-3 text-sm">
          {w('title')}
        </Link>
        <Link prefetch={false} href="/workspace/payments" className="btn-quiet min-h-11 px-3 text-sm">
          {p('title')}
        </Link>
      </nav>
      <section aria-labelledby="staff">
        <h2 id="staff" className="mb-3 text-xl font-bold">
          {t('staff')}
        </h2>
        <ul className="flex flex-col gap-3">
          {users.map((u) => (
            <li key={u.id} className="card flex flex-wrap items-center justify-between gap-3" data-testid="user-row">
              {/* An email address is one long word: with large text on a phone it is broken rather than widen the page. */}
              <div className="[overflow-wrap:anywhere]">
                <p className="font-bold">
                  {u.name} {u.id === admin.id ? t('you') : null}
                </p>
                <p className="text-sm text-muted">
                  {u.email ?? u.phone} · {r(u.role)} · {u.disabledAt ? t('disabled') : t('active')}
                </p>
                {u.role === 'social_worker' ? (
                  <p className="text-sm text-muted">
                    {t('areasOf', { areas: u.areaIds.length ? u.areaIds.map(areaName).join(locale === 'en' ? ', ' : '、') : t('noAreas') })}
                  </p>
                ) : null}
              </div>
              {u.id === admin.id ? null : (
                <div className="flex flex-wrap gap-2">
                  {roles
                    .filter((role) => role !== u.role)
                    .map((role) => (
                      <form key={role} action={setRoleAction}>
                        <input type="hidden" name="userId" value={u.id} />
                        <input type="hidden" name="role" value={role} />
                        <ConfirmButton backLabel={forms('back')} className="btn-quiet min-h-11 px-3 text-sm" question={t('roleConfirm', { name: u.name, role: r(role) })} confirmLabel={t('confirmYes')}>
                          {t('makeRole', { role: r(role) })}
                        </ConfirmButton>
                      </form>
                    ))}
                  <form action={setDisabledAction}>
                    <input type="hidden" name="userId" value={u.id} />
                    <input type="hidden" name="disabled" value={u.disabledAt ? '0' : '1'} />
                    {u.disabledAt ? (
                      <button className="btn-quiet min-h-11 px-3 text-sm">{t('enable')}</button>
                    ) : (
                      <ConfirmButton backLabel={forms('back')} className="btn-quiet min-h-11 px-3 text-sm" question={t('disableConfirm', { name: u.name })} confirmLabel={t('confirmYes')}>
                        {t('disable')}
                      </ConfirmButton>
                    )}
                  </form>
                </div>
              )}
              {u.role === 'social_worker' ? <AreasForm userId={u.id} name={u.name} areas={areas} current={u.areaIds} /> : null}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="new-staff">
        <h2 id="new-staff" className="mb-3 text-xl font-bold">
          {t('createStaff')}
        </h2>
        <StaffForm areas={areas} />
      </section>
    </div>
  );
}
