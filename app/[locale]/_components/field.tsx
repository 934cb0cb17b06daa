import type { ReactNode } from 'react';

type Props = {
  name: string;
  label: string;
  error?: string;
  hint?: string;
  /** The error is announced when it appears, also to someone already in the field (set where it appears without a page change). */
  alert?: boolean;
  /** A text box of this many lines instead of a one-line input. */
  rows?: number;
  children?: ReactNode;
} & React.InputHTMLAttributes<HTMLInputElement>;

/** A labelled input whose error is announced with it and shown right beside it. */
export function Field({ name, label, error, hint, alert, rows, children, ...input }: Props) {
  const describedBy = [error ? `${name}-error` : '', hint ? `${name}-hint` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="flex flex-col">
      <label htmlFor={name} className="field-label">
        {label}
      </label>
      {children ??
        (rows ? (
          <textarea id={name} name={name} rows={rows} className="field-input" aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...(input as React.TextareaHTMLAttributes<HTMLTextAreaElement>)} />
        ) : (
          <input id={name} name={name} className="field-input" aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
        ))}
      {hint ? (
        <p id={`${name}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${name}-error`} className="field-error" role={alert ? 'alert' : undefined}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
