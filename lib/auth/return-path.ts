/**
 * Where to go after signing in: only a path on this site. Anything a browser would resolve to another origin
 * (`//host`, `/\host`, `/.//host`, a scheme, control characters) falls back to `fallback`.
 */
export function returnPath(candidate: string | undefined, fallback = '/welcome'): string {
  if (!candidate?.startsWith('/') || /[\\\u0000-\u001f]/.test(candidate)) return fallback;
  const base = 'http://return-path.invalid';
  const url = new URL(candidate, base);
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Dot segments resolve away ("/.//host" becomes "//host"): what is left must still be a path, not another site.
  return url.origin === base && !path.startsWith('//') ? path : fallback;
}
