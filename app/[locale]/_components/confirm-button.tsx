'use client';

import { useId, useRef, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';

type Props = {
  /**
   * The question, said plainly: what will happen, and whether it can be undone. Null when the form cannot be right as
   * it stands (an amount that is no amount): it is then sent unasked, and the server says at the field what to fix.
   */
  question: string | ((form: HTMLFormElement) => string | null);
  /** The answer that goes ahead, e.g. "确认退款"; and the one that steps back (forms.back). */
  confirmLabel: string;
  backLabel: string;
  className?: string;
  disabled?: boolean;
  name?: string;
  value?: string;
  children: ReactNode;
};

/**
 * A submit button for what moves money or cannot be undone: it asks first, in a modal dialog (focus kept inside,
 * Esc or "go back" to step back), then sends the form as if it had been pressed — its own name and value included.
 * Without JavaScript it sends at once; the server's own checks stand either way.
 */
export function ConfirmButton({ question, confirmLabel, backLabel, className, disabled, name, value, children }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const confirmed = useRef(false);
  const [asked, setAsked] = useState('');
  const id = useId();
  return (
    <>
      <button
        ref={button}
        type="submit"
        name={name}
        value={value}
        className={className}
        disabled={disabled}
        onClick={(e) => {
          if (confirmed.current) {
            confirmed.current = false;
            return;
          }
          const asking = typeof question === 'string' ? question : question(e.currentTarget.form!);
          if (asking === null) return;
          e.preventDefault();
          // The question is in the dialog before it opens and takes the focus, so it is read out with it.
          flushSync(() => setAsked(asking));
          dialog.current?.showModal();
        }}
      >
        {children}
      </button>
      <dialog ref={dialog} role="alertdialog" aria-labelledby={`${id}-q`} className="m-auto w-[min(26rem,calc(100vw-2rem))] rounded-2xl border border-line bg-white p-5 text-ink shadow-xl backdrop:bg-black/40">
        <p id={`${id}-q`} className="text-lg font-semibold">
          {asked}
        </p>
        <div className="mt-5 flex flex-wrap justify-end gap-3">
          <button type="button" className="btn-quiet" autoFocus onClick={() => dialog.current?.close()}>
            {backLabel}
          </button>
          <button
            type="button"
            className="btn-primary"
            onClick={() => {
              dialog.current?.close();
              if (!button.current || button.current.disabled) return; // still sending: nothing is sent twice
              confirmed.current = true;
              button.current.click();
            }}
          >
            {confirmLabel}
          </button>
        </div>
      </dialog>
    </>
  );
}
