/** Runs once when a server instance starts (Next.js instrumentation hook). */
export async function register() {
  // Next.js logs a failed request's error as thrown; a failed statement's error would carry its bound values.
  if (process.env.NEXT_RUNTIME === 'nodejs') (await import('@/lib/privacy/log-redact')).redactConsole();
}
