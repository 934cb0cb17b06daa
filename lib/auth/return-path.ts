/**
 * Where to go after signing in: only a path on this site. Anything a browser would resolve to another origin
 * (`//host`, `/\host`, a scheme, control characters) falls back to `fallback`.
 */
export function returnPath(candidate: string | undefined, fallback = '/welcome'): string {
  if (!candidate?.startsWith('/') || /[\\\u0000-\u001f]/.test(candidate)) return fallback;
  const base = 'http://return-path.invalid';
  const url = new URL(candidate, base);
  return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : fallback;
}
