import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { sql } from 'drizzle-orm';
import { withTestDb } from './db';
import { accounts, callServerAction, expectOnPath, serverActionId, signIn } from './helpers';

// The test database, to prove what the pages say: rows written, or not written.
const query = <T>(q: ReturnType<typeof sql>) => withTestDb(async (db) => (await db.execute(q)) as unknown as T[]);

/** "已筹 ¥12,345.50 / 目标 …" → 1234550 (the first amount in the text, in fen). */
function fenIn(text: string | null): number {
  const m = /[¥￥]\s?([\d,]+(?:\.\d{1,2})?)/.exec(text ?? '');
  if (!m) throw new Error(`no amount in "${text}"`);
  const [whole, frac = ''] = m[1].replace(/,/g, '').split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}

async function projectRaised(page: Page, slug: string) {
  await page.goto(`/projects/${slug}`);
  const bar = Number(await page.getByRole('progressbar').getAttribute('data-value'));
  return { bar, text: fenIn(await page.getByTestId('raised').textContent()) };
}
async function homeRaised(page: Page) {
  await page.goto('/');
  return fenIn(await page.getByTestId('figure-raised').textContent());
}
const donationCount = async () => Number((await query<{ n: string }>(sql`select count(*) as n from donations`))[0].n);

test('a guest gives ¥100 to 智慧果 through the demo processor and gets a certificate; the totals move by exactly ¥100', async ({ page }) => {
  const before = await projectRaised(page, 'zhihuiguo');
  const homeBefore = await homeRaised(page);

  await page.goto('/projects/zhihuiguo');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('智慧果');
  await page.getByRole('main').getByRole('link', { name: '我要捐赠' }).click();
  await expectOnPath(page, '/donate');
  await expect(page.getByLabel('捐给')).toHaveValue('zhihuiguo');
  await expect(page.getByText('统一社会信用代码').first()).toBeVisible();
  await page.getByText('¥100', { exact: true }).click();
  await page.getByLabel('署名', { exact: true }).fill('江北小陈');
  await page.getByRole('button', { name: '确认捐赠' }).click();

  await expect(page.getByText('演示模式 — 不会产生任何真实扣款')).toBeVisible();
  await expect(page.getByTestId('demo-amount')).toHaveText('¥100');
  await page.getByRole('button', { name: '确认支付（演示）' }).click();

  await expect(page.getByRole('heading', { name: '感谢您的爱心！' })).toBeVisible();
  await expect(page.getByText('您向 智慧果 捐赠的 ¥100 已确认到账。')).toBeVisible();
  const certNo = (await page.getByTestId('certificate-no').textContent())?.match(/AZJB-\d{4}-\d{6}/)?.[0];
  expect(certNo).toBeTruthy();
  // A guest's gift is found again by its number and check code, not under an account it was never linked to.
  await expect(page.getByTestId('save-code')).toContainText('校验码');
  await expect(page.getByRole('link', { name: '查看我的捐赠' })).toHaveCount(0);
  await page.getByRole('link', { name: '查看捐赠证明' }).click();
  const certificate = page.getByTestId('certificate');
  await expect(certificate).toContainText('捐赠证明');
  await expect(certificate).toContainText('江北小陈');
  await expect(certificate).toContainText('¥100');
  await expect(certificate).toContainText('“智慧果”项目');
  await expect(certificate).toContainText(certNo!);
  await expect(page.getByText('✓ 本证明真实有效')).toBeVisible();
  const pdf = await page.request.get((await page.getByRole('link', { name: '下载 PDF' }).getAttribute('href'))!);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

  // Verification needs the code too: the number alone reveals nothing.
  await page.goto(`/certificates/${certNo}?code=0000000000`);
  await expect(page.getByText('未找到与该编号和校验码相符的捐赠证明')).toBeVisible();

  const after = await projectRaised(page, 'zhihuiguo');
  expect(after.bar - before.bar).toBe(10000);
  expect(after.text - before.text).toBe(10000);
  expect((await homeRaised(page)) - homeBefore).toBe(10000);
});

