import { expect, test } from '@playwright/test';
import { accounts, callServerAction, expectOnPath, serverActionId, signIn } from './helpers';
import { createValidNeeds, statusesOf, topSuggestionToken } from './matching-data';

test.describe('matching needs to projects', () => {
  test('a social worker accepts the top suggestion for one need, then two proposals for the waiting list', async ({ page }) => {
    const [one, two, three] = await createValidNeeds(3);
    await signIn(page, accounts.worker);
    await expectOnPath(page, '/workspace');

    // One need: the projects that can take it, ranked, each with its reasons in plain words.
    await page.goto(`/workspace/cases/${one.needId}`);
    const suggestions = page.getByTestId('suggestions');
    await expect(suggestions.getByRole('heading', { name: '推荐项目' })).toBeVisible();
    const ranked = suggestions.getByTestId('suggestion');
    expect(await ranked.count()).toBeGreaterThan(1);
    const scores = (await ranked.getByTestId('score').allInnerTexts()).map((s) => Number(s.replace(/\D/g, '')));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const first = ranked.first();
    await expect(first).toContainText('首选');
    await expect(first).toContainText('同属生活帮扶');
    await expect(first).toContainText(/服务范围(覆盖全区|含白沙街道)/);
    await expect(first).toContainText(/本月剩余名额 \d+/);
    await expect(first).toContainText(/可用资金 ¥[\d,]+/);
    await suggestions.getByText(/不符合条件的项目（\d+）/).click();
    await expect(suggestions.getByTestId('ineligible')).toContainText('服务范围不含白沙街道');

    // Choosing another project without a reason is refused at the field, in Chinese.
    const other = suggestions.locator('form').filter({ hasText: '选择其他项目' });
    await other.getByLabel('项目').selectOption({ index: 1 });
    await other.getByRole('button', { name: '确认匹配' }).click();
    await expect(other.getByText('选的不是推荐首选，请写明理由（至少 2 个字）')).toBeVisible();

    // Accepting the first one matches the need and says why in the case history.
    const projectName = (await first.getByTestId('project-name').innerText()).trim();
    await first.getByRole('button', { name: '接受推荐' }).click();
    await expect(page.getByText('已匹配', { exact: true }).first()).toBeVisible();
    await expect(suggestions.getByRole('button', { name: '接受推荐' })).toHaveCount(0);
    await expect(suggestions.getByRole('heading', { name: '更换项目' })).toBeVisible();
    await expect(page.getByText(`已匹配 · ${projectName} · 接受推荐首选`)).toBeVisible();

    // The waiting list: proposals to review, none applied until accepted.
    await page.getByRole('link', { name: '分配建议' }).click();
    await expectOnPath(page, '/workspace/proposals');
    await page.getByRole('button', { name: '生成分配建议' }).click();
    await expect(page.getByText(/等待匹配的有效求助：\d+ 条/)).toBeVisible();
    const proposals = page.getByTestId('proposal');
    await expect(proposals.filter({ hasText: two.code })).toHaveCount(1);
    await expect(proposals.filter({ hasText: three.code })).toHaveCount(1);
    await expect(proposals.filter({ hasText: one.code })).toHaveCount(0);
    await expect(proposals.filter({ hasText: two.code })).toContainText(/优先级 \d+/);
    await expect(proposals.filter({ hasText: two.code })).toContainText('同属生活帮扶');
    const before = await proposals.count();
    expect(Object.values(await statusesOf([two.needId, three.needId]))).toEqual(['valid', 'valid']);

    for (const n of [two, three]) await proposals.filter({ hasText: n.code }).getByRole('checkbox').check();
    await page.getByRole('button', { name: '接受所选' }).click();
    await expect(page.getByTestId('accept-result')).toContainText('已接受 2 条建议。');
    await expect(proposals.filter({ hasText: two.code })).toHaveCount(0);
    await expect(proposals).toHaveCount(before - 2);
    expect(await statusesOf([two.needId, three.needId])).toEqual({ [two.needId]: 'matched', [three.needId]: 'matched' });

    await page.goto(`/workspace/cases/${two.needId}`);
    await expect(page.getByText(/已匹配 · .+ · 接受分配建议（优先级 \d+）/)).toBeVisible();
  });

  test('the accept action, called directly, refuses a visitor and a donor', async ({ page, playwright, baseURL }) => {
    const [need] = await createValidNeeds(1);
    const token = await topSuggestionToken(need.needId, accounts.worker);
    const action = serverActionId('app/[locale]/workspace/proposals/actions.ts', 'acceptProposalsAction');
    const fields = { proposal: token, mode: 'selected' };

    const anonymous = await playwright.request.newContext({ baseURL });
    const anonRes = await callServerAction(anonymous, '/workspace/proposals', action, fields, true);
    expect(await anonRes.text()).not.toContain('"ok":true');
    await anonymous.dispose();

    await signIn(page, accounts.donor);
    await expectOnPath(page, '/me');
    const donorRes = await callServerAction(page.request, '/workspace/proposals', action, fields, true);
    expect(await donorRes.text()).toContain('"message":"forbidden"');
    expect((await page.goto('/workspace/proposals'))?.status()).toBe(403);
    expect(await statusesOf([need.needId])).toEqual({ [need.needId]: 'valid' });

    // The same call from the social worker it was offered to works, so the refusals were the permission check.
    await page.context().clearCookies();
    await signIn(page, accounts.worker);
    await expectOnPath(page, '/workspace');
    const workerRes = await callServerAction(page.request, '/workspace/proposals', action, fields, true);
    expect(workerRes.status()).toBe(200);
    expect(await statusesOf([need.needId])).toEqual({ [need.needId]: 'matched' });
  });
});
