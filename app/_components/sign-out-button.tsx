'use client';

import { signOut } from '@/lib/auth/client';

export function SignOutButton({ label }: { label: string }) {
  return (
    <button type="button" className="btn-quiet min-h-11 px-3 text-sm" onClick={() => signOut({ callbackUrl: '/' })}>
      {label}
    </button>
  );
}