test('a signed-in donor gives, sees it on their page, and starts and cancels a monthly gift', async ({ page }) => {
  await signIn(page, accounts.donor);
  await expectOnPath(page, '/me');
  await page.goto('/donate?project=yunshouhu');
  await expect(page.getByLabel('署名', { exact: true })).toHaveValue('陈爱心');
  await page.getByText('¥50', { exact: true }).click();
  await page.getByRole('button', { name: '确认捐赠' }).click();
  await page.getByRole('button', { name: '确认支付（演示）' }).click();
  await expect(page.getByRole('heading', { name: '感谢您的爱心！' })).toBeVisible();
  const certNo = (await page.getByTestId('certificate-no').textContent())?.match(/AZJB-\d{4}-\d{6}/)?.[0];

  await page.goto('/me');
  const latest = page.getByTestId('my-donation').first();
  await expect(latest).toContainText('云守护');
  await expect(latest).toContainText('¥50');
  await expect(latest).toContainText('已到账');
  await expect(latest.getByRole('link', { name: new RegExp(certNo!) })).toBeVisible();

  await page.goto('/donate');
  await page.getByLabel('月捐（每月自动捐赠，可随时取消）').check();
  await page.getByText('¥20', { exact: true }).click();
  await page.getByRole('button', { name: '确认捐赠' }).click();
  await expect(page.getByTestId('demo-amount')).toContainText('¥20');
  await page.getByRole('button', { name: '确认支付（演示）' }).click();
  await expect(page.getByText(/您给 .+ 的月捐 ¥20 已开通/)).toBeVisible();
  await page.goto('/me');
  const plan = page.getByTestId('plan').first();
  await expect(plan).toContainText('每月 ¥20');
  await expect(plan).toContainText('进行中');
  await plan.getByRole('button', { name: '取消月捐' }).click();
  // Asked first: stepping back changes nothing.
  await expect(page.getByRole('alertdialog')).toContainText('确认取消每月 ¥20 的月捐？');
  await page.getByRole('alertdialog').getByRole('button', { name: '返回' }).click();
  await expect(page.getByRole('alertdialog')).toBeHidden();
  await expect(plan).toContainText('进行中');
  await plan.getByRole('button', { name: '取消月捐' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: '确认取消月捐' }).click();
  await expect(page.getByRole('status')).toHaveText('月捐已取消，之后不会再扣款。');
  await expect(page.getByTestId('plan').first()).toContainText('已取消');
});

test('bad amounts and an unknown project are refused with a clear message, nothing typed is lost, no row is written', async ({ page }) => {
  const rowsBefore = await donationCount();
  await page.goto('/donate?project=zhihuiguo');
  await page.getByLabel('署名', { exact: true }).fill('保留我');
  await page.getByLabel('留言').fill('写给孩子们的话');
  const cases: Array<[string, string]> = [
    ['0', '捐赠金额最少为 ¥1'],
    ['-5', '捐赠金额最少为 ¥1'],
    ['50001', '单笔捐赠最多为 ¥50,000'],
    ['一百块', '请输入正确的金额，例如 100 或 88.5'],
  ];
  for (const [typed, message] of cases) {
    await page.getByLabel('其他金额（元）').fill(typed);
    await page.getByRole('button', { name: '确认捐赠' }).click();
    await expect(page.getByText(message)).toBeVisible();
    await expect(page.getByText('请修改标红的项目后再提交。')).toBeVisible();
    await expect(page.getByLabel('其他金额（元）')).toHaveValue(typed);
    await expect(page.getByLabel('署名', { exact: true })).toHaveValue('保留我');
    await expect(page.getByLabel('留言')).toHaveValue('写给孩子们的话');
    await expect(page.getByLabel('捐给')).toHaveValue('zhihuiguo');
  }

  // A project that does not exist, as a tampered form would send it.
  await page.getByLabel('其他金额（元）').fill('100');
  await page.getByLabel('捐给').evaluate((select: HTMLSelectElement) => {
    select.add(new Option('伪造项目', 'no-such-project'));
    select.value = 'no-such-project';
  });
  await page.getByRole('button', { name: '确认捐赠' }).click();
  await expect(page.getByText('找不到该项目，请重新选择')).toBeVisible();
  await expect(page.getByLabel('署名', { exact: true })).toHaveValue('保留我');
  await expect(page.getByLabel('其他金额（元）')).toHaveValue('100');

  await page.goto('/donate?project=no-such-project');
  await expect(page.getByText('找不到该项目，请重新选择')).toBeVisible();
  expect(await donationCount()).toBe(rowsBefore);
});

test('a donor who leaves the payment page without paying comes back to the form as they filled it; a guest choosing monthly is told at once to sign in', async ({ page }) => {
  await page.goto('/donate?project=qihang');
  await expect(page.getByTestId('monthly-sign-in')).toBeHidden();
  await page.getByLabel('月捐（每月自动捐赠，可随时取消）').check();
  // Told before filling anything in, not after sending.
  await expect(page.getByTestId('monthly-sign-in')).toBeVisible();
  await expect(page.getByTestId('monthly-sign-in')).toContainText('月捐需要先登录');
  await page.getByLabel('单次捐赠').check();
  await expect(page.getByTestId('monthly-sign-in')).toBeHidden();

  await page.getByLabel('其他金额（元）').fill('66.6');
  await page.getByLabel('署名', { exact: true }).fill('取消又回来');
  await page.getByLabel('留言').fill('下次一定');
  await page.getByRole('button', { name: '确认捐赠' }).click();
  await expect(page.getByTestId('demo-amount')).toHaveText('¥66.60');
  await page.getByRole('button', { name: '取消支付' }).click();

  await expect(page.getByText('您已取消支付，没有扣款。')).toBeVisible();
  await expect(page.getByLabel('其他金额（元）')).toHaveValue('66.6');
  await expect(page.getByLabel('署名', { exact: true })).toHaveValue('取消又回来');
  await expect(page.getByLabel('留言')).toHaveValue('下次一定');
  await expect(page.getByLabel('捐给')).toHaveValue('qihang');
  // Sent again, it is a fresh attempt for the same ¥66.60, not the ¥100 the form starts with.
  await page.getByRole('button', { name: '确认捐赠' }).click();
  await expect(page.getByTestId('demo-amount')).toHaveText('¥66.60');
});

