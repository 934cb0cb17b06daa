'use client';
// The browser side of sign-in, re-exported so nothing outside lib/auth imports next-auth.
export { signIn, signOut } from 'next-auth/react';
