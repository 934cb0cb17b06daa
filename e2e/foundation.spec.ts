import { expect, test } from '@playwright/test';
import { accounts, callServerAction, expectOnPath, serverActionId, signIn } from './helpers';

test.describe('the shell', () => {
  test('home page in Chinese by default, with figures and projects', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('有困难，江北和您在一起');
    const nav = page.getByRole('navigation', { name: '主导航' });
    for (const label of ['项目', '我要求助', '我要捐赠', '公开透明']) await expect(nav.getByRole('link', { name: label })).toBeVisible();
    await expect(page.getByRole('link', { name: '登录' })).toBeVisible();
    await expect(page.getByTestId('figure-raised')).toContainText('¥');
    // On a phone an amount takes a line of its own rather than being broken in two.
    const lines = (el: HTMLElement) => Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight));
    expect(await page.getByTestId('figure-raised').evaluate(lines)).toBe(1);
    await expect(page.getByTestId('project-zhihuiguo')).toBeVisible();
    await expect(page.getByText('统一社会信用代码')).toBeVisible();
    // The organisation's phone and e-mail can be tapped.
    const footer = page.getByRole('contentinfo');
    await expect(footer.getByRole('link', { name: '0574-0000 0000' })).toHaveAttribute('href', 'tel:057400000000');
    await expect(footer.getByRole('link', { name: /@/ })).toHaveAttribute('href', /^mailto:[^@\s]+@[^@\s]+$/);
  });

  test('switches to English and stays in English', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('In hard times, Jiangbei stands with you');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.goto('/projects');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Brand projects');
    await page.getByRole('button', { name: '中文' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('品牌项目');
  });

  test('sends security headers', async ({ request }) => {
    const res = await request.get('/');
    const h = res.headers();
    expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(h['content-security-policy']).not.toContain('unsafe-eval');
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
  });
});

