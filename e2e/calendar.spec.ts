import { expect, test } from '@playwright/test';
import { accounts, expectOnPath, signIn } from './helpers';

/** A Saturday and the Monday after it, in a week of their own (2032 or later), so reruns never collide. */
function weekend() {
  const saturday = new Date(Date.UTC(2032, 2, 6) + 7 * 24 * 3600 * 1000 * Math.floor(Math.random() * 2000));
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  return { saturday: iso(saturday), monday: iso(new Date(saturday.getTime() + 2 * 24 * 3600 * 1000)) };
}

test('an administrator enters a make-up working day and a holiday, each checked at the field, and removes them', async ({ browser }) => {
  const { saturday, monday } = weekend();
  const page = await (await browser.newContext()).newPage();
  await signIn(page, accounts.admin);
  await expectOnPath(page, '/admin');
  await page.getByRole('navigation', { name: '管理' }).getByRole('link', { name: '节假日' }).click();
  await expectOnPath(page, '/admin/calendar');

  // A Saturday cannot be "a weekday off": refused at the field, and what was typed stays.
  await page.getByLabel('日期', { exact: true }).fill(saturday);
  await page.getByLabel('放假（工作日休息）').check();
  await page.getByLabel('说明', { exact: true }).fill('春节调休');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('这一天本来就是周末，无需设为放假')).toBeVisible();
  await expect(page.getByLabel('说明', { exact: true })).toHaveValue('春节调休');
  await expect(page.getByLabel('日期', { exact: true })).toHaveValue(saturday);

  await page.getByLabel('调休上班（周末上班）').check();
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status')).toContainText('已保存');
  await page.getByLabel('日期', { exact: true }).fill(monday);
  await page.getByLabel('放假（工作日休息）').check();
  await page.getByLabel('说明', { exact: true }).fill('春节');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status')).toContainText('已保存');

  const days = page.getByTestId('calendar-day');
  const [y, m, d] = saturday.split('-').map(Number);
  await expect(days.filter({ hasText: `${y}年${m}月${d}日星期六` })).toContainText('调休上班');
  await expect(days.filter({ hasText: '春节' }).filter({ hasText: '星期一' })).toContainText('放假');

  for (const day of [saturday, monday]) await page.getByRole('button', { name: `删除 ${day}` }).click();
  await expect(page.getByRole('button', { name: `删除 ${saturday}` })).toHaveCount(0);
  await expect(page.getByRole('button', { name: `删除 ${monday}` })).toHaveCount(0);

  // Social workers follow the calendar but do not keep it.
  const worker = await (await browser.newContext()).newPage();
  await signIn(worker, accounts.worker);
  await expectOnPath(worker, '/workspace');
  expect((await worker.goto('/admin/calendar'))?.status()).toBe(403);
});
