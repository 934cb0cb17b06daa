import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { verifyCertificate } from '@/lib/donations/certificates';
import { traceDonation } from '@/lib/ledger/trace';
import { PrintButton } from '../../_components/print-button';
import { certificateText } from '../certificate-text';
import { VerifyForm } from '../verify-form';
import { DonationTrace } from '../../_components/donation-trace';

export async function generateMetadata({ params }: { params: Promise<{ no: string }> }) {
  return { title: `${(await getTranslations('certificate'))('title')} ${decodeURIComponent((await params).no)}`, robots: { index: false } };
}

export default async function CertificatePage({
  params,
  searchParams,
}: {
  params: Promise<{ no: string }>;
  searchParams: Promise<{ code?: string }>;
}) {
  const [{ no: raw }, { code = '' }, t] = await Promise.all([params, searchParams, getTranslations('certificate')]);
  const no = decodeURIComponent(raw);
  const certificate = await verifyCertificate(getDb(), no, code);
  if (!certificate) {
    return (
      <div className="mx-auto flex max-w-md flex-col gap-4">
        <h1 className="page-title">{t('verifyTitle')}</h1>
        <p role="alert" className="rounded-xl bg-brand-50 p-3 font-semibold text-brand-800">
          {t('notFound')}
        </p>
        <VerifyForm no={no} code={code} />
      </div>
    );
  }
  const text = await certificateText(certificate);
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-4">
      <p className={`badge self-start print:hidden ${certificate.status === 'refunded' ? 'bg-sun-50 text-sun-700' : 'bg-leaf-50 text-leaf-600'}`}>
        {certificate.status === 'refunded' ? text.note : t('valid')}
      </p>
      <article className="rounded-2xl border-4 border-double border-brand-600 bg-white p-6 sm:p-10" data-testid="certificate">
        <h1 className="text-center text-3xl font-bold tracking-widest text-brand-700">{text.title}</h1>
        <p className="mt-1 text-center text-muted">{text.subtitle}</p>
        <p className="mt-6 text-lg leading-loose">{text.body}</p>
        {/* On a phone each value under its label, whole: a number or code broken mid-way is misread. */}
        <dl className="mt-6 grid gap-x-4 text-[0.95rem] sm:grid-cols-[auto_1fr] sm:gap-y-1 print:grid-cols-[auto_1fr]">
          {text.rows.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-muted">{label}</dt>
              <dd className="mb-2 break-words font-semibold sm:mb-0 print:mb-0">{value}</dd>
            </div>
          ))}
        </dl>
        {text.note ? <p className="mt-4 font-semibold text-brand-700">{text.note}</p> : null}
        <p className="mt-8 text-right font-bold">{text.issuer}</p>
        <p className="mt-4 text-center text-sm text-muted">{text.footer}</p>
      </article>
      <div className="card">
        <DonationTrace trace={await traceDonation(getDb(), certificate.donationId)} />
      </div>
      <p className="text-sm text-muted print:hidden">{t('privacyNote')}</p>
      <div className="flex flex-wrap gap-3 print:hidden">
        <PrintButton label={t('print')} />
        <a href={`/certificates/${encodeURIComponent(no)}/pdf?code=${certificate.code}`} className="btn-primary" download>
          {t('pdf')}
        </a>
      </div>
    </div>
  );
}
