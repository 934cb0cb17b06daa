import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';

export type Series = { key: string; label: string; color: string };
type Props = {
  title: string;
  description: string;
  categories: { key: string; label: string }[];
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
export function BarChart({ title, description, categories, series, values, format, tableCaption, showTable }: Props) {
  // Drawn at roughly a phone's width so the labels stay readable when it scales.
  const width = 360;
  const crowded = categories.length > 7;
  const height = crowded ? 260 : 220;
  const margin = { top: 10, right: 6, bottom: crowded ? 70 : 30, left: 6 };
  const x = scaleBand({ domain: categories.map((c) => c.key), range: [margin.left, width - margin.right], padding: 0.25 });
  const inner = scaleBand({ domain: series.map((s) => s.key), range: [0, x.bandwidth()], padding: 0.1 });
  const max = Math.max(1, ...categories.flatMap((c) => series.map((s) => values[c.key]?.[s.key] ?? 0)));
  const y = scaleLinear({ domain: [0, max], range: [height - margin.bottom, margin.top], nice: true });
  const id = title.replace(/\W+/g, '-');
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
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-t ${id}-d`} className="h-auto w-full">
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{description}</desc>
        <line x1={margin.left} x2={width - margin.right} y1={height - margin.bottom} y2={height - margin.bottom} stroke="#c9b8b0" />
        {categories.map((c) => (
          <Group key={c.key} left={x(c.key)}>
            {series.map((s) => {
              const v = values[c.key]?.[s.key] ?? 0;
              const top = y(v);
              return <Bar key={s.key} x={inner(s.key)} y={top} width={inner.bandwidth()} height={height - margin.bottom - top} fill={s.color} rx={2} />;
            })}
            <text
              x={x.bandwidth() / 2}
              y={height - margin.bottom + 14}
              textAnchor={crowded ? 'end' : 'middle'}
              transform={crowded ? `rotate(-50 ${x.bandwidth() / 2} ${height - margin.bottom + 14})` : undefined}
              fontSize={12}
              fill="#5f524e"
            >
              {c.label}
            </text>
          </Group>
        ))}
      </svg>
      <details>
        <summary className="cursor-pointer font-semibold text-brand-700">{showTable}</summary>
        <div className="overflow-x-auto">
          <table className="data-table mt-2 min-w-max">
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
                    <td key={s.key} className="text-right">
                      {format(values[c.key]?.[s.key] ?? 0)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