test.describe('signing in', () => {
  for (const [role, login, home, heading] of [
    ['admin', accounts.admin, '/admin', '管理后台'],
    ['social worker', accounts.worker, '/workspace', '社工工作台'],
    ['donor', accounts.donor, '/me', '我的捐赠'],
  ] as const) {
    test(`${role} lands on their home`, async ({ page }) => {
      await signIn(page, login);
      await expectOnPath(page, home);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    });
  }

  test('signing out ends the session, also on another address of the site than the configured one', async ({ browser, baseURL }) => {
    // The server's NEXTAUTH_URL names localhost; 127.0.0.1 is the same site reached otherwise.
    for (const address of [baseURL!, baseURL!.replace('localhost', '127.0.0.1')]) {
      const context = await browser.newContext({ baseURL: address });
      const page = await context.newPage();
      await signIn(page, accounts.donor);
      await expectOnPath(page, '/me');
      await page.getByRole('button', { name: '退出' }).click();
      await expectOnPath(page, '/');
      expect(new URL(page.url()).origin).toBe(new URL(address).origin);
      await expect(page.getByRole('link', { name: '登录' })).toBeVisible();
      await page.goto('/me');
      await expectOnPath(page, '/login');
      await context.close();
    }
  });

  test('a signed-in person is not offered "登录" while the header asks who they are; a visitor is, at once', async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const header = page.getByRole('banner');
    // The page shows before the browser's session check answers: hold that answer back, from signing in on.
    await page.route('**/api/auth/session', async (route) => {
      await new Promise((r) => setTimeout(r, 3000));
      await route.continue();
    });
    // The link is there (what shows without JavaScript), its place kept empty: on the page signing in leads to…
    const login = header.getByRole('link', { name: '登录', includeHidden: true });
    await signIn(page, accounts.donor);
    await expectOnPath(page, '/me');
    await expect(login).toHaveCount(1);
    expect(await login.isVisible()).toBe(false);
    await expect(header.getByRole('link', { name: '我的捐赠' })).toBeVisible();
    // …and on a cached page opened afresh.
    await page.goto('/projects');
    await expect(login).toHaveCount(1);
    expect(await login.isVisible()).toBe(false);
    await expect(header.getByRole('link', { name: '我的捐赠' })).toBeVisible();

    // Signed out, the same browser is offered sign-in at once again.
    await page.unroute('**/api/auth/session');
    await header.getByRole('button', { name: '退出' }).click();
    await expect(header.getByRole('link', { name: '登录' })).toBeVisible();
    await page.route('**/api/auth/session', async (route) => {
      await new Promise((r) => setTimeout(r, 3000));
      await route.continue();
    });
    await page.goto('/projects');
    expect(await header.getByRole('link', { name: '登录' }).isVisible()).toBe(true);
    await context.close();
  });

  test('a donor signs in by phone number too', async ({ page }) => {
    await signIn(page, '13900000001');
    await expectOnPath(page, '/me');
  });

  test('a phone number is taken as people type it, with spaces, +86 or full-width digits, to register and to sign in', async ({ page }) => {
    await signIn(page, '139 0000 0001');
    await expectOnPath(page, '/me');
    await page.context().clearCookies();

    const digits = `137${String(Date.now()).slice(-8)}`;
    await page.goto('/register');
    await page.getByLabel('称呼').fill('新朋友');
    await page.getByLabel('手机号或邮箱').fill(`${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}`);
    await page.getByLabel('密码').fill('a-good-password');
    await page.getByRole('button', { name: '注册并登录' }).click();
    await expectOnPath(page, '/me');
    await page.context().clearCookies();

    await signIn(page, `+86 ${digits.slice(0, 3)}-${digits.slice(3, 7)}-${digits.slice(7)}`, 'a-good-password');
    await expectOnPath(page, '/me');
    await page.context().clearCookies();
    // The same number, typed plainly, is the same account.
    await page.goto('/register');
    await page.getByLabel('称呼').fill('新朋友');
    await page.getByLabel('手机号或邮箱').fill(digits.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))));
    await page.getByLabel('密码').fill('a-good-password');
    await page.getByRole('button', { name: '注册并登录' }).click();
    await expect(page.getByText('该手机号或邮箱已注册')).toBeVisible();
  });

  test('a wrong password gets a clear message, and rapid ones are throttled', async ({ page }) => {
    // An account of its own, so the lock-out never touches another test (or another run).
    const login = `throttle-${Date.now()}@example.cn`;
    await page.goto('/register');
    await page.getByLabel('称呼').fill('限流测试');
    await page.getByLabel('手机号或邮箱').fill(login);
    await page.getByLabel('密码').fill('the-right-password');
    await page.getByRole('button', { name: '注册并登录' }).click();
    await expectOnPath(page, '/me');
    await page.context().clearCookies();

    await page.goto('/login');
    const password = page.getByLabel('密码');
    // An empty field is named as such, at the field (no attempt counted).
    await page.getByLabel('手机号或邮箱').fill(login);
    await page.getByRole('button', { name: '登录' }).click();
    await expect(password).toHaveAccessibleDescription('请填写这一项');
    await expect(password).toBeFocused();
    await password.fill('wrong-password');
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByText('手机号/邮箱或密码不正确，请重新输入。')).toBeVisible();
    await expect(page.getByLabel('手机号或邮箱')).toBeFocused();
    for (let i = 0; i < 5; i++) {
      await password.fill(`wrong-${i}`);
      await page.getByRole('button', { name: '登录' }).click();
      await expect(page.getByRole('button', { name: '登录' })).toBeEnabled();
    }
    await expect(page.getByText('尝试次数过多，请 15 分钟后再试。')).toBeVisible();
    // Even the right password is refused while the account is throttled.
    await password.fill('the-right-password');
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByText('尝试次数过多，请 15 分钟后再试。')).toBeVisible();
    await expectOnPath(page, '/login');
  });

  test('a donor registers and lands on their page; bad input is shown at the field and kept', async ({ page }) => {
    await page.goto('/register');
    await page.getByLabel('称呼').fill('新朋友');
    await page.getByLabel('手机号或邮箱').fill('not-a-login');
    await page.getByLabel('密码').fill('short');
    await page.getByRole('button', { name: '注册并登录' }).click();
    await expect(page.getByText('请输入 11 位手机号或有效邮箱')).toBeVisible();
    await expect(page.getByLabel('称呼')).toHaveValue('新朋友');
    await expect(page.getByLabel('手机号或邮箱')).toHaveValue('not-a-login');
    await page.getByLabel('手机号或邮箱').fill(`new-${Date.now()}@example.cn`);
    await page.getByLabel('密码').fill('a-good-password');
    await page.getByRole('button', { name: '注册并登录' }).click();
    await expectOnPath(page, '/me');
    await expect(page.getByText('欢迎，新朋友')).toBeVisible();
  });
});

