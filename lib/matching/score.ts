import { beijingDate } from './dates';
import { capacityRule, reasonsFor, sharedPopulations, standingRule } from './eligibility';
import type { MatchNeed, MatchProject, RankedProject, ScoreBreakdown, Suggestions } from './types';

/**
 * Score of an eligible project for a need, 0..100 points, higher first:
 *
 *   populationFit  0..40  40 × (the need's populations the project serves) ÷ (the need's populations)
 *   categoryFocus  0..20  20 ÷ (categories the project serves)   — a specialist before a generalist
 *   areaFocus      0..20  20 ÷ (sub-districts it covers), 0 when district-wide — a local project first
 *   places         0..10  places left, counted up to 10
 *   funds          0..10  cases its money covers at its typical cost, up to 10 (10 when no cost is set)
 *
 * each rounded to a whole number. Preferring the narrow projects keeps the broad ones free for needs only
 * they can take; the two headroom terms steer away from a project about to run out. Ties go to the
 * smaller project id, so a ranking never depends on input order.
 */
export const scoreWeights = { populationFit: 40, categoryFocus: 20, areaFocus: 20, places: 10, funds: 10 } as const;

/** The part of the score that does not depend on the need (everything but the population fit). */
export function projectBaseScore(project: MatchProject): Omit<ScoreBreakdown, 'populationFit'> {
  const categories = new Set(project.categories).size;
  const areas = new Set(project.areaIds).size;
  const cases = project.typicalCostFen > 0 ? Math.floor(project.availableFen / project.typicalCostFen) : Infinity;
  return {
    categoryFocus: Math.round(scoreWeights.categoryFocus / Math.max(1, categories)),
    areaFocus: areas === 0 ? 0 : Math.round(scoreWeights.areaFocus / areas),
    places: Math.max(0, Math.min(scoreWeights.places, Math.floor(project.remainingPlaces))),
    funds: Math.max(0, Math.min(scoreWeights.funds, cases)),
  };
}

export function populationFitPoints(need: Pick<MatchNeed, 'populations'>, project: MatchProject): number {
  const wanted = new Set(need.populations).size;
  if (wanted === 0) return 0;
  return Math.round((scoreWeights.populationFit * sharedPopulations(need, project).length) / wanted);
}

export function sumBreakdown(b: ScoreBreakdown): number {
  return b.populationFit + b.categoryFocus + b.areaFocus + b.places + b.funds;
}

export function scoreProject(need: MatchNeed, project: MatchProject): { score: number; breakdown: ScoreBreakdown } {
  const breakdown = { populationFit: populationFitPoints(need, project), ...projectBaseScore(project) };
  return { score: sumBreakdown(breakdown), breakdown };
}

/** Code-unit order, not locale order: the same ids sort the same way on every machine. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareRanked(a: { score: number; projectId: string }, b: { score: number; projectId: string }): number {
  return b.score - a.score || compareIds(a.projectId, b.projectId);
}

/** Every project for one need: the eligible ones ranked with their reasons, the others with their rule. */
export function suggestProjects(need: MatchNeed, projects: readonly MatchProject[], today: Date): Suggestions {
  const todayDate = beijingDate(today);
  const eligible: RankedProject[] = [];
  const ineligible: Suggestions['ineligible'] = [];
  for (const project of projects) {
    const rule = standingRule(need, project, todayDate) ?? capacityRule(project);
    if (rule) {
      ineligible.push({ projectId: project.id, rule });
      continue;
    }
    eligible.push({ projectId: project.id, ...scoreProject(need, project), reasons: reasonsFor(need, project) });
  }
  eligible.sort(compareRanked);
  ineligible.sort((a, b) => compareIds(a.projectId, b.projectId));
  return { eligible, ineligible };
}
