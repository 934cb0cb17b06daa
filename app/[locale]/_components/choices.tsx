type Option = { value: string; label: string };
type Props = {
  name: string;
  legend: string;
  options: Option[];
  error?: string;
  required?: boolean;
  columns?: 1 | 2 | 3;
};

/**
 * Three to a line at most; on a phone, or with larger text, as many as fit cards 7rem wide (a rem grows with the text):
 * two on a phone, one at 200 % text, rather than cards squeezed until their words overlap.
 */
const grid = {
  1: 'grid-cols-1',
  2: 'grid-cols-1 sm:grid-cols-2',
  3: 'grid-cols-[repeat(auto-fill,minmax(max(min(100%,7rem),calc((100%-1rem)/3)),1fr))]',
};

/** Radio buttons or checkboxes as big tappable cards: easier than a dropdown for older hands on small screens. */
function ChoiceCards({ type, name, legend, options, error, required, columns = 2, checked }: Props & { type: 'radio' | 'checkbox'; checked: (value: string) => boolean }) {
  return (
    <fieldset className="group" aria-describedby={error ? `${name}-error` : undefined} aria-invalid={error ? true : undefined}>
      <legend className="field-label">
        {legend}
        {required ? <span aria-hidden="true"> *</span> : null}
      </legend>
      <div className={`grid gap-2 ${grid[columns]}`}>
        {options.map((o) => (
          <label key={o.value} className="flex min-h-12 cursor-pointer items-center gap-3 rounded-xl border-2 border-line bg-white px-3 py-2 group-aria-[invalid=true]:border-brand-600 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
            <input type={type} name={name} value={o.value} defaultChecked={checked(o.value)} className="size-5 shrink-0 accent-brand-600" />
            {/* A word longer than the card (large text) is broken rather than cut off by the next card. */}
            <span className="min-w-0 break-words">{o.label}</span>
          </label>
        ))}
      </div>
      {error ? (
        <p id={`${name}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

export function RadioCards({ defaultValue, ...props }: Props & { defaultValue?: string }) {
  return <ChoiceCards {...props} type="radio" checked={(v) => v === defaultValue} />;
}

export function CheckboxCards({ defaultValues = [], ...props }: Props & { defaultValues?: string[] }) {
  return <ChoiceCards {...props} type="checkbox" checked={(v) => defaultValues.includes(v)} />;
}

/** A single consent checkbox with its error, kept apart from anything else the person agrees to. */
export function ConsentBox({ name, label, error, defaultChecked }: { name: string; label: string; error?: string; defaultChecked?: boolean }) {
  return (
    <div>
      <label className="flex min-h-12 cursor-pointer items-start gap-3 rounded-xl border-2 border-line bg-white p-3 has-[[aria-invalid=true]]:border-brand-600 has-[:checked]:border-leaf-600">
        <input
          type="checkbox"
          name={name}
          defaultChecked={defaultChecked}
          className="mt-1 size-5 shrink-0 accent-brand-600"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${name}-error` : undefined}
        />
        <span>{label}</span>
      </label>
      {error ? (
        <p id={`${name}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
