import { beijingDate } from './dates';
import { capacityOf, standingRule, type NeedSignature } from './eligibility';
import { compareIds, projectBaseScore } from './score';
import type { MatchNeed, MatchProject } from './types';

/**
 * The work shared by the batch assignment and the greedy baseline: eligibility is decided once per
 * signature (category, kind, area) rather than once per need. Populations are not part of the signature
 * because they only change a project's score, never whether it may take the need.
 */
export type Prepared = {
  projects: readonly MatchProject[];
  capacity: number[];
  /** Per project: its score without the population fit, which is the same for every need. */
  baseTotal: number[];
  /** Class of each need, by its index in the needs given. */
  classOf: Int32Array;
  /** Per class: projects with capacity that pass the standing rules, best base score first, then id. */
  lists: number[][];
  /** Per class: whether any project passes the standing rules, full or not. */
  hasStanding: boolean[];
};

function signatureKey(s: NeedSignature): string {
  return `${s.category}\u0000${s.kind}\u0000${s.areaId}`;
}

export function prepare(needs: readonly MatchNeed[], projects: readonly MatchProject[], today: Date): Prepared {
  const seen = new Set<string>();
  for (const project of projects) {
    if (seen.has(project.id)) throw new Error(`matching: duplicate project id ${project.id}`);
    seen.add(project.id);
  }
  const todayDate = beijingDate(today);
  const capacity = projects.map(capacityOf);
  const baseTotal = projects.map((project) => {
    const b = projectBaseScore(project);
    return b.categoryFocus + b.areaFocus + b.places + b.funds;
  });
  // A fixed project order (base score, then id) makes every list independent of the input order.
  const ranked = projects
    .map((_, p) => p)
    .sort((a, b) => baseTotal[b] - baseTotal[a] || compareIds(projects[a].id, projects[b].id));

  // Classes are numbered in the order of their keys, so nothing downstream depends on the input order.
  const keys = needs.map(signatureKey);
  const distinct = [...new Set(keys)].sort(compareIds);
  const classIndex = new Map(distinct.map((key, c) => [key, c]));
  const classOf = Int32Array.from(keys, (key) => classIndex.get(key)!);
  const lists: number[][] = [];
  const hasStanding: boolean[] = [];
  const exemplar = new Map<string, MatchNeed>();
  needs.forEach((need, i) => exemplar.set(keys[i], need));
  for (const key of distinct) {
    const need = exemplar.get(key)!;
    const list: number[] = [];
    let standing = false;
    for (const p of ranked) {
      if (standingRule(need, projects[p], todayDate)) continue;
      standing = true;
      if (capacity[p] > 0) list.push(p);
    }
    lists.push(list);
    hasStanding.push(standing);
  }
  return { projects, capacity, baseTotal, classOf, lists, hasStanding };
}
