import { getLocale, getTranslations } from 'next-intl/server';
import type { DisclosureContent } from '@/lib/reports/disclosures';
import { disclosureText } from '../_lib/disclosure-text';
import { ScrollArea } from './scroll-area';
import { langOfTyped } from '@/lib/i18n/locales';

/** One disclosure, laid out to read on a phone and to print on A4. */
export async function DisclosureView({ content, kind }: { content: DisclosureContent; kind: 'quarterly' | 'final' }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations('disclosure')]);
  const text = await disclosureText(content, kind, locale);
  // What staff typed (a purpose, a correction's note) is marked Chinese on an English page, and only that.
  const typed = (words: string) => <span lang={langOfTyped(words, locale)}>{words}</span>;
  const rows: [string, React.ReactNode][] = [
    ...text.figures,
    [
      text.people.label,
      // On a phone the line breaks between the two figures, never inside one ("0 个" / "帮扶个案").
      <>
        <span className="whitespace-nowrap">{text.people.personTimes}</span> · <span className="whitespace-nowrap">{text.people.needsServed}</span>
      </>,
    ],
  ];
  return (
    <article className="card flex flex-col gap-4 print:border-0 print:shadow-none">
      <header>
        <p className="text-muted">{text.kind}</p>
        <h1 className="page-title">{text.title}</h1>
        <p>{text.period}</p>
        <p className="text-sm text-muted">{text.org}</p>
      </header>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-muted">{k}</dt>
            <dd className="text-right font-semibold" data-testid={`d-${k}`}>
              {v}
            </dd>
          </div>
        ))}
      </dl>
      <section>
        <h2 className="mb-2 font-bold">{text.paymentsTitle}</h2>
        {text.payments.length === 0 ? (
          <p>{text.noPayments}</p>
        ) : (
          <ScrollArea label={text.paymentsTitle}>
            <table className="data-table min-w-max">
              <thead>
                <tr>
                  {text.columns.map((column) => (
                    <th key={column} scope="col">
                      {column}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {text.payments.map(([date, , category, amount], i) => {
                  const { purpose, reversalNote } = content.payments[i];
                  return (
                    <tr key={i}>
                      <td>{date}</td>
                      <td>{reversalNote === undefined ? typed(purpose) : t.rich('correction', { purpose: () => typed(purpose), note: () => typed(reversalNote) })}</td>
                      <td>{category}</td>
                      <td className="text-right">{amount}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollArea>
        )}
      </section>
    </article>
  );
}
