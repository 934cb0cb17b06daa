import { beijingDate } from './dates';
import type { Eligibility, IneligibleRule, MatchNeed, MatchProject, NeedKind, Population, Reason } from './types';

/** What eligibility depends on; needs alike in these are interchangeable for the batch assignment. */
export type NeedSignature = Pick<MatchNeed, 'category' | 'kind' | 'areaId'>;

/**
 * How many more cases a project can take now: its places left, and no more than its money covers at its
 * typical cost per case. A project with no typical cost set is limited by its places only.
 */
export function capacityOf(project: MatchProject): number {
  const places = Math.max(0, Math.floor(project.remainingPlaces));
  if (project.typicalCostFen <= 0) return places;
  return Math.min(places, Math.max(0, Math.floor(project.availableFen / project.typicalCostFen)));
}

/**
 * A 'material' or 'service' need fits a project declaring that kind or 'both' (a project that gives goods
 * and services together can give either). A 'both' need fits only a project that can give both, declared as
 * 'both' or as 'material' and 'service' together: splitting one need across two projects is a decision for
 * a social worker, not for the matcher.
 */
export function kindServed(projectKinds: readonly NeedKind[], kind: NeedKind): boolean {
  if (projectKinds.includes('both')) return true;
  if (kind === 'both') return projectKinds.includes('material') && projectKinds.includes('service');
  return projectKinds.includes(kind);
}

/**
 * The rules that do not depend on how full the project is: status, dates, area, category, kind — in the
 * order a social worker would ask. `todayDate` is YYYY-MM-DD in Beijing time; date bounds are inclusive.
 */
export function standingRule(need: NeedSignature, project: MatchProject, todayDate: string): IneligibleRule | null {
  if (project.status !== 'active') return { code: 'project_not_active', status: project.status };
  if (project.startsOn !== null && todayDate < project.startsOn) {
    return { code: 'project_not_started', startsOn: project.startsOn };
  }
  if (project.endsOn !== null && todayDate > project.endsOn) return { code: 'project_ended', endsOn: project.endsOn };
  if (project.areaIds.length > 0 && !project.areaIds.includes(need.areaId)) {
    return { code: 'area_not_covered', areaId: need.areaId };
  }
  if (!project.categories.includes(need.category)) return { code: 'category_not_served', category: need.category };
  if (!kindServed(project.kinds, need.kind)) return { code: 'kind_not_served', kind: need.kind };
  return null;
}

/** Whether the project can take one more case at all, before any batch assignment uses its places. */
export function capacityRule(project: MatchProject): IneligibleRule | null {
  if (project.remainingPlaces < 1) return { code: 'no_places_left' };
  if (project.typicalCostFen > 0 && project.availableFen < project.typicalCostFen) {
    return { code: 'insufficient_funds', availableFen: project.availableFen, typicalCostFen: project.typicalCostFen };
  }
  return null;
}

export function sharedPopulations(need: Pick<MatchNeed, 'populations'>, project: MatchProject): Population[] {
  return need.populations.filter((p, i) => project.populations.includes(p) && need.populations.indexOf(p) === i);
}

/** The reasons for an eligible pair, in the order the case page shows them. */
export function reasonsFor(need: MatchNeed, project: MatchProject): Reason[] {
  const reasons: Reason[] = [
    { code: 'area_covered', areaId: need.areaId, districtWide: project.areaIds.length === 0 },
    { code: 'same_category', category: need.category },
    { code: 'kind_served', kind: need.kind },
  ];
  const shared = sharedPopulations(need, project);
  if (shared.length > 0) reasons.push({ code: 'population_fit', populations: shared });
  reasons.push({ code: 'places_left', count: project.remainingPlaces });
  reasons.push({ code: 'funds_available', fen: project.availableFen });
  return reasons;
}

/** Can this project take this need today, and why (or the first rule that says no)? */
export function eligibility(need: MatchNeed, project: MatchProject, today: Date): Eligibility {
  const rule = standingRule(need, project, beijingDate(today)) ?? capacityRule(project);
  if (rule) return { eligible: false, rule };
  return { eligible: true, reasons: reasonsFor(need, project) };
}
