import type { ReactNode } from 'react';

/**
 * A table wider than a phone scrolls sideways inside it. It can take the focus, so a keyboard alone can
 * scroll it (WCAG 2.1.1), and it is a named region, so a screen reader says what it is when focused.
 */
export function ScrollArea({ label, labelledBy, className = '', children }: { label?: string; labelledBy?: string; className?: string; children: ReactNode }) {
  return (
    <div className={`overflow-x-auto ${className}`} tabIndex={0} role="region" aria-label={label} aria-labelledby={labelledBy}>
      {children}
    </div>
  );
}
