import { expect, test } from '@playwright/test';
import { accounts, expectOnPath, signIn } from './helpers';

// A tiny valid PNG: the server checks evidence by its content, not its name.
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

test('a gift is spent with evidence and a second approval, and the report, the project and the donor all show it', async ({ browser }) => {
  const slug = 'xinqing';
  const purpose = `康复训练器材（测试 ${Date.now()}）`;
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, accounts.admin);
  await expectOnPath(admin, '/admin');
  await admin.goto('/admin/funds');
  const before = Number(await admin.getByTestId(`fund-${slug}`).getAttribute('data-fen'));

  // A guest gives ¥100 to 心晴 through the demo processor.
  const guest = await (await browser.newContext()).newPage();
  await guest.goto(`/donate?project=${slug}`);
  await guest.getByText('¥100', { exact: true }).click();
  await guest.getByRole('button', { name: '确认捐赠' }).click();
  await guest.getByRole('button', { name: '确认支付（演示）' }).click();
  await expect(guest.getByRole('heading', { name: '感谢您的爱心！' })).toBeVisible();
  await guest.getByRole('link', { name: '查看捐赠证明' }).click();
  await expect(guest.getByTestId('certificate')).toBeVisible();
  const certificateUrl = guest.url();
  await expect(guest.getByTestId('donation-trace')).toContainText('¥100.00 尚未使用');

  // The administrator asks to pay out everything older plus ¥30 of this gift (money is spent oldest first).
  await admin.goto('/admin/funds');
  expect(Number(await admin.getByTestId(`fund-${slug}`).getAttribute('data-fen'))).toBe(before + 10000);
  await admin.goto('/workspace/payments');
  await admin.getByLabel('项目').selectOption({ label: '心晴' });
  await admin.getByLabel('金额（元）').fill(((before + 3000) / 100).toFixed(2));
  await admin.getByLabel('收款方').fill('江北区某康复器材店');
  // The purpose is published: a phone number in it is refused at the field, and nothing typed is lost.
  await admin.getByLabel('用途').fill(`${purpose} 联系 13812345678`);
  await admin.getByLabel('支出类别').selectOption('goods');
  await admin.getByRole('button', { name: '提交申请' }).click();
  await expect(admin.getByText('此内容会公开显示：请勿填写姓名、手机号或身份证号')).toBeVisible();
  await expect(admin.getByLabel('收款方')).toHaveValue('江北区某康复器材店');
  // No file was chosen: it is asked for, not "choose your files again".
  await expect(admin.locator('#evidence-error')).toHaveText('请至少附一张票据');
  await admin.getByLabel('用途').fill(purpose);
  await admin.getByRole('button', { name: '提交申请' }).click();
  await expect(admin.getByText('请至少附一张票据')).toBeVisible();
  await expect(admin.getByLabel('用途')).toHaveValue(purpose);
  // A file over the limit (13 MB: more than the server takes in one request) is refused at the field before
  // anything is sent — no error page, nothing typed lost; so are six files.
  const evidence13mb = Buffer.concat([png, Buffer.alloc(13 * 1024 * 1024)]);
  await admin.getByLabel(/票据/).setInputFiles({ name: '扫描件.png', mimeType: 'image/png', buffer: evidence13mb });
  await admin.getByRole('button', { name: '提交申请' }).click();
  await expect(admin.locator('#evidence-error')).toHaveText('文件不能超过 5 MB');
  await expect(admin.getByLabel(/票据/)).toBeFocused();
  await expect(admin.getByLabel('用途')).toHaveValue(purpose);
  await admin.getByLabel(/票据/).setInputFiles(Array.from({ length: 6 }, (_, i) => ({ name: `${i}.png`, mimeType: 'image/png', buffer: png })));
  await admin.getByRole('button', { name: '提交申请' }).click();
  await expect(admin.locator('#evidence-error')).toHaveText('最多附 5 个文件');
  await admin.getByLabel(/票据/).setInputFiles({ name: '发票.png', mimeType: 'image/png', buffer: png });
  await admin.getByRole('button', { name: '提交申请' }).click();
  await expect(admin.getByText('申请已提交，等待审批')).toBeVisible();
  const row = admin.getByTestId('payment-row').filter({ hasText: purpose });
  await expect(row).toContainText('这是您提交的申请，需由另一位管理员审批。');
  const evidenceHref = await row.getByRole('link', { name: /\.png$/ }).getAttribute('href');
  const evidence = await admin.request.get(evidenceHref!); // stored encrypted, served as uploaded
  expect(evidence.headers()['content-type']).toBe('image/png');
  expect(Buffer.compare(await evidence.body(), png)).toBe(0);
  expect((await guest.request.get(evidenceHref!)).status()).toBe(401);

  // A second administrator approves it.
  const approver = await (await browser.newContext()).newPage();
  await signIn(approver, accounts.admin2);
  await expectOnPath(approver, '/admin');
  await approver.goto('/workspace/payments');
  const pending = approver.getByTestId('payment-row').filter({ hasText: purpose });
  // Beside the request, what the project holds (enough here: the request left ¥70 of the gift).
  await expect(pending.getByTestId('project-holds')).toHaveText(/^项目现有可用资金 ¥[\d,]+\.\d\d$/);
  // A decision gives its reason: without one, nothing to confirm, and the field says so.
  await pending.getByRole('button', { name: '批准' }).click();
  await expect(pending.getByLabel('审批意见')).toHaveAccessibleDescription('请写明原因（至少 2 个字）');
  await expect(approver.getByRole('alertdialog')).toBeHidden();
  await expect(pending).toContainText('待审批');
  await pending.getByLabel('审批意见').fill('票据齐全，同意');
  await pending.getByRole('button', { name: '批准' }).click();
  await approver.getByRole('alertdialog').getByRole('button', { name: '确认批准' }).click();
  await expect(approver.getByTestId('payment-row').filter({ hasText: purpose })).toContainText('已批准');

  // The public report, the project page and the donor's certificate all show it.
  await guest.goto('/transparency');
  await guest.getByRole('link', { name: '支出明细', exact: true }).click();
  await expect(guest).toHaveURL(/\/transparency\/payments$/);
  await expect(guest.getByTestId('t-payment').filter({ hasText: purpose })).toBeVisible();
  await guest.goto(`/projects/${slug}`);
  await expect(guest.getByText(purpose)).toBeVisible();
  await guest.goto(certificateUrl);
  const trace = guest.getByTestId('donation-trace');
  await expect(trace).toContainText(`¥30.00 用于“${purpose}”`);
  await expect(trace).toContainText('¥70.00 尚未使用');
  await guest.goto('/transparency/verify');
  await expect(guest.getByTestId('chain-result')).toContainText('账本完整');
  // The first visit started the full check after its response; a reload shows its result.
  await expect(async () => {
    await guest.reload();
    await expect(guest.getByTestId('full-check')).toContainText('各账户余额与分录合计一致', { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(guest.getByTestId('full-check')).toContainText('哈希链全部吻合');
});

test('the open-data journal downloads as a chain that starts at the first entry, a few times an hour per address', async ({ request }) => {
  const from = { 'x-forwarded-for': `198.51.100.${Math.floor(Math.random() * 250) + 1}` };
  const first = await request.get('/transparency/data/journal.json', { headers: from });
  expect(first.status()).toBe(200);
  expect(first.headers()['content-disposition']).toContain('aizaijiangbei-journal.json');
  const entries = (await first.json()) as { prevHash: string; hash: string }[];
  expect(entries[0].prevHash).toBe('0'.repeat(64));
  entries.slice(1).forEach((e, i) => expect(e.prevHash).toBe(entries[i].hash));
  for (let i = 1; i < 6; i++) expect((await request.get('/transparency/data/journal.csv', { headers: from })).status()).toBe(200);
  const refused = await request.get('/transparency/data/journal.csv', { headers: from });
  expect(refused.status()).toBe(429);
  expect(refused.headers()['retry-after']).toBe('3600');
  const message = await refused.text();
  expect(message).toMatch(/^下载过于频繁：同一地址每小时最多下载账本 6 次/);
  expect(message).toContain('Too many downloads of the journal from this address (6 an hour)');
  expect((await request.get('/transparency/data/projects.csv', { headers: from })).status()).toBe(200);
});

test('general money is allocated to a project once, its public reason checked at the field', async ({ page }) => {
  await signIn(page, accounts.admin);
  await expectOnPath(page, '/admin');
  await page.goto('/admin/funds');
  const held = async () => Number(await page.getByTestId('fund-xinqing').getAttribute('data-fen'));
  const before = await held();
  // Nothing to confirm yet (no project, "abc" for an amount): the form is sent unasked and answered at the fields.
  await page.getByLabel('金额（元）').fill('abc');
  await page.getByRole('button', { name: '拨付', exact: true }).click();
  await expect(page.getByLabel('金额（元）')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alertdialog')).toBeHidden();
  await page.getByLabel('项目', { exact: true }).selectOption({ label: '心晴' });
  await page.getByLabel('金额（元）').fill('1.00');
  // Nor without a reason: not asked to confirm what will be refused.
  await page.getByRole('button', { name: '拨付', exact: true }).click();
  await expect(page.getByLabel('拨付理由（公开）')).toHaveAccessibleDescription('请写明原因（至少 2 个字）');
  await expect(page.getByRole('alertdialog')).toBeHidden();
  await page.getByLabel('拨付理由（公开）').fill('冬季助餐补充，联系 13812345678');
  await page.getByRole('button', { name: '拨付', exact: true }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: '确认拨付' }).click();
  await expect(page.getByText('此内容会公开显示：请勿填写姓名、手机号或身份证号')).toBeVisible();
  await expect(page.getByLabel('金额（元）')).toHaveValue('1.00');
  await page.getByLabel('拨付理由（公开）').fill('冬季助餐补充');
  await page.getByRole('button', { name: '拨付', exact: true }).click();
  await expect(page.getByRole('alertdialog')).toContainText('确认从专项基金（非定向）拨付 ¥1.00 到“心晴”？');
  await page.getByRole('alertdialog').getByRole('button', { name: '确认拨付' }).click();
  await expect(page.getByRole('status')).toHaveText('已拨付');
  await page.reload();
  expect(await held()).toBe(before + 100);
});