test.describe('the workspace is closed to donors and visitors', () => {
  test('an anonymous visitor is sent to sign in', async ({ page }) => {
    for (const path of ['/workspace', '/admin']) {
      await page.goto(path);
      await expectOnPath(page, '/login');
    }
  });

  test('a donor gets 403 on staff pages', async ({ page }) => {
    await signIn(page, accounts.donor);
    await expectOnPath(page, '/me');
    for (const path of ['/workspace', '/admin']) {
      const res = await page.goto(path);
      expect(res?.status()).toBe(403);
      await expect(page.getByText('您没有权限查看此页面。')).toBeVisible();
    }
  });

  test('server actions called directly refuse a donor and a visitor', async ({ page, playwright, baseURL }) => {
    const createStaff = serverActionId('app/[locale]/admin/actions.ts', 'createStaffAction');
    const setRole = serverActionId('app/[locale]/admin/actions.ts', 'setRoleAction');
    const login = `intruder-${Date.now()}@example.cn`;
    const fields = { name: '冒充者', login, password: 'long-enough-1', role: 'admin' };

    // Without a session, or with a cookie of the session's name but no valid token, the action itself refuses.
    const anonymous = await playwright.request.newContext({ baseURL });
    const anonBody = await (await callServerAction(anonymous, '/admin', createStaff, fields, true)).text();
    expect(anonBody).toContain('"message":"signedOut"');
    expect(anonBody).not.toContain('"ok":true');
    const forged = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: 'next-auth.session-token=forged' } });
    const forgedRes = await callServerAction(forged, '/admin', createStaff, fields, true);
    expect(forgedRes.status()).toBe(200);
    expect(await forgedRes.text()).toContain('"message":"signedOut"');
    await forged.dispose();

    await signIn(page, accounts.donor);
    await expectOnPath(page, '/me');
    const donorRes = await callServerAction(page.request, '/admin', createStaff, fields, true);
    const donorBody = await donorRes.text();
    expect(donorBody).toContain('"message":"forbidden"');

    // The donor tries to make themself an administrator.
    const session = await page.request.get('/api/auth/session');
    const { userId } = await session.json();
    const promote = await callServerAction(page.request, '/admin', setRole, { userId, role: 'admin' });
    expect(promote.status()).toBe(500);
    expect((await page.goto('/admin'))?.status()).toBe(403);

    // Nothing was created: the admin's list has no such account.
    await page.context().clearCookies();
    await signIn(page, accounts.admin);
    await expectOnPath(page, '/admin');
    await expect(page.getByText(login)).toHaveCount(0);

    // The same call from an administrator works, so the refusals above were the permission check.
    const allowed = `allowed-${Date.now()}@example.cn`;
    const adminRes = await callServerAction(page.request, '/admin', createStaff, { ...fields, login: allowed }, true);
    expect(adminRes.status()).toBe(200);
    await page.reload();
    await expect(page.getByText(allowed)).toBeVisible();
    await anonymous.dispose();
  });

  test('an admin creates a social worker who can then sign in to the workspace', async ({ page }) => {
    await signIn(page, accounts.admin);
    await expectOnPath(page, '/admin');
    const login = `sw-${Date.now()}@example.cn`;
    const create = page.locator('form').filter({ has: page.getByRole('button', { name: '创建账号' }) });
    await page.getByLabel('称呼').fill('新社工');
    await page.getByLabel('手机号或邮箱').fill(login);
    await create.getByLabel('慈城镇').check();
    // Sent without a password: refused at the field, the sub-district still ticked.
    await page.getByRole('button', { name: '创建账号' }).click();
    await expect(page.getByLabel('密码')).toHaveAttribute('aria-invalid', 'true');
    await expect(create.getByLabel('慈城镇')).toBeChecked();
    await expect(page.getByLabel('称呼')).toHaveValue('新社工');
    await page.getByLabel('密码').fill('a-good-password');
    await page.getByRole('button', { name: '创建账号' }).click();
    await expect(page.getByText('账号已创建')).toBeVisible();
    await expect(page.getByText(login)).toBeVisible();

    // Their sub-districts changed later: none is refused at the field, then 甬江 instead of 慈城.
    const row = page.getByTestId('user-row').filter({ hasText: login });
    await expect(row).toContainText('负责街道：慈城镇');
    await row.getByText('调整 新社工 负责的街道（镇）').click();
    await row.getByLabel('慈城镇').uncheck();
    await row.getByRole('button', { name: '保存负责街道' }).click();
    await expect(row.getByText('社工至少要负责一个街道（镇）')).toBeVisible();
    await row.getByLabel('甬江街道').check();
    await row.getByRole('button', { name: '保存负责街道' }).click();
    await expect(row).toContainText('负责街道：甬江街道');
    await page.context().clearCookies();
    await signIn(page, login, 'a-good-password');
    await expectOnPath(page, '/workspace');
  });
});
