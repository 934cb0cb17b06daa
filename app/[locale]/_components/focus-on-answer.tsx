'use client';

import { useEffect, useRef } from 'react';
import type { FormState } from '../_lib/form-state';

/**
 * Placed inside a form: after the server answers with something to fix, takes the person to it — the first field
 * in error (or the form's alert) is scrolled to the middle of the screen and focused, so its message is seen and
 * read out, not left far above a phone's screen. Nothing moves when the form first loads or an action succeeds.
 */
export function FocusOnAnswer({ state }: { state: FormState }) {
  const marker = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const errors = Object.keys(state.errors).length > 0;
    if (!errors && (state.ok || !state.message)) return;
    const form = marker.current?.closest('form');
    const invalid = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
    const target = invalid?.matches('fieldset') ? invalid.querySelector<HTMLElement>('input') : (invalid ?? form?.querySelector<HTMLElement>('[role="alert"]'));
    if (!target) return;
    if (target.tabIndex < 0 && !target.hasAttribute('tabindex')) target.tabIndex = -1;
    target.scrollIntoView({ block: 'center' });
    target.focus({ preventScroll: true });
  }, [state]);
  return <span ref={marker} hidden />;
}

/** For what replaces a form on success: brings its heading into view and focus, so the news is seen and read out. */
export function useFocusOnShow<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'start' });
    ref.current?.focus({ preventScroll: true });
  }, []);
  return ref;
}
