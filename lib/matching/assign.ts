import { prepare, type Prepared } from './classes';
import { reasonsFor } from './eligibility';
import { createClassFlow } from './flow';
import { queueNeeds, type QueuedNeed } from './order';
import { compareIds, populationFitPoints, scoreWeights } from './score';
import type { AssignmentResult, MatchNeed, MatchProject } from './types';

/**
 * Proposes a project for as many waiting needs as possible, maximising the total priority served, with
 * no project given more needs than its capacity (places left, and what its money covers).
 *
 * Why this is exact: the sets of needs that can all be served at once are the independent sets of a
 * transversal matroid (needs on one side, project places on the other). A need's weight (its priority)
 * does not depend on the project, so the matroid greedy — consider needs from the highest priority down,
 * keep a need iff it can be added while all kept needs stay served — yields a maximum-weight independent
 * set (Rado–Edmonds). The "can it be added" test is one augmenting path in a max-flow network (flow.ts).
 * Because every priority is ≥ 1, the result also serves the largest possible number of needs.
 *
 * Which project each kept need gets is then a free choice: within each signature class, needs in queue
 * order take the best-scoring project (population fit included) among those the flow assigned to the class.
 */
export function proposeAssignments(
  needs: readonly MatchNeed[],
  projects: readonly MatchProject[],
  today: Date,
): AssignmentResult {
  const queue = queueNeeds(needs, today);
  const prep = prepare(
    queue.map((q) => q.need),
    projects,
    today,
  );
  const flow = createClassFlow(prep.lists, prep.capacity);
  const accepted = queue.map((_, i) => flow.tryAdd(prep.classOf[i]));

  // Per class: how many of its needs each project of its list takes, as the flow decided.
  const quota = prep.lists.map((_, c) => Int32Array.from(flow.flowOf(c)));
  return collect(queue, prep, (i) => (accepted[i] ? pickProject(queue[i].need, prep, prep.classOf[i], quota) : -1));
}

/**
 * The naive baseline: needs in the same order, each to its best-ranked eligible project that still has
 * room. Never better than proposeAssignments; the tests and the benchmark compare the two.
 */
export function greedyAssignments(
  needs: readonly MatchNeed[],
  projects: readonly MatchProject[],
  today: Date,
): AssignmentResult {
  const queue = queueNeeds(needs, today);
  const prep = prepare(
    queue.map((q) => q.need),
    projects,
    today,
  );
  const room = Int32Array.from(prep.capacity);
  return collect(queue, prep, (i) => {
    const c = prep.classOf[i];
    const pos = bestPosition(queue[i].need, prep, prep.lists[c], (_, p) => room[p] > 0);
    if (pos < 0) return -1;
    room[prep.lists[c][pos]]--;
    return prep.lists[c][pos];
  });
}

/** Takes one unit of the class's quota for the best project left for this need. */
function pickProject(need: MatchNeed, prep: Prepared, c: number, quota: Int32Array[]): number {
  const q = quota[c];
  const list = prep.lists[c];
  const pos = bestPosition(need, prep, list, (pos) => q[pos] > 0);
  if (pos < 0) throw new Error('matching: flow and decomposition disagree'); // unreachable: quota sums to accepted
  q[pos]--;
  return list[pos];
}

/**
 * Position of the highest-scoring project of `list` allowed by `open`, ties to the smaller id. The list is sorted by base
 * score, and the population fit adds at most its weight, so the scan stops once nothing further can win.
 */
function bestPosition(
  need: MatchNeed,
  prep: Prepared,
  list: readonly number[],
  open: (pos: number, p: number) => boolean,
): number {
  let best = -1;
  let bestScore = -1;
  let bestId = '';
  for (let pos = 0; pos < list.length; pos++) {
    const p = list[pos];
    if (prep.baseTotal[p] + scoreWeights.populationFit < bestScore) break;
    if (!open(pos, p)) continue;
    const score = prep.baseTotal[p] + populationFitPoints(need, prep.projects[p]);
    if (score > bestScore || (score === bestScore && compareIds(prep.projects[p].id, bestId) < 0)) {
      best = pos;
      bestScore = score;
      bestId = prep.projects[p].id;
    }
  }
  return best;
}

function collect(queue: QueuedNeed[], prep: Prepared, projectFor: (i: number) => number): AssignmentResult {
  const result: AssignmentResult = { proposals: [], unassigned: [], totalPriority: 0 };
  queue.forEach(({ need, priority }, i) => {
    const p = projectFor(i);
    if (p < 0) {
      const why = prep.hasStanding[prep.classOf[i]] ? 'eligible_projects_full' : 'no_eligible_project';
      result.unassigned.push({ needId: need.id, priority, why });
      return;
    }
    const project = prep.projects[p];
    result.proposals.push({
      needId: need.id,
      projectId: project.id,
      priority,
      score: prep.baseTotal[p] + populationFitPoints(need, project),
      reasons: reasonsFor(need, project),
    });
    result.totalPriority += priority;
  });
  return result;
}
