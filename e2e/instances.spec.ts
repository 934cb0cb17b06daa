import { expect, test, type APIRequestContext } from '@playwright/test';
import { secondInstanceURL as b } from '../playwright.config';
import { accounts, expectOnPath, signIn } from './helpers';

/**
 * Two instances of the app on one database (the second one at secondInstanceURL): nothing a visitor
 * relies on lives in one instance's memory. Sessions, donations, throttling counters are in PostgreSQL,
 * and a cached public page on one instance is re-rendered soon after a change committed on the other.
 */

const fen = (text: string | null) => Math.round(Number((text ?? '').replace(/[^\d.]/g, '')) * 100);

async function cacheStatus(request: APIRequestContext, url: string) {
  return (await request.get(url)).headers()['x-nextjs-cache'];
}

test('a gift made on one instance is confirmed on the other, and its cached home page shows it within seconds', async ({ page, request }) => {
  // The second instance serves its home page from its cache.
  await request.get(`${b}/`);
  expect(await cacheStatus(request, `${b}/`)).toBe('HIT');
  await page.goto(`${b}/`);
  const before = fen(await page.getByTestId('figure-raised').textContent());

  // Signed in and giving on the first instance…
  await signIn(page, accounts.donor);
  await expectOnPath(page, '/me');
  await page.goto('/donate?project=yunshouhu');
  await page.getByText('¥50', { exact: true }).click();
  await page.getByRole('button', { name: '确认捐赠' }).click();
  await page.getByRole('button', { name: '确认支付（演示）' }).click();
  await expect(page.getByRole('heading', { name: '感谢您的爱心！' })).toBeVisible();

  // …the second instance knows the session and sees the gift confirmed…
  await page.goto(`${b}/me`);
  const latest = page.getByTestId('my-donation').first();
  await expect(latest).toContainText('云守护');
  await expect(latest).toContainText('¥50');
  await expect(latest).toContainText('已到账');

  // …and its cached home page counts it within a few seconds, then caches the new page again.
  await expect
    .poll(async () => {
      await page.goto(`${b}/`);
      return fen(await page.getByTestId('figure-raised').textContent());
    }, { timeout: 10_000 })
    .toBe(before + 5000);
  await request.get(`${b}/`);
  expect(await cacheStatus(request, `${b}/`)).toBe('HIT');
});

test('sign-in attempts are throttled across instances: the limit counts attempts on either one', async ({ request, baseURL }) => {
  const login = `nobody-${Date.now()}@example.cn`;
  // A client address of its own, so this test's failures do not count against other journeys.
  const headers = { 'x-forwarded-for': '198.51.100.23' };
  const attempt = async (origin: string) => {
    const csrf = await request.get(`${origin}/api/auth/csrf`);
    const { csrfToken } = await csrf.json();
    const res = await request.post(`${origin}/api/auth/callback/credentials`, {
      headers,
      form: { csrfToken, login, password: 'wrong-password', json: 'true' },
      maxRedirects: 0,
    });
    const target = res.headers()['location'] ?? (await res.json()).url;
    return new URL(target, origin).searchParams.get('error');
  };
  const origins = [baseURL!, b, baseURL!, b, baseURL!];
  for (const origin of origins) expect(await attempt(origin)).toBe('invalid');
  // The sixth attempt is refused on whichever instance receives it.
  expect(await attempt(b)).toBe('throttled');
  expect(await attempt(baseURL!)).toBe('throttled');
});
