import { expect, type APIRequestContext, type Page } from '@playwright/test';

export const demoPassword = 'jiangbei2026';
export const accounts = {
  admin: 'admin@demo.aizaijiangbei.cn',
  admin2: 'admin2@demo.aizaijiangbei.cn',
  worker: 'sw1@demo.aizaijiangbei.cn',
  worker2: 'sw2@demo.aizaijiangbei.cn',
  donor: 'donor@demo.aizaijiangbei.cn',
};

export async function signIn(page: Page, login: string, password = demoPassword) {
  await page.goto('/login');
  await page.getByLabel(/手机号或邮箱|Mobile number or email/).fill(login);
  await page.getByLabel(/^密码$|^Password$/).fill(password);
  await page.getByRole('button', { name: /^登录$|^Sign in$/ }).click();
}

export async function useEnglish(page: Page) {
  await page.context().addCookies([{ name: 'NEXT_LOCALE', value: 'en', url: page.url().startsWith('http') ? page.url() : 'http://localhost' }]);
}

export { serverActionId } from './server-actions';

/**
 * Calls a server action by id with form fields, encoded as React's client does (argument list in field "0",
 * the FormData's fields prefixed "_1_"). `withState` is for useActionState actions, whose first argument
 * is the previous state. The request context's cookies are the session.
 */
export async function callServerAction(
  request: APIRequestContext,
  pagePath: string,
  actionId: string,
  fields: Record<string, string>,
  withState = false,
) {
  // Order matters: React reads the form's fields before the argument list, as its client sends them.
  const multipart = new FormData();
  for (const [k, v] of Object.entries(fields)) multipart.append(`_1_${k}`, v);
  multipart.append('0', JSON.stringify(withState ? [{ ok: false, values: {}, errors: {} }, '$K1'] : ['$K1']));
  return request.post(pagePath, { headers: { 'Next-Action': actionId, Accept: 'text/x-component' }, multipart, maxRedirects: 0 });
}

export async function expectOnPath(page: Page, pathname: string) {
  await expect(page).toHaveURL((url) => url.pathname === pathname);
}
