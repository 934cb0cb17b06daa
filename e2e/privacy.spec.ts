import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { serverLog } from '../playwright.config';
import { accounts, expectOnPath, signIn } from './helpers';

test.use({ extraHTTPHeaders: { 'x-forwarded-for': '203.0.113.77' } });

// Distinctive strings that must never appear anywhere public: a name, a phone, an ID, an address, a diagnosis.
const secret = {
  name: '隐私甄测试',
  phone: `139${String(Date.now()).slice(-8)}`,
  idNumber: '33020519491231004X',
  address: '慈城镇隐私路九十九号',
  health: '罕见病隐私诊断词',
};

test('personal information never reaches a public page, a public API or the server log', async ({ page, request }) => {
  // A resident submits, with everything personal and sensitive filled in.
  await page.goto('/help');
  await page.getByLabel('姓名 *', { exact: true }).fill(secret.name);
  await page.getByLabel('联系电话 *').fill(secret.phone);
  await page.getByLabel('所在街道（镇） *').selectOption('cicheng');
  await page.getByLabel('村或社区 *').fill('金沙村');
  await page.getByLabel('详细地址（选填）').fill(secret.address);
  await page.getByLabel('身份证号（选填）').fill(secret.idNumber);
  await page.getByRole('radio', { name: '医疗康复' }).check();
  await page.getByRole('radio', { name: '物质和服务都需要' }).check();
  await page.getByLabel('请说说遇到的困难和需要的帮助 *').fill('需要长期用药和康复训练，家里负担很重');
  await page.getByLabel('健康状况（选填）').fill(secret.health);
  await page.getByRole('checkbox', { name: /我单独同意/ }).check();
  await page.getByRole('checkbox', { name: /我已阅读并同意/ }).check();
  await page.getByRole('button', { name: '提交求助' }).click();
  const code = (await page.getByTestId('tracking-code').textContent())!.trim();

  // Staff open it, so it is decrypted and rendered at least once (only on the case page).
  const staff = await page.context().browser()!.newContext();
  const worker = await staff.newPage();
  await signIn(worker, accounts.worker2);
  await expectOnPath(worker, '/workspace');
  await worker.goto(`/workspace?q=${code}`);
  await expect(worker.getByTestId('queue-row')).toHaveCount(1);
  await expect(worker.getByTestId('queue-row')).not.toContainText(secret.name);
  await worker.getByTestId('queue-row').click();
  await expect(worker.getByTestId('pii')).toContainText(secret.health);
  await staff.close();

  // The resident's own tracking page shows the case, but not their identity.
  await page.goto('/track');
  await page.getByLabel('查询码').fill(code);
  await page.getByLabel('电话后 4 位').fill(secret.phone.slice(-4));
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page.getByTestId('tracked')).toBeVisible();
  const trackHtml = await page.content();
  for (const value of Object.values(secret)) expect(trackHtml).not.toContain(value);

  // Crawl every public page reachable from the home page, plus the public endpoints.
  const seen = new Set<string>();
  const queue = ['/', '/projects', '/help', '/track', '/donate', '/transparency', '/transparency/payments', '/transparency/areas', '/login', '/register'];
  while (queue.length && seen.size < 80) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const res = await request.get(path);
    const body = await res.text();
    for (const [kind, value] of Object.entries(secret)) expect(body, `${kind} on ${path}`).not.toContain(value);
    for (const m of body.matchAll(/href="(\/[^"#?]*)(?:\?[^"]*)?"/g)) {
      const link = m[1];
      if (!seen.has(link) && !/^\/(workspace|admin|me|api|_next)/.test(link)) queue.push(link);
    }
  }
  expect(seen.size).toBeGreaterThan(5);
  for (const endpoint of ['/api/auth/session', '/api/auth/providers', '/api/auth/csrf']) {
    const body = await (await request.get(endpoint)).text();
    for (const value of Object.values(secret)) expect(body).not.toContain(value);
  }

  // And the server's own output.
  const log = fs.readFileSync(serverLog, 'utf8');
  expect(log.length).toBeGreaterThan(0);
  for (const [kind, value] of Object.entries(secret)) expect(log, `${kind} in the server log`).not.toContain(value);
});
