import { waitingDays } from './dates';
import type { MatchNeed, Urgency } from './types';

/**
 * Points per level, on the same scale as one day of waiting, so each weight reads as "worth N days".
 * A critical need jumps the queue by 90 days; urgency and hardship together can never be worth more than
 * `maxNonWaitingPoints` days, which is what lets waiting time dominate in the end.
 */
export const urgencyPoints: Record<Urgency, number> = { low: 0, normal: 20, high: 45, critical: 90 };
export const hardshipPointsPerLevel = 8;
/** Not assessed yet: treated as the middle level, so assessment neither penalises nor favours a need. */
export const unassessedHardship = 3;
export const maxNonWaitingPoints = urgencyPoints.critical + hardshipPointsPerLevel * 4;

/**
 * priority = 1 + urgencyPoints[urgency] + 8 × (hardship − 1) + waitingDays
 *
 * - hardship is clamped to 1..5 and null counts as 3;
 * - every need has priority ≥ 1, so serving one more need always adds to the total;
 * - the waiting term is unbounded while the rest is at most 122 (= 90 + 32): a need that has waited
 *   more than 122 days longer than another always outranks it, so nobody waits forever.
 */
export function priorityOf(need: MatchNeed, today: Date): number {
  const hardship = Math.min(5, Math.max(1, Math.round(need.hardship ?? unassessedHardship)));
  return 1 + urgencyPoints[need.urgency] + hardshipPointsPerLevel * (hardship - 1) + waitingDays(need.submittedAt, today);
}
