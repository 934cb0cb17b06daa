'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';

/**
 * Re-renders the page from the server every few seconds while `active`, so "confirming…" turns into the
 * thank-you once the processor's event has been booked. Gives up after `maxSeconds` and says so.
 */
export function AutoRefresh({ active, slowText, maxSeconds = 120 }: { active: boolean; slowText: string; maxSeconds?: number }) {
  const router = useRouter();
  const [elapsed, setElapsed] = useState(0);
  useEffect(() => {
    if (!active || elapsed >= maxSeconds) return;
    const timer = setTimeout(() => {
      router.refresh();
      setElapsed((s) => s + 2);
    }, 2000);
    return () => clearTimeout(timer);
  }, [active, elapsed, maxSeconds, router]);
  return active && elapsed >= maxSeconds ? <p className="mt-3 text-muted">{slowText}</p> : null;
}
