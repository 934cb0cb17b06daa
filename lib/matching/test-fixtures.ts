import fc from 'fast-check';
import { eligibility } from './eligibility';
import { priorityOf } from './priority';
import { seededRandom } from './synthetic-data';
import {
  needCategories,
  needKinds,
  populations,
  urgencies,
  type MatchNeed,
  type MatchProject,
  type NeedKind,
} from './types';

/** Shared by the matcher's tests: builders, small random instances, and an exhaustive solver. */
export const today = new Date('2025-06-30T02:00:00Z'); // 10:00 in Beijing
const dayMs = 86_400_000;
export const daysAgo = (days: number, at = today) => new Date(at.getTime() - days * dayMs);

export function makeNeed(overrides: Partial<MatchNeed> = {}): MatchNeed {
  return {
    id: 'need-1',
    category: 'life',
    kind: 'material',
    populations: [],
    areaId: 'cicheng',
    urgency: 'normal',
    hardship: 3,
    submittedAt: today,
    ...overrides,
  };
}

export function makeProject(overrides: Partial<MatchProject> = {}): MatchProject {
  return {
    id: 'project-1',
    categories: ['life'],
    kinds: ['material', 'service', 'both'],
    populations: [],
    areaIds: [],
    status: 'active',
    startsOn: null,
    endsOn: null,
    remainingPlaces: 10,
    availableFen: 1_000_000,
    typicalCostFen: 10_000,
    ...overrides,
  };
}

const smallAreas = ['zhongma', 'baisha', 'cicheng'] as const;
const subset = <T>(values: readonly T[]) => fc.subarray([...values]);

/** Small domains on purpose, so needs compete for the same projects. */
export const needArb = fc.record({
  category: fc.constantFrom(...needCategories.slice(0, 3)),
  kind: fc.constantFrom(...needKinds),
  populations: subset(populations.slice(0, 3)),
  areaId: fc.constantFrom(...smallAreas),
  urgency: fc.constantFrom(...urgencies),
  hardship: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
  // Whole hours, so several needs often share a waiting day and therefore a priority.
  submittedAt: fc.integer({ min: 0, max: 300 * 24 }).map((h) => new Date(today.getTime() - h * 3_600_000)),
});

export const projectArb = fc.record({
  categories: subset(needCategories.slice(0, 3)),
  kinds: subset<NeedKind>(needKinds),
  populations: subset(populations.slice(0, 3)),
  areaIds: fc.oneof(fc.constant([] as string[]), subset(smallAreas)),
  status: fc.constantFrom('active', 'active', 'active', 'paused', 'ended', 'draft' as const),
  startsOn: fc.constantFrom(null, '2025-01-01', '2025-07-01'),
  endsOn: fc.constantFrom(null, null, '2025-12-31', '2025-06-29'),
  remainingPlaces: fc.integer({ min: 0, max: 3 }),
  typicalCostFen: fc.constantFrom(0, 100, 1000),
  availableFen: fc.integer({ min: 0, max: 4000 }),
});

/** Needs and projects with unique ids, in the order generated. */
export function instanceArb(maxNeeds: number, maxProjects: number) {
  return fc
    .tuple(fc.array(needArb, { maxLength: maxNeeds }), fc.array(projectArb, { maxLength: maxProjects }))
    .map(([needs, projects]) => ({
      needs: needs.map((n, i) => ({ ...n, id: `n${i}` }) as MatchNeed),
      projects: projects.map((p, i) => ({ ...p, id: `p${i}` }) as MatchProject),
    }));
}

/**
 * Tiny instances where needs really compete: every project open, one or two places, categories and
 * areas overlapping. This is where a first-choice greedy goes wrong and the exact method must not.
 */
export function contendedInstanceArb(maxNeeds: number, maxProjects: number) {
  const project = fc.record({
    categories: fc.subarray(['life', 'education'] as const, { minLength: 1 }),
    kinds: fc.constantFrom<NeedKind[]>(['material', 'service', 'both'], ['material'], ['both']),
    populations: subset(populations.slice(0, 2)),
    areaIds: fc.oneof(fc.constant([] as string[]), fc.subarray(['zhongma', 'cicheng'], { minLength: 1 })),
    remainingPlaces: fc.integer({ min: 1, max: 2 }),
  });
  const need = fc.record({
    category: fc.constantFrom('life', 'education' as const),
    kind: fc.constantFrom('material', 'both' as const),
    populations: subset(populations.slice(0, 2)),
    areaId: fc.constantFrom('zhongma', 'cicheng'),
    urgency: fc.constantFrom(...urgencies),
    hardship: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
    submittedAt: fc.integer({ min: 0, max: 60 }).map((d) => daysAgo(d)),
  });
  return fc
    .tuple(
      fc.array(need, { minLength: 2, maxLength: maxNeeds }),
      fc.array(project, { minLength: 1, maxLength: maxProjects }),
    )
    .map(([needs, projects]) => ({
      needs: needs.map((n, i) => makeNeed({ ...n, id: `n${i}` })),
      projects: projects.map((p, i) => makeProject({ ...p, id: `p${i}`, typicalCostFen: 0 })),
    }));
}

export function shuffle<T>(items: readonly T[], seed: number): T[] {
  const rng = seededRandom(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export function capacityAfter(projects: readonly MatchProject[]): Map<string, number> {
  return new Map(
    projects.map((p) => [
      p.id,
      Math.min(p.remainingPlaces, p.typicalCostFen > 0 ? Math.floor(p.availableFen / p.typicalCostFen) : p.remainingPlaces),
    ]),
  );
}

/**
 * Exhaustive search over every way of giving each need one eligible project or none: the best total
 * priority and the most needs served. Written independently of the matcher (only eligibility is shared).
 */
export function bruteForce(needs: readonly MatchNeed[], projects: readonly MatchProject[]) {
  const capacity = capacityAfter(projects);
  const options = needs.map((n) => projects.filter((p) => eligibility(n, p, today).eligible).map((p) => p.id));
  const weight = needs.map((n) => priorityOf(n, today));
  let bestTotal = 0;
  let bestCount = 0;
  const walk = (i: number, total: number, count: number) => {
    if (i === needs.length) {
      bestTotal = Math.max(bestTotal, total);
      bestCount = Math.max(bestCount, count);
      return;
    }
    walk(i + 1, total, count);
    for (const id of options[i]) {
      const left = capacity.get(id)!;
      if (left === 0) continue;
      capacity.set(id, left - 1);
      walk(i + 1, total + weight[i], count + 1);
      capacity.set(id, left);
    }
  };
  walk(0, 0, 0);
  return { bestTotal, bestCount };
}
