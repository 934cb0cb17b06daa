import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { accounts, expectOnPath, signIn, useEnglish } from './helpers';

// Each journey comes from its own address, so the per-address throttle of one does not touch the others.
test.use({ extraHTTPHeaders: { 'x-forwarded-for': `198.51.100.${Math.floor(Math.random() * 200) + 1}` } });

/**
 * Checks the page as it stands against WCAG 2.2 A and AA with axe-core (contrast, names, labels, landmarks,
 * language, focusable scroll areas …): each rule broken is reported with the elements that break it.
 */
async function expectAccessible(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const broken = violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect.soft(broken, `${name} breaks WCAG rules`).toEqual([]);
}

/** WCAG 1.4.10: at 320 CSS px (a small phone, or 400 % zoom) nothing makes the whole page scroll sideways. */
async function expectReflows(page: Page, name: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect.soft(overflow, `${name} scrolls sideways at 320 px`).toBeLessThanOrEqual(0);
}

const publicPages = [
  '/', '/projects', '/projects/zhihuiguo', '/help', '/track', '/donate', '/transparency', '/transparency/payments',
  '/transparency/areas', '/transparency/disclosures', '/transparency/verify', '/certificates', '/login', '/register', '/no-such-page',
];

test.describe('on the smallest phones', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test('every page everyone sees meets WCAG 2.2 AA and reflows at 320 px, in Chinese', async ({ page }) => {
    test.setTimeout(180_000);
    for (const path of publicPages) {
      await page.goto(path);
      await expectAccessible(page, path);
      await expectReflows(page, path);
    }
  });

  test('the pages most used in English meet it too', async ({ page }) => {
    await useEnglish(page);
    for (const path of ['/', '/help', '/donate', '/transparency', '/track']) {
      await page.goto(path);
      await expectAccessible(page, `en ${path}`);
      await expectReflows(page, `en ${path}`);
    }
  });
});

/** WCAG 1.4.4 with 1.4.10: an older person's phone set to 200 % text, at 320 and 360 px. */
test.describe('with text at 200 %', () => {
  for (const width of [320, 360]) {
    test(`the public pages reflow at ${width} px and the help form's choices do not overlap, in both languages`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.setViewportSize({ width, height: 640 });
      for (const english of [false, true]) {
        if (english) await useEnglish(page);
        for (const path of ['/', '/help', '/track', '/projects', '/projects/zhihuiguo', '/donate', '/transparency']) {
          await page.goto(path);
          await page.addStyleTag({ content: 'html { font-size: 200% !important }' });
          await expectReflows(page, `${english ? 'en ' : ''}${path} at 200 % text, ${width} px`);
        }
        await page.goto('/help');
        await page.addStyleTag({ content: 'html { font-size: 200% !important }' });
        const overlapping = await page.evaluate(() => {
          const boxes = [...document.querySelectorAll('input[name=relation]')].map((i) => i.closest('label')!.getBoundingClientRect());
          return boxes.some((a, i) => boxes.some((b, j) => j > i && a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom));
        });
        expect.soft(overlapping, `${english ? 'en ' : ''}the relation choices overlap`).toBe(false);
        // The words stay inside their cards.
        const spilling = await page.locator('input[name=relation] + span').evaluateAll((spans) =>
          spans.filter((s) => s.getBoundingClientRect().right > s.closest('label')!.getBoundingClientRect().right + 1).map((s) => s.textContent),
        );
        expect.soft(spilling).toEqual([]);
        await expect(page.getByRole('button', { name: /^提交求助$|^Submit request$/ })).toBeVisible();
      }
    });
  }
});

