'use client';

import { useEffect, useState } from 'react';
import { readQueueSearch } from '@/lib/needs/queue-search';
import { Field } from '../_components/field';

type Props = { label: string; hint: string; refusedMessage: string; defaultValue: string; refused: boolean };

/**
 * The queue's search field. Part of a number (which cannot be searched) is refused here before the form is sent, so
 * what was typed stays in the field; the server refuses it too (without JavaScript, the field comes back empty).
 */
export function QueueSearchField({ label, hint, refusedMessage, defaultValue, refused }: Props) {
  const [error, setError] = useState(refused);
  useEffect(() => {
    const input = document.getElementById('q') as HTMLInputElement | null;
    const form = input?.form;
    if (!input || !form) return;
    const check = (e: SubmitEvent) => {
      if (readQueueSearch(input.value).kind !== 'number') return;
      e.preventDefault();
      setError(true);
      input.focus();
    };
    form.addEventListener('submit', check);
    return () => form.removeEventListener('submit', check);
  }, []);
  return (
    <div className="sm:col-span-3">
      <Field name="q" label={label} hint={hint} error={error ? refusedMessage : undefined} alert defaultValue={defaultValue} autoFocus={refused} maxLength={50} onChange={() => setError(false)} />
    </div>
  );
}
