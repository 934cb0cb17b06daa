import { expect, test } from '@playwright/test';
import { accounts, expectOnPath, signIn } from './helpers';

test('an administrator publishes a disclosure from its preview, its PDF can be downloaded; published again from an old page, it leads to the same report', async ({ browser }) => {
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, accounts.admin);
  await expectOnPath(admin, '/admin');
  await admin.goto('/admin/disclosures');
  // A second tab left open on the list, as another administrator might have it.
  const stale = await admin.context().newPage();
  await stale.goto('/admin/disclosures');

  const first = admin.getByTestId('due-disclosure').first();
  const title = (await first.locator('p').first().textContent())!.trim();
  const period = (await first.locator('p').nth(1).textContent())!.split(' · ')[0].trim();
  const thisOne = (page: typeof admin) => page.getByTestId('due-disclosure').filter({ hasText: title }).filter({ hasText: period });
  await first.getByRole('link', { name: '预览' }).click();
  await expect(admin.getByText('草稿预览（尚未发布）')).toBeVisible();
  await admin.getByRole('button', { name: '发布' }).click();
  await admin.getByRole('alertdialog').getByRole('button', { name: '确认发布' }).click();
  // Back on the list, told so, with the way to the public report; it is no longer due.
  await expectOnPath(admin, '/admin/disclosures');
  await expect(admin.getByRole('status').filter({ hasText: '公开报告已发布' })).toBeVisible();
  await expect(thisOne(admin)).toHaveCount(0);
  await admin.getByRole('link', { name: '查看公开报告' }).click();
  await expect(admin).toHaveURL(/\/transparency\/disclosures\/[0-9a-f-]{36}$/);
  await expect(admin.getByRole('heading', { name: title.split(' · ')[0] })).toBeVisible();
  const published = admin.url();
  // Its PDF, to keep or pass on, in the reader's language.
  const pdf = await admin.request.get((await admin.getByRole('link', { name: '下载 PDF' }).getAttribute('href'))!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  expect((await admin.request.get('/transparency/disclosures/00000000-0000-4000-8000-000000000000/pdf')).status()).toBe(404);

  // The old tab still offers it: publishing again is no error, and no second report — the one published.
  const same = thisOne(stale);
  await same.getByRole('button', { name: '发布' }).click();
  await stale.getByRole('alertdialog').getByRole('button', { name: '确认发布' }).click();
  await expect(stale.getByRole('status').filter({ hasText: '此前已经发布过' })).toBeVisible();
  await stale.getByRole('link', { name: '查看公开报告' }).click();
  await expect(stale).toHaveURL(published);
  // A preview opened without which report (a bookmark) leads to the list, not to "page not found".
  await admin.goto('/admin/disclosures/preview');
  await expectOnPath(admin, '/admin/disclosures');
  await admin.context().close();
});