/** The same for the pages behind the sign-in: the workspace, the administration and a donor's own page. */
test.describe('signed in, with text at 200 %', () => {
  const bigText = (page: Page) => page.addStyleTag({ content: 'html { font-size: 200% !important }' });
  const workerPages = ['/workspace', '/workspace/new', '/workspace/payments', '/workspace/proposals', '/workspace/workload'];
  const adminPages = ['/admin', '/admin/donations', '/admin/funds', '/admin/projects', '/admin/disclosures'];

  for (const width of [320, 360]) {
    test(`the workspace, the administration and a donor's page reflow at ${width} px, and a refund's question fits, in both languages`, async ({ page, browser }) => {
      test.setTimeout(240_000);
      await page.setViewportSize({ width, height: 640 });
      await signIn(page, accounts.admin);
      await expect(page).not.toHaveURL(/login/);
      await page.goto('/workspace');
      await page.getByTestId('queue-row').first().click();
      await expect(page.getByTestId('pii')).toBeVisible();
      const casePath = new URL(page.url()).pathname;
      for (const english of [false, true]) {
        if (english) await useEnglish(page);
        const where = (path: string) => `${english ? 'en ' : ''}${path} at 200 % text, ${width} px`;
        for (const path of [...workerPages, casePath, ...adminPages]) {
          await page.goto(path);
          await bigText(page);
          await expectReflows(page, where(path));
        }
        // A refund asks first: its dialog is inside the screen, its buttons inside the dialog, nothing to scroll sideways.
        await page.goto('/admin/donations?status=paid');
        await bigText(page);
        const donation = page.getByTestId('admin-donation').first();
        await donation.locator('summary').click();
        await donation.getByLabel(/^退款原因|^Reason/).fill('捐赠人申请');
        await donation.getByRole('button', { name: /^通过支付通道退款$|^Refund through the processor$/ }).click();
        const dialog = page.getByRole('alertdialog');
        await expect(dialog).toBeVisible();
        const fits = await dialog.evaluate((d) => {
          const box = d.getBoundingClientRect();
          const buttons = [...d.querySelectorAll('button')].map((b) => b.getBoundingClientRect());
          return box.left >= 0 && box.right <= innerWidth && box.bottom <= innerHeight && d.scrollWidth <= d.clientWidth
            && buttons.every((b) => b.left >= box.left && b.right <= box.right);
        });
        expect.soft(fits, where('the refund question')).toBe(true);
        await page.keyboard.press('Escape');
      }
      // The worker's own view of the workspace, and a donor's page.
      for (const [login, paths] of [[accounts.worker, workerPages], [accounts.donor, ['/me']]] as const) {
        const from = { 'x-forwarded-for': `198.51.100.${Math.floor(Math.random() * 200) + 1}` };
        const other = await (await browser.newContext({ viewport: { width, height: 640 }, extraHTTPHeaders: from })).newPage();
        await signIn(other, login);
        await expect(other).not.toHaveURL(/login/);
        for (const english of [false, true]) {
          if (english) await useEnglish(other);
          for (const path of paths) {
            await other.goto(path);
            await bigText(other);
            await expectReflows(other, `${login}: ${english ? 'en ' : ''}${path} at 200 % text, ${width} px`);
          }
        }
        await other.context().close();
      }
    });
  }
});

test('a keyboard reaches the content first: the skip link is the first stop and lands on the main content', async ({ page }) => {
  await page.goto('/help');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: '跳到正文' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
  await page.keyboard.press('Tab');
  // The next stop is inside the main content, not the header's links.
  expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
});

test('forms showing their errors, and the whole gift, meet WCAG 2.2 AA', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/help');
  await page.getByRole('button', { name: '提交求助' }).click();
  await expect(page.getByRole('alert').first()).toBeVisible();
  await expectAccessible(page, '/help with errors');

  await page.goto('/track');
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page.locator('[aria-invalid="true"]').first()).toBeVisible();
  await expectAccessible(page, '/track with errors');

  await page.goto('/register');
  await page.getByRole('button', { name: '注册' }).click();
  await expect(page.locator('[aria-invalid="true"]').first()).toBeVisible();
  await expectAccessible(page, '/register with errors');

  await page.goto('/donate?project=zhihuiguo');
  await page.getByLabel('其他金额（元）').fill('0');
  await page.getByRole('button', { name: '确认捐赠' }).click();
  await expect(page.getByText('捐赠金额最少为 ¥1')).toBeVisible();
  await expectAccessible(page, '/donate with errors');
  await page.getByLabel('其他金额（元）').fill('100');
  await page.getByRole('button', { name: '确认捐赠' }).click();
  await expect(page.getByTestId('demo-amount')).toBeVisible();
  await expectAccessible(page, 'the demo payment page');
  await page.getByRole('button', { name: '确认支付（演示）' }).click();
  await expect(page.getByRole('heading', { name: '感谢您的爱心！' })).toBeVisible();
  await expectAccessible(page, 'the thank-you page');
  await page.getByRole('link', { name: '查看捐赠证明' }).click();
  await expect(page.getByTestId('certificate')).toBeVisible();
  await expectAccessible(page, 'a certificate');
});

test("a social worker's pages meet WCAG 2.2 AA", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, accounts.worker);
  await expectOnPath(page, '/workspace');
  for (const path of ['/workspace', '/workspace/new', '/workspace/payments', '/workspace/proposals', '/workspace/workload']) {
    await page.goto(path);
    await expectAccessible(page, path);
  }
  await page.goto('/workspace');
  await page.getByTestId('queue-row').first().click();
  await expect(page.getByTestId('pii')).toBeVisible();
  await expectAccessible(page, 'a case');
});

test("an administrator's and a donor's pages meet WCAG 2.2 AA", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signIn(page, accounts.admin);
  await expect(page).not.toHaveURL(/login/);
  const adminPages = ['/admin', '/admin/projects', '/admin/projects/zhihuiguo', '/admin/donations', '/admin/funds', '/admin/receipts'];
  for (const path of [...adminPages, '/admin/disclosures', '/admin/calendar', '/admin/privacy']) {
    await page.goto(path);
    await expectAccessible(page, path);
  }
  const donor = await (await browser.newContext()).newPage();
  await signIn(donor, accounts.donor);
  await expectOnPath(donor, '/me');
  await expectAccessible(donor, '/me');
});
