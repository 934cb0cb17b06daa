import { priorityOf } from './priority';
import { compareIds } from './score';
import type { MatchNeed } from './types';

export type QueuedNeed = {
  need: MatchNeed;
  priority: number;
  /** This need's turn among the needs of equal priority in its own sub-district (0 = first). */
  round: number;
  /** submittedAt in milliseconds, read once for the sorts. */
  at: number;
};

/**
 * The order in which the batch assignment considers needs — the fairness rule lives here.
 *
 * 1. Higher priority first (priority already grows with waiting time).
 * 2. Among equal priorities, sub-districts take turns (round-robin): each area's needs of that priority
 *    are lined up oldest first, and every area's first need comes before any area's second need, and so on.
 *    A sub-district with many needs therefore cannot crowd out one with few when they tie.
 * 3. Within a round, earlier submission first, then need id — never the area's name, so no sub-district
 *    is favoured by the alphabet or by the order of the input.
 *
 * Only the order of equal-weight needs changes, and the greedy is exact for any order that is
 * non-increasing in priority, so fairness costs no total priority at all.
 */
export function queueNeeds(needs: readonly MatchNeed[], today: Date): QueuedNeed[] {
  const seen = new Set<string>();
  for (const need of needs) {
    if (seen.has(need.id)) throw new Error(`matching: duplicate need id ${need.id}`);
    seen.add(need.id);
  }
  const queued: QueuedNeed[] = needs.map((need) => ({
    need,
    priority: priorityOf(need, today),
    round: 0,
    at: need.submittedAt.getTime(),
  }));
  const bySubmission = (a: QueuedNeed, b: QueuedNeed) =>
    a.at - b.at || compareIds(a.need.id, b.need.id);

  const groups = new Map<string, QueuedNeed[]>();
  for (const q of queued) {
    const key = `${q.priority}|${q.need.areaId}`;
    const group = groups.get(key);
    if (group) group.push(q);
    else groups.set(key, [q]);
  }
  for (const group of groups.values()) {
    group.sort(bySubmission);
    group.forEach((q, i) => (q.round = i));
  }
  return queued.sort((a, b) => b.priority - a.priority || a.round - b.round || bySubmission(a, b));
}
