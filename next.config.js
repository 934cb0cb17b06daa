const createNextIntlPlugin = require('next-intl/plugin');

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');
const production = process.env.NODE_ENV === 'production';

// Next's own inline bootstrap scripts need 'unsafe-inline'; eval is allowed only for the dev server's HMR.
const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${production ? '' : " 'unsafe-eval'"}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self' https://checkout.stripe.com",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "object-src 'none'",
].join('; ');

const securityHeaders = [
  { key: 'Content-Security-Policy', value: csp },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
  ...(production ? [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }] : []),
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Next hashes every page it sends to make an ETag, in JavaScript, byte by byte: the largest cost of serving a
  // cached page. Pages carry no validators instead (a revisit downloads the page again, gzip-compressed).
  generateEtags: false,
  // Types are checked by `npm test` (tsc --noEmit), once, rather than again in every build.
  typescript: { ignoreBuildErrors: true },
  // Cached public pages: in memory per instance, refreshed when any instance commits a public change.
  cacheHandler: require.resolve('./lib/cache/page-cache.js'),
  typedRoutes: false,
  serverExternalPackages: ['@electric-sql/pglite', '@electric-sql/pglite-socket', 'pdfkit'],
  experimental: {
    // A payment's evidence: up to 5 files of 5 MB each, and the form. The forms check sizes before sending, since a
    // request over this limit is cut off before any action can answer it at the field.
    serverActions: { bodySizeLimit: '27mb' },
    authInterrupts: true,
    // Cached public pages prefetched by links are kept in the browser 30 s (the least), not Next's 5 min.
    staleTimes: { static: 30 },
  },
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

module.exports = withNextIntl(nextConfig);
