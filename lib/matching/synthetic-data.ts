import type { MatchNeed, MatchProject, NeedCategory, NeedKind, Population, ProjectStatus, Urgency } from './types';

/**
 * Deterministic, realistic-looking waiting lists for the benchmark and the large property checks:
 * the same seed always gives the same data. Nothing here comes from real people.
 */
export const jiangbeiAreaIds = [
  'zhongma',
  'baisha',
  'kongpu',
  'wenjiao',
  'yongjiang',
  'zhuangqiao',
  'hongtang',
  'cicheng',
] as const;

/** mulberry32: tiny, fast and good enough for test data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
function weighted<T>(rng: Rng, table: readonly (readonly [T, number])[]): T {
  const total = table.reduce((s, [, w]) => s + w, 0);
  let x = rng() * total;
  for (const [value, w] of table) if ((x -= w) < 0) return value;
  return table[table.length - 1][0];
}
function someOf<T>(rng: Rng, table: readonly (readonly [T, number])[], count: number): T[] {
  const picked = new Set<T>();
  for (let i = 0; i < count * 3 && picked.size < count; i++) picked.add(weighted(rng, table));
  return [...picked];
}

const areaWeights = [
  ['zhongma', 14],
  ['baisha', 12],
  ['kongpu', 10],
  ['wenjiao', 12],
  ['yongjiang', 14],
  ['zhuangqiao', 14],
  ['hongtang', 12],
  ['cicheng', 12],
] as const;
const categoryWeights: readonly (readonly [NeedCategory, number])[] = [
  ['life', 30],
  ['elderly_care', 18],
  ['education', 12],
  ['medical', 12],
  ['disability', 8],
  ['integration', 8],
  ['employment', 6],
  ['emergency', 6],
];
const populationWeights: readonly (readonly [Population, number])[] = [
  ['elderly', 35],
  ['low_income', 30],
  ['children', 20],
  ['limited_mobility', 10],
  ['disabled', 10],
];
const kindWeights: readonly (readonly [NeedKind, number])[] = [
  ['material', 45],
  ['service', 35],
  ['both', 20],
];
const urgencyWeights: readonly (readonly [Urgency, number])[] = [
  ['low', 15],
  ['normal', 50],
  ['high', 25],
  ['critical', 10],
];
const projectKinds: readonly (readonly [NeedKind[], number])[] = [
  [['material'], 25],
  [['service'], 25],
  [['material', 'service', 'both'], 35],
  [['service', 'both'], 15],
];
const statusWeights: readonly (readonly [ProjectStatus, number])[] = [
  ['active', 85],
  ['paused', 5],
  ['draft', 5],
  ['ended', 5],
];

const dayMs = 86_400_000;
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

export function syntheticNeeds(count: number, today: Date, seed = 1): MatchNeed[] {
  const rng = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => ({
    id: `n${String(i).padStart(6, '0')}`,
    category: weighted(rng, categoryWeights),
    kind: weighted(rng, kindWeights),
    populations: someOf(rng, populationWeights, int(rng, 0, 2)),
    areaId: weighted(rng, areaWeights),
    urgency: weighted(rng, urgencyWeights),
    hardship: rng() < 0.3 ? null : int(rng, 1, 5),
    // Most of the list is recent; a tail has waited up to 400 days.
    submittedAt: new Date(today.getTime() - Math.floor(rng() ** 2 * 400 * dayMs)),
  }));
}

export function syntheticProjects(count: number, today: Date, seed = 2): MatchProject[] {
  const rng = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    const typicalCostFen = int(rng, 10, 300) * 1000;
    const dates = rng();
    return {
      id: `p${String(i).padStart(4, '0')}`,
      categories: someOf(rng, categoryWeights, int(rng, 1, 3)),
      kinds: weighted(rng, projectKinds),
      populations: someOf(rng, populationWeights, int(rng, 1, 3)),
      areaIds: rng() < 0.3 ? [] : someOf(rng, areaWeights, int(rng, 1, 4)),
      status: weighted(rng, statusWeights),
      startsOn: dates < 0.03 ? isoDay(today.getTime() + 30 * dayMs) : isoDay(today.getTime() - 200 * dayMs),
      endsOn: dates > 0.97 ? isoDay(today.getTime() - 10 * dayMs) : dates > 0.5 ? null : isoDay(today.getTime() + 90 * dayMs),
      remainingPlaces: rng() < 0.1 ? 0 : int(rng, 1, 80),
      availableFen: int(rng, 0, 70) * typicalCostFen + int(rng, 0, typicalCostFen - 1),
      typicalCostFen,
    };
  });
}
