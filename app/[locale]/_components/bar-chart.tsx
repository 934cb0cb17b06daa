import { scaleBand, scaleLinear } from '@visx/scale';
import { ScrollArea } from './scroll-area';

export type Series = { key: string; label: string; color: string };
type Props = {
  /** Unique on the page: names the chart's title and description for screen readers. */
  id: string;
  title: string;
  description: string;
  /** `axisLabel`: a shorter name under the bars ("1月"), the table keeping the whole one ("2026年1月"). */
  categories: { key: string; label: string; axisLabel?: string }[];
  series: Series[];
  values: Record<string, Record<string, number>>;
  format: (v: number) => string;
  tableCaption: string;
  showTable: string;
};

/**
 * Grouped bars drawn on the server with visx (no chart JavaScript reaches the phone), labelled for screen
 * readers, and always followed by the same numbers as a table.
 */
export function BarChart({ id, title, description, categories, series, values, format, tableCaption, showTable }: Props) {
  // Drawn at roughly a phone's width so the labels stay readable when it scales; on a wide screen it grows to about
  // 600 px (labels about 20 px), not to the page's width.
  const width = 360;
  const crowded = categories.length > 7;
  const height = crowded ? 260 : 220;
  const margin = { top: 10, right: 6, bottom: crowded ? 70 : 30, left: 6 };
  const x = scaleBand({ domain: categories.map((c) => c.key), range: [margin.left, width - margin.right], padding: 0.25 });
  const inner = scaleBand({ domain: series.map((s) => s.key), range: [0, x.bandwidth()], padding: 0.1 });
  const max = Math.max(1, ...categories.flatMap((c) => series.map((s) => values[c.key]?.[s.key] ?? 0)));
  const y = scaleLinear({ domain: [0, max], range: [height - margin.bottom, margin.top], nice: true });
  // A tenth of a unit is finer than any screen shows; the page stays small.
  const r = (v: number) => Math.round(v * 10) / 10;
  const label = { x: r(x.bandwidth() / 2), y: height - margin.bottom + 14 };
  return (
    <figure className="card flex flex-col gap-3">
      <figcaption className="font-bold">{title}</figcaption>
      <div className="flex flex-wrap gap-4 text-sm" aria-hidden="true">
        {series.map((s) => (
          <span key={s.key} className="flex items-center gap-1">
            <span className="inline-block size-3 rounded-sm" style={{ background: s.color }} />
            {s.label}
          </span>
        ))}
      </div>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-t ${id}-d`} className="h-auto w-full max-w-xl">
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{description}</desc>
        <line x1={margin.left} x2={width - margin.right} y1={height - margin.bottom} y2={height - margin.bottom} stroke="#c9b8b0" />
        {categories.map((c) => (
          <g key={c.key} transform={`translate(${r(x(c.key) ?? 0)} 0)`}>
            {series.map((s) => {
              const top = r(y(values[c.key]?.[s.key] ?? 0));
              const bar = r(height - margin.bottom - top);
              return bar > 0 ? <rect key={s.key} x={r(inner(s.key) ?? 0)} y={top} width={r(inner.bandwidth())} height={bar} fill={s.color} rx={2} /> : null;
            })}
            <text
              x={label.x}
              y={label.y}
              textAnchor={crowded ? 'end' : 'middle'}
              transform={crowded ? `rotate(-50 ${label.x} ${label.y})` : undefined}
              fontSize={12}
              fill="#5f524e"
            >
              {c.axisLabel ?? c.label}
            </text>
          </g>
        ))}
      </svg>
      <details>
        <summary className="cursor-pointer font-semibold text-brand-700">{showTable}</summary>
        <ScrollArea label={tableCaption}>
          <table className="data-table figures mt-2 min-w-max">
            <caption className="sr-only">{tableCaption}</caption>
            <thead>
              <tr>
                <th scope="col" />
                {series.map((s) => (
                  <th key={s.key} scope="col">
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {categories.map((c) => (
                <tr key={c.key}>
                  <th scope="row" className="whitespace-nowrap">
                    {c.label}
                  </th>
                  {series.map((s) => (
                    <td key={s.key}>
                      {format(values[c.key]?.[s.key] ?? 0)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollArea>
      </details>
    </figure>
  );
}
