import type { ReactNode } from 'react';

type Props = {
  name: string;
  label: string;
  error?: string;
  hint?: string;
  children?: ReactNode;
} & React.InputHTMLAttributes<HTMLInputElement>;

/** A labelled input whose error is announced with it and shown right beside it. */
export function Field({ name, label, error, hint, children, ...input }: Props) {
  const describedBy = [error ? `${name}-error` : '', hint ? `${name}-hint` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="flex flex-col">
      <label htmlFor={name} className="field-label">
        {label}
      </label>
      {children ?? (
        <input id={name} name={name} className="field-input" aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
      )}
      {hint ? (
        <p id={`${name}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${name}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
