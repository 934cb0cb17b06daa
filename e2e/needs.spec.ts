import { expect, test, type Page } from '@playwright/test';
import { accounts, callServerAction, expectOnPath, serverActionId, signIn } from './helpers';

// Each journey comes from its own address, so the per-address throttle of one does not touch the others.
test.use({ extraHTTPHeaders: { 'x-forwarded-for': `198.51.100.${Math.floor(Math.random() * 200) + 1}` } });

const uniquePhone = () => `13${5 + Math.floor(Math.random() * 4)}${String(Date.now()).slice(-8)}`;

async function askForHelp(page: Page, phone: string) {
  await page.goto('/help');
  await page.getByLabel('姓名 *', { exact: true }).fill('王奶奶');
  await page.getByLabel('联系电话 *').fill(phone);
  await page.getByLabel('所在街道（镇） *').selectOption('cicheng');
  await page.getByLabel('村或社区 *').fill('公家村');
  await page.getByRole('radio', { name: '养老照护' }).check();
  await page.getByRole('radio', { name: /服务（探访/ }).check();
  await page.getByRole('checkbox', { name: '老年人' }).check();
  await page.getByLabel('请说说遇到的困难和需要的帮助 *').fill('八十多岁独居，做饭困难，希望有人上门送餐');
  await page.getByRole('checkbox', { name: /我已阅读并同意/ }).check();
  await page.getByRole('button', { name: '提交求助' }).click();
  const code = (await page.getByTestId('tracking-code').textContent())!.trim();
  expect(code).toMatch(/^JB-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  return code;
}

async function track(page: Page, code: string, last4: string) {
  await page.goto('/track');
  await page.getByLabel('查询码').fill(code.toLowerCase().replace(/-/g, ' '));
  await page.getByLabel('电话后 4 位').fill(last4);
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page.getByTestId('tracked')).toBeVisible();
}

