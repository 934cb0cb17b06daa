'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { getActor } from '@/lib/auth/session';
import { acceptProposals, chooseProject, chooseProjectSchema } from '@/lib/matching/accept';
import { actOnCase, addCaseNote, assessCase, assessSchema, assignCase, caseCommandSchema } from '@/lib/needs/case-actions';
import { appErrorState, formValues, fieldErrors, type FormState } from '../../../_lib/form-state';
import { isAppError } from '@/lib/errors';

const acceptFailure = { stale: 'proposal_stale', changed: 'conflict', not_found: 'conflict', ineligible: 'project_ineligible', forbidden: 'forbidden' } as const;

/** Every form on the case page posts here with an intent; lib/ checks the permission and the transition. */
export async function caseAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const needId = values.needId ?? '';
  const db = getDb();
  const actor = await getActor();
  try {
    switch (values.intent) {
      case 'command': {
        const parsed = caseCommandSchema.safeParse(values);
        if (!parsed.success) return { ok: false, values, errors: fieldErrors(parsed.error) };
        // Matching goes through the suggestions' rules (eligibility, capacity, a reason for an override).
        if (parsed.data.action === 'match') return { ok: false, values, errors: {}, message: 'conflict' };
        await actOnCase(db, actor, needId, parsed.data);
        break;
      }
      case 'accept': {
        const [outcome] = await acceptProposals(db, actor, [values.token ?? '']);
        if (!outcome.ok) return { ok: false, values, errors: {}, message: acceptFailure[outcome.why] };
        break;
      }
      case 'match': {
        const parsed = chooseProjectSchema.safeParse(values);
        if (!parsed.success) return { ok: false, values, errors: fieldErrors(parsed.error) };
        await chooseProject(db, actor, needId, parsed.data);
        break;
      }
      case 'assess': {
        const parsed = assessSchema.safeParse(values);
        if (!parsed.success) return { ok: false, values, errors: fieldErrors(parsed.error) };
        await assessCase(db, actor, needId, parsed.data);
        break;
      }
      case 'note':
        await addCaseNote(db, actor, needId, values.note ?? '');
        break;
      case 'assign':
        await assignCase(db, actor, needId, values.assigneeId ?? '');
        break;
      default:
        return { ok: false, values, errors: {}, message: 'conflict' };
    }
  } catch (e) {
    if (isAppError(e, 'conflict') || isAppError(e, 'not_found')) return { ok: false, values, errors: {}, message: 'conflict' };
    return appErrorState(e, values);
  }
  revalidatePath(`/workspace/cases/${needId}`);
  // A step that moves the case changes which forms the page shows (the one used may be gone): the page says so.
  if (values.intent === 'command' || values.intent === 'match' || values.intent === 'accept') redirect(`/workspace/cases/${needId}?moved=1`);
  return { ok: true, values: {}, errors: {}, message: 'done' };
}
