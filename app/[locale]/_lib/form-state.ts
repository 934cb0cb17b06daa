import { isAppError } from '@/lib/errors';

/** What a server action sends back to its form: the values as typed and a message key per field. */
export type FormState = {
  ok: boolean;
  values: Record<string, string>;
  errors: Record<string, string>;
  message?: string;
  /** What a successful action hands back to the page (already stripped of anything the viewer may not see). */
  data?: unknown;
};

export const emptyForm: FormState = { ok: false, values: {}, errors: {} };

export function formValues(formData: FormData, secret: string[] = []): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === 'string' && !key.startsWith('$') && !secret.includes(key)) values[key] = value;
  }
  return values;
}

export { fieldErrors } from '@/lib/errors';

/** Turns a domain error into form feedback; anything unexpected is rethrown to the error page. */
export function appErrorState(e: unknown, values: Record<string, string>): FormState {
  if (isAppError(e) && Object.keys(e.fields).length) return { ok: false, values, errors: e.fields };
  if (isAppError(e, 'throttled')) return { ok: false, values, errors: {}, message: 'throttled' };
  if (isAppError(e, 'unauthenticated')) return { ok: false, values, errors: {}, message: 'signedOut' };
  if (isAppError(e, 'forbidden')) return { ok: false, values, errors: {}, message: 'forbidden' };
  throw e;
}
