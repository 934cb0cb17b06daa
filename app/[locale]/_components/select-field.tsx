import { Field } from './field';

type Option = { value: string; label: string };

/**
 * A labelled select that shows what was chosen after a refused submission: keyed by that value, because
 * React resets a select to its first default when a form action returns, not to the chosen option.
 */
export function SelectField({ name, label, options, value, error, blank }: { name: string; label: string; options: Option[]; value?: string; error?: string; blank?: boolean }) {
  return (
    <Field name={name} label={label} error={error}>
      <select
        key={value}
        id={name}
        name={name}
        className="field-input"
        defaultValue={value ?? ''}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${name}-error` : undefined}
      >
        {blank ? <option value="">—</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}
