'use client';

import type { ReactNode } from 'react';
import { useFocusOnShow } from './focus-on-answer';

/** Good news where the person is: brought into view and focus when it appears (the button pressed may be gone). */
export function ShownNotice({ children }: { children: ReactNode }) {
  const ref = useFocusOnShow<HTMLParagraphElement>();
  return (
    <p ref={ref} tabIndex={-1} role="status" className="scroll-mt-4 rounded-xl bg-leaf-50 p-3 font-semibold text-leaf-600">
      {children}
    </p>
  );
}