test('a resident asks for help and follows the case to its end while a social worker runs it', async ({ browser }) => {
  const resident = await (await browser.newContext()).newPage();
  const phone = uniquePhone();
  const code = await askForHelp(resident, phone);
  // The answer is brought into view and focus, so it is not missed below the fold or by a screen reader.
  await expect(resident.getByRole('heading', { name: '求助已提交' })).toBeFocused();
  await expect(resident.getByTestId('tracking-code')).toBeInViewport();
  await expect(resident.getByText('社工会在 3 个工作日内打电话核实情况。')).toBeVisible();

  await track(resident, code, phone.slice(-4));
  await expect(resident.getByTestId('status')).toHaveText('您的求助已收到');

  // The social worker covering 慈城镇 finds it in the unassigned queue and runs it.
  const worker = await (await browser.newContext()).newPage();
  await signIn(worker, accounts.worker2);
  await expectOnPath(worker, '/workspace');
  // Its pages are per request: links there prefetch nothing (each would be a request for the route's outline only).
  const prefetches: string[] = [];
  worker.on('request', (r) => void (r.headers()['next-router-prefetch'] && prefetches.push(r.url())));
  await worker.goto(`/workspace?assignee=none&q=${code}`);
  await worker.waitForLoadState('networkidle');
  expect(prefetches.filter((u) => /^\/(workspace|admin|me)\b/.test(new URL(u).pathname))).toEqual([]);
  await worker.getByTestId('queue-row').filter({ hasText: code }).click();
  await expect(worker.getByTestId('pii')).toContainText('王奶奶');
  await expect(worker.getByTestId('pii')).toContainText(phone);

  // A social worker of other sub-districts given the link sees the 403 page, not the case (nor an error).
  const outsider = await (await browser.newContext()).newPage();
  await signIn(outsider, accounts.worker);
  await expectOnPath(outsider, '/workspace');
  expect((await outsider.goto(worker.url()))?.status()).toBe(403);
  await expect(outsider.getByText('王奶奶')).toHaveCount(0);
  await outsider.context().close();
  await worker.getByRole('button', { name: '认领' }).click();
  await expect(worker.getByText('负责社工')).toBeVisible();
  await worker.getByRole('button', { name: '开始审核' }).click();
  await worker.getByRole('button', { name: '核实为有效' }).click();
  await expect(worker.getByText('有效', { exact: true }).first()).toBeVisible();

  await track(resident, code, phone.slice(-4));
  await expect(resident.getByTestId('status')).toHaveText('经核实，您的求助有效');

  await worker.reload();
  const top = worker.getByTestId('suggestion').first();
  const project = (await top.getByTestId('project-name').textContent())!.trim();
  await top.getByRole('button', { name: '接受推荐' }).click();
  await expect(worker.getByRole('button', { name: '保存服务记录' })).toBeVisible();
  await worker.getByLabel('服务类型').fill('助餐送餐');
  await worker.getByLabel('服务提供者').fill('公家村志愿者');
  await worker.getByRole('button', { name: '保存服务记录' }).click();
  await expect(worker.getByRole('button', { name: '标记为已完成' })).toBeVisible();
  // The service's day is written as the page's other dates are ("2026年12月7日"), not as 2026-12-07.
  const today = new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium', timeZone: 'Asia/Shanghai' }).format(new Date());
  await expect(worker.getByText(`${today} · 助餐送餐`)).toBeVisible();
  // A payment for this case starts from the case, filled in for it.
  const caseUrl = worker.url();
  await worker.getByRole('link', { name: '为此案件申请支出' }).click();
  await expect(worker.getByLabel('项目')).toHaveValue(/./);
  expect(await worker.getByLabel('项目').locator('option:checked').textContent()).toBe(project);
  await expect(worker.getByLabel('关联求助查询码')).toHaveValue(code);
  await worker.goto(caseUrl);
  await worker.getByRole('button', { name: '标记为已完成' }).click();
  await expect(worker.getByRole('button', { name: '结案' })).toBeVisible();

  await track(resident, code, phone.slice(-4));
  await expect(resident.getByTestId('status')).toHaveText('帮扶已完成');
  for (const step of ['社工正在核实情况', '经核实，您的求助有效', `已为您匹配帮扶项目：“${project}”`, '提供了服务：助餐送餐', '帮扶已完成']) {
    await expect(resident.getByRole('list').filter({ hasText: '提交了求助' }).getByText(step, { exact: true })).toBeVisible();
  }
  // Sent without a score, or with too long a comment: told at the field, taken there, and nothing typed or chosen is lost.
  const comment = resident.getByLabel('想说的话');
  await comment.fill('送的饭很热乎，谢谢');
  await resident.getByRole('button', { name: '提交评价' }).click();
  await expect(resident.getByText('请选择 1 到 5 分')).toBeVisible();
  await expect(resident.getByRole('radio', { name: '1' })).toBeFocused();
  await expect(comment).toHaveValue('送的饭很热乎，谢谢');
  await resident.getByText('5', { exact: true }).click();
  await comment.fill('谢'.repeat(501));
  await resident.getByRole('button', { name: '提交评价' }).click();
  await expect(comment).toHaveAccessibleDescription(/内容过长/);
  await expect(comment).toBeFocused();
  await expect(resident.getByRole('radio', { name: '5' })).toBeChecked();
  await comment.fill('送的饭很热乎，谢谢');
  await resident.getByRole('button', { name: '提交评价' }).click();
  await expect(resident.getByText('感谢您的评价！')).toBeVisible();
  await expect(resident.getByText('感谢您的评价！')).toBeFocused();
  await expect(resident.getByText('您的评价：5 分')).toBeVisible();

  // Closing needs a follow-up note, checked on the server — before anything is asked.
  await worker.reload();
  await worker.getByRole('button', { name: '结案' }).click();
  await expect(worker.getByText('请填写回访情况')).toBeVisible();
  await expect(worker.getByRole('alertdialog')).toHaveCount(0);
  // Taken to the field to fix.
  await expect(worker.getByLabel('回访情况')).toBeFocused();
  await worker.getByLabel('回访情况').fill('电话回访，老人满意');
  await worker.getByRole('button', { name: '结案' }).click();
  await expect(worker.getByRole('alertdialog')).toContainText('确认结案？');
  await worker.getByRole('alertdialog').getByRole('button', { name: '结案' }).click();
  await expect(worker.getByRole('button', { name: '重新打开' })).toBeVisible();
});

