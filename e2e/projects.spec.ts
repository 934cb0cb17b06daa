import { expect, test } from '@playwright/test';
import { accounts, callServerAction, expectOnPath, serverActionId, signIn } from './helpers';

test.use({ extraHTTPHeaders: { 'x-forwarded-for': `198.51.100.${Math.floor(Math.random() * 200) + 1}` } });

test('an administrator starts a project with its matching rules: refused at the field until right, a draft until made active, then public', async ({ page }) => {
  const slug = `jiuye-${Date.now().toString(36)}`;
  await signIn(page, accounts.admin);
  await expectOnPath(page, '/admin');
  await page.goto('/admin/projects');
  await page.getByRole('link', { name: '新建项目' }).click();
  await expectOnPath(page, '/admin/projects/new');

  await page.getByLabel('项目网址名').fill('就业');
  await page.getByLabel('项目名称（中文）').fill('就业帮帮');
  await page.getByLabel('项目名称（英文）').fill('Job help');
  await page.getByLabel('简介（中文）').fill('为失业居民提供就业指导');
  await page.getByLabel('简介（英文）').fill('Guidance for residents out of work');
  await page.getByRole('checkbox', { name: '甬江街道' }).check();
  await page.getByRole('button', { name: '创建项目' }).click();

  await expect(page.locator('#slug-error')).toHaveText('只能用英文小写字母、数字和连字符，以字母开头，2 到 40 位');
  await expect(page.locator('#categories-error')).toHaveText('请至少选择一项');
  await expect(page.getByLabel('项目网址名')).toBeFocused();
  // Nothing typed or ticked is lost.
  await expect(page.getByLabel('项目名称（中文）')).toHaveValue('就业帮帮');
  await expect(page.getByRole('checkbox', { name: '甬江街道' })).toBeChecked();

  await page.getByLabel('项目网址名').fill(slug);
  await page.getByRole('checkbox', { name: '就业', exact: true }).check();
  await page.getByRole('checkbox', { name: /^服务/ }).check();
  await page.getByLabel('每月可服务名额').fill('8');
  await page.getByRole('button', { name: '创建项目' }).click();
  await expectOnPath(page, `/admin/projects/${slug}`);
  await expect(page.getByRole('status')).toContainText('项目已创建。');
  await expect(page.getByRole('checkbox', { name: '就业', exact: true })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: '甬江街道' })).toBeChecked();
  await expect(page.getByLabel('每月可服务名额')).toHaveValue('8');

  // A draft is shown nowhere.
  expect((await page.request.get(`/projects/${slug}`)).status()).toBe(404);
  await page.getByLabel('状态').selectOption('active');
  // A picture that is not one is refused, and nothing else of the form is saved with it: still a draft.
  await page.getByLabel('封面图片').setInputFiles({ name: 'cover.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('not a picture') });
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('只支持 JPG、PNG 或 WebP 图片')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '已保存' })).toHaveCount(0);
  expect((await page.request.get(`/projects/${slug}`)).status()).toBe(404);
  await page.getByLabel('封面图片').setInputFiles([]);
  await expect(page.getByLabel('状态')).toHaveValue('active');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
  // "Created" was news once: it is not said again beside "saved".
  await expect(page.getByRole('status').filter({ hasText: '项目已创建' })).toHaveCount(0);
  await page.goto(`/projects/${slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('就业帮帮');
});

test('the same address twice is refused at the field, and nobody but an administrator can start a project', async ({ page, playwright, baseURL }) => {
  const create = serverActionId('app/[locale]/admin/projects/actions.ts', 'createProjectAction');
  const fields = {
    slug: 'zhihuiguo', nameZh: '重复', nameEn: 'Twice', summaryZh: '测试', summaryEn: 'Test', storyZh: '', storyEn: '', goal: '0',
    status: 'draft', categories: 'education', kinds: 'service', capacityPerMonth: '1', typicalCost: '0',
  };
  // A visitor's call reaches the action, which refuses it (a form sent after a sign-in lapsed keeps what was typed).
  const visitor = await playwright.request.newContext({ baseURL });
  const anonymous = await (await callServerAction(visitor, '/admin/projects/new', create, fields, true)).text();
  expect(anonymous).toContain('"message":"signedOut"');
  expect(anonymous).not.toContain('"ok":true');
  await visitor.dispose();

  await signIn(page, accounts.worker);
  await expectOnPath(page, '/workspace');
  expect(await (await callServerAction(page.request, '/admin/projects/new', create, fields, true)).text()).toContain('"message":"forbidden"');

  await page.context().clearCookies();
  await signIn(page, accounts.admin);
  await expectOnPath(page, '/admin');
  expect(await (await callServerAction(page.request, '/admin/projects/new', create, fields, true)).text()).toContain('"slug":"slug_taken"');
});
