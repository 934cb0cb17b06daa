/** The journey of a need (shared/DOMAIN.md), as data: which action may move it from which status to which. */
import { needStatusEnum } from '@/db/schema/enums';

export const needStatuses = needStatusEnum.enumValues;
export type NeedStatus = (typeof needStatuses)[number];

export const needActions = [
  'start_screening',
  'verify_valid',
  'verify_invalid',
  'match',
  'record_service',
  'mark_fulfilled',
  'close',
  'reopen',
  'withdraw',
] as const;
export type NeedAction = (typeof needActions)[number];

/** from → to for each action; an action missing for a status is illegal there. */
export const transitions: Record<NeedAction, Partial<Record<NeedStatus, NeedStatus>>> = {
  start_screening: { submitted: 'screening' },
  verify_valid: { screening: 'valid' },
  verify_invalid: { screening: 'invalid' },
  match: { valid: 'matched', matched: 'matched' },
  // The first service delivered starts the help; later ones keep it in service.
  record_service: { matched: 'in_service', in_service: 'in_service' },
  mark_fulfilled: { in_service: 'fulfilled' },
  close: { fulfilled: 'closed' },
  reopen: { invalid: 'screening', withdrawn: 'screening', fulfilled: 'in_service', closed: 'in_service' },
  withdraw: { submitted: 'withdrawn', screening: 'withdrawn', valid: 'withdrawn', matched: 'withdrawn' },
};

export function nextStatus(from: NeedStatus, action: NeedAction): NeedStatus | null {
  return transitions[action][from] ?? null;
}

export function allowedActions(from: NeedStatus): NeedAction[] {
  return needActions.filter((a) => transitions[a][from] !== undefined);
}

/** Actions that must carry a reason the record keeps (and, for not-valid, that the resident is told). */
export const needsReason: NeedAction[] = ['verify_invalid', 'reopen'];

export const openStatuses: NeedStatus[] = ['submitted', 'screening', 'valid', 'matched', 'in_service'];
export const validStatuses: NeedStatus[] = ['valid', 'matched', 'in_service', 'fulfilled', 'closed'];