test('bad input is shown at each field, in Chinese, and nothing typed is lost', async ({ page }) => {
  await page.goto('/help');
  await page.getByLabel('姓名 *', { exact: true }).fill('李爷爷');
  await page.getByLabel('联系电话 *').fill('12345');
  await page.getByLabel('村或社区 *').fill('南联村');
  await page.getByRole('radio', { name: '助残' }).check();
  await page.getByLabel('请说说遇到的困难和需要的帮助 *').fill('轮椅坏了');
  await page.getByLabel('残疾情况（选填）').fill('右腿截肢');
  await page.getByRole('button', { name: '提交求助' }).click();

  await expect(page.getByText('请修改标红的项目后再提交。')).toBeVisible();
  // Taken to the first field to fix, its message read with it.
  await expect(page.getByLabel('联系电话 *')).toBeFocused();
  await expect(page.locator('#phone-error')).toHaveText('请输入 11 位手机号，或带区号的固定电话（如 0574-87654321）');
  await expect(page.locator('#areaId-error')).toHaveText('请选择一项');
  await expect(page.locator('#description-error')).toHaveText('请至少写 10 个字，说说需要什么帮助');
  await expect(page.locator('#kind-error')).toHaveText('请选择一项');
  await expect(page.locator('#consent-error')).toHaveText('请阅读并勾选同意');
  // Sensitive information without its separate consent is refused too.
  await expect(page.locator('#sensitiveConsent-error')).toHaveText('请阅读并勾选同意');

  await expect(page.getByLabel('姓名 *', { exact: true })).toHaveValue('李爷爷');
  await expect(page.getByLabel('联系电话 *')).toHaveValue('12345');
  await expect(page.getByLabel('村或社区 *')).toHaveValue('南联村');
  await expect(page.getByRole('radio', { name: '助残' })).toBeChecked();
  await expect(page.getByLabel('请说说遇到的困难和需要的帮助 *')).toHaveValue('轮椅坏了');
  await expect(page.getByLabel('残疾情况（选填）')).toHaveValue('右腿截肢');
});

test('a social worker enters a request taken by phone, can go straight on to the case, and finds it again by the number', async ({ page }) => {
  await signIn(page, accounts.worker2);
  await expectOnPath(page, '/workspace');
  // The workspace's menu says where one is.
  const menu = page.getByRole('navigation', { name: '社工工作台' });
  await expect(menu.getByRole('link', { name: '求助队列' })).toHaveAttribute('aria-current', 'page');
  await menu.getByRole('link', { name: '我的个案' }).click();
  await expect(menu.getByRole('link', { name: '我的个案' })).toHaveAttribute('aria-current', 'page');
  await expect(menu.getByRole('link', { name: '求助队列' })).not.toHaveAttribute('aria-current', 'page');
  await page.goto('/workspace/new');
  await expect(menu.getByRole('link', { name: '录入求助' })).toHaveAttribute('aria-current', 'page');
  await page.getByRole('radio', { name: '电话' }).check();
  await page.getByLabel('姓名 *', { exact: true }).fill('欧阳大爷');
  const landline = `0574 ${String(Math.floor(Math.random() * 9e7) + 1e7)}`;
  await page.getByLabel('联系电话 *').fill(landline);
  await page.getByLabel('所在街道（镇） *').selectOption('cicheng');
  await page.getByLabel('村或社区 *').fill('妙山村');
  await page.getByRole('radio', { name: '生活帮扶' }).check();
  await page.getByRole('radio', { name: /^物质（/ }).check();
  await page.getByLabel('请说说遇到的困难和需要的帮助 *').fill('腿脚不便，冬天缺少取暖用品');
  await page.getByRole('checkbox', { name: /已向居民读过以上说明/ }).check();
  await page.getByRole('button', { name: '提交求助' }).click();
  await expect(page.getByRole('heading', { name: '求助已提交' })).toBeFocused();
  const code = (await page.getByTestId('tracking-code').textContent())!.trim();
  await expect(page.getByRole('link', { name: '打开这个案件' })).toHaveAttribute('href', /^\/workspace\/cases\/[0-9a-f-]{36}$/);

  // Found again by the phone number, which stays out of the address (and the history, and the logs).
  await page.goto('/workspace');
  await page.locator('summary', { hasText: '筛选' }).click();
  // Part of the number cannot be searched (it is encrypted): said at the field, before anything is sent, and kept there.
  const search = page.getByLabel('搜索');
  await search.fill(landline.slice(-8));
  await page.getByRole('button', { name: '筛选', exact: true }).click();
  await expect(search).toHaveAccessibleDescription(/部分号码、身份证号等已加密保存，无法搜索/);
  await expect(search).toBeFocused();
  await expect(search).toHaveValue(landline.slice(-8));
  await expect(page).toHaveURL(/\/workspace$/);
  await search.fill(landline.replace(' ', '-'));
  await page.getByRole('button', { name: '筛选', exact: true }).click();
  await expect(page).toHaveURL(/[?&]phone=/);
  expect(page.url()).not.toContain(landline.slice(-8));
  await page.getByTestId('queue-row').filter({ hasText: code }).click();
  await expect(page).toHaveURL(/\/workspace\/cases\//);
  await expect(page.getByTestId('pii')).toContainText('欧阳大爷');
  // Kept in one form, whatever spaces were typed.
  await expect(page.getByTestId('pii')).toContainText(landline.replace(' ', ''));

  // A note sent after the sign-in has lapsed is answered at the form, with what was typed still there.
  await page.getByLabel('添加备注').fill('已电话联系，明天上门');
  await page.context().clearCookies();
  await page.getByRole('button', { name: '保存备注' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '您的登录已过期' })).toBeFocused();
  await expect(page.getByLabel('添加备注')).toHaveValue('已电话联系，明天上门');
});