test('a donor or a visitor cannot call the refund action directly; an administrator can', async ({ page, playwright, baseURL }) => {
  const refund = serverActionId('app/[locale]/admin/donations/actions.ts', 'refundDonationAction');
  const [gift] = await query<{ id: string; refunded_fen: string; certificate_no: string }>(sql`
    select d.id, d.refunded_fen, d.certificate_no from donations d join projects p on p.id = d.project_id
    where d.status = 'paid' and d.provider = 'demo' and p.slug = 'zhihuiguo' order by d.paid_at desc limit 1`);
  const fields = { donationId: gift.id as string, amount: '1', intent: randomUUID(), reason: '捐赠人申请退款' };
  const refunded = async () => Number((await query<{ refunded_fen: string }>(sql`select refunded_fen from donations where id = ${gift.id}`))[0].refunded_fen);

  const visitor = await playwright.request.newContext({ baseURL });
  const visitorRes = await callServerAction(visitor, '/admin/donations', refund, fields, true);
  expect(await visitorRes.text()).not.toContain('"ok":true');
  await visitor.dispose();

  await signIn(page, accounts.donor);
  await expectOnPath(page, '/me');
  const donorRes = await callServerAction(page.request, '/admin/donations', refund, fields, true);
  expect(await donorRes.text()).toContain('"message":"forbidden"');
  expect(await refunded()).toBe(Number(gift.refunded_fen));

  await page.context().clearCookies();
  await signIn(page, accounts.admin);
  await expectOnPath(page, '/admin');
  const adminRes = await callServerAction(page.request, '/admin/donations', refund, fields, true);
  expect(adminRes.status()).toBe(200);
  expect(await adminRes.text()).toContain('"message":"refunded"');
  expect(await refunded()).toBe(Number(gift.refunded_fen) + 100);
  // The same form sent again (a retried request) refunds nothing more.
  await callServerAction(page.request, '/admin/donations', refund, fields, true);
  expect(await refunded()).toBe(Number(gift.refunded_fen) + 100);

  // Through the page: the form refunds the amount typed, once.
  await page.goto(`/admin/donations?q=${gift.certificate_no}`);
  const row = page.getByTestId('admin-donation').first();
  await row.getByText('退款', { exact: true }).click();
  // More than can be refunded: nothing to confirm, answered at the field.
  await row.getByLabel('退款金额（元）').fill('100000');
  await row.getByLabel('退款原因（仅内部记录）').fill('捐赠人来电申请');
  await row.getByRole('button', { name: '通过支付通道退款' }).click();
  await expect(row.getByLabel('退款金额（元）')).toHaveAttribute('aria-invalid', 'true');
  // The message is read out with the field, as well as shown beside it.
  await expect(row.getByLabel('退款金额（元）')).toHaveAccessibleDescription(/^退款金额超过了未退部分/);
  await expect(page.getByRole('alertdialog')).toBeHidden();
  await row.getByLabel('退款原因（仅内部记录）').fill('');
  await row.getByLabel('退款金额（元）').fill('0.50');
  // A refund says why, for the audit log: without it there is nothing to confirm; refused at the field, the amount kept.
  await row.getByRole('button', { name: '通过支付通道退款' }).click();
  await expect(row.getByText('请写明退款原因（至少 2 个字）')).toBeVisible();
  await expect(page.getByRole('alertdialog')).toBeHidden();
  await expect(row.getByLabel('退款原因（仅内部记录）')).toBeFocused();
  await expect(row.getByLabel('退款金额（元）')).toHaveValue('0.50');
  await row.getByLabel('退款原因（仅内部记录）').fill('捐赠人来电申请');
  await row.getByRole('button', { name: '通过支付通道退款' }).click();
  await expect(page.getByRole('alertdialog')).toContainText('确认退款 ¥0.50？');
  await page.getByRole('alertdialog').getByRole('button', { name: '确认退款' }).click();
  await expect(row.getByRole('status')).toHaveText('退款已提交。');
  expect(await refunded()).toBe(Number(gift.refunded_fen) + 150);
});
