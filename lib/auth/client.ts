'use client';
// The browser side of sign-in, re-exported so nothing outside lib/auth imports next-auth.
export { signIn } from 'next-auth/react';