test('the form works without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const code = await askForHelp(page, uniquePhone());
  expect(code).toBeTruthy();
  await context.close();
});

test('a donor and an anonymous visitor can neither open a case nor call its actions', async ({ page, playwright, baseURL }) => {
  // Find a real case id as staff first.
  await signIn(page, accounts.admin);
  await expectOnPath(page, '/admin');
  await page.goto('/workspace?status=screening');
  await page.getByTestId('queue-row').first().click();
  await expect(page).toHaveURL(/\/workspace\/cases\//);
  const casePath = new URL(page.url()).pathname;
  const needId = casePath.split('/').pop()!;
  const statusBefore = await page.locator('.badge').first().textContent();

  const caseAction = serverActionId('app/[locale]/workspace/cases/[id]/actions.ts', 'caseAction');
  const command = { needId, intent: 'command', action: 'verify_invalid', reason: '攻击测试' };

  const anonymous = await playwright.request.newContext({ baseURL });
  expect((await anonymous.get(casePath, { maxRedirects: 0 })).status()).toBe(307);
  const anonCall = await callServerAction(anonymous, casePath, caseAction, command, true);
  expect(await anonCall.text()).not.toContain('"ok":true');

  await page.context().clearCookies();
  await signIn(page, accounts.donor);
  await expectOnPath(page, '/me');
  expect((await page.goto(casePath))?.status()).toBe(403);
  await expect(page.getByText('王奶奶')).toHaveCount(0);
  const donorCall = await callServerAction(page.request, casePath, caseAction, command, true);
  expect(await donorCall.text()).toContain('"message":"forbidden"');

  // Nothing changed.
  await page.context().clearCookies();
  await signIn(page, accounts.admin);
  await expectOnPath(page, '/admin');
  await page.goto(casePath);
  await expect(page.locator('.badge').first()).toHaveText(statusBefore!);
  await expect(page.getByText('攻击测试')).toHaveCount(0);
  await anonymous.dispose();
});

test('a resident withdraws a request: a reason too long is answered at its box and kept, then the request is withdrawn', async ({ page }) => {
  const phone = uniquePhone();
  const code = await askForHelp(page, phone);
  await track(page, code, phone.slice(-4));
  await page.getByText('撤回求助').click();
  const reason = page.getByLabel('撤回原因（选填）');
  const long = '家里人已经帮忙安排好了。'.repeat(50);
  await reason.fill(long);
  await page.getByRole('button', { name: '撤回这条求助' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: '撤回这条求助' }).click();
  await expect(page.locator('#reason-error')).toHaveText('内容过长，请删减一些');
  await expect(reason).toBeFocused();
  await expect(reason).toHaveValue(long);
  await expect(page.getByTestId('tracked')).not.toContainText('已撤回');

  await reason.fill('家里人已经帮忙安排好了');
  await page.getByRole('button', { name: '撤回这条求助' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: '撤回这条求助' }).click();
  await expect(page.getByTestId('tracked')).toContainText('已撤回');
  await expect(page.getByText('家里人已经帮忙安排好了')).toBeVisible();
});
