import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { proposeAssignments } from './assign';
import { queueNeeds } from './order';
import { priorityOf, urgencyPoints } from './priority';
import { contendedInstanceArb, daysAgo, instanceArb, makeNeed, makeProject, today } from './test-fixtures';
import type { MatchNeed, MatchProject } from './types';

const areas = ['zhongma', 'baisha', 'kongpu', 'wenjiao', 'yongjiang', 'zhuangqiao', 'hongtang', 'cicheng'];
const hour = 3_600_000;
/** Three days ago plus `h` hours earlier: the same waiting days, so the same priority for equal needs. */
const sameDay = (h: number) => new Date(daysAgo(3).getTime() - h * hour);

/** Needs from any of the eight areas, all of the same priority, and one district-wide project. */
const equalNeeds = fc
  .array(fc.record({ area: fc.constantFrom(...areas), hours: fc.integer({ min: 0, max: 23 }) }), { maxLength: 60 })
  .map((rows) => rows.map((r, i) => makeNeed({ id: `n${i}`, areaId: r.area, submittedAt: sameDay(r.hours) })));
const equalInstance = fc
  .tuple(equalNeeds, fc.integer({ min: 0, max: 40 }))
  .map(([needs, places]) => ({ needs, projects: [makeProject({ remainingPlaces: places })] }));

function servedByArea(needs: readonly MatchNeed[], projects: readonly MatchProject[]) {
  const served = new Set(proposeAssignments(needs, projects, today).proposals.map((p) => p.needId));
  const count = new Map<string, { served: number; waiting: number }>();
  for (const need of needs) {
    const c = count.get(need.areaId) ?? { served: 0, waiting: 0 };
    if (served.has(need.id)) c.served++;
    else c.waiting++;
    count.set(need.areaId, c);
  }
  return count;
}

describe('fairness between sub-districts', () => {
  it('lets sub-districts take turns among needs of equal priority', () => {
    // Zhongma's six needs were all submitted earlier that day; by submission alone they would take every place.
    const needs = [
      ...Array.from({ length: 6 }, (_, i) => makeNeed({ id: `zm${i}`, areaId: 'zhongma', submittedAt: sameDay(20 - i) })),
      makeNeed({ id: 'cc0', areaId: 'cicheng', submittedAt: sameDay(5) }),
      makeNeed({ id: 'cc1', areaId: 'cicheng', submittedAt: sameDay(4) }),
      makeNeed({ id: 'bs0', areaId: 'baisha', submittedAt: sameDay(1) }),
    ];
    expect(new Set(needs.map((n) => priorityOf(n, today))).size).toBe(1);
    const result = proposeAssignments(needs, [makeProject({ remainingPlaces: 4 })], today);
    expect(result.proposals.map((p) => p.needId)).toEqual(['zm0', 'cc0', 'bs0', 'zm1']);
  });

  it('never lets one sub-district get two more places than another that still has needs waiting', () => {
    fc.assert(
      fc.property(equalInstance, ({ needs, projects }) => {
        const count = servedByArea(needs, projects);
        const mostServed = Math.max(0, ...[...count.values()].map((c) => c.served));
        for (const c of count.values()) if (c.waiting > 0) expect(c.served).toBeGreaterThanOrEqual(mostServed - 1);
      }),
    );
  });

  it('does not depend on the names of the sub-districts: renaming them serves the same needs', () => {
    const renamings = fc.shuffledSubarray(areas, { minLength: areas.length, maxLength: areas.length });
    const anyInstance = fc.oneof(instanceArb(25, 6), contendedInstanceArb(12, 4), equalInstance);
    fc.assert(
      fc.property(anyInstance, renamings, ({ needs, projects }, renamed) => {
        const rename = (a: string) => renamed[areas.indexOf(a)];
        const before = proposeAssignments(needs, projects, today);
        const after = proposeAssignments(
          needs.map((n) => ({ ...n, areaId: rename(n.areaId) })),
          projects.map((p) => ({ ...p, areaIds: p.areaIds.map(rename) })),
          today,
        );
        expect(after.proposals.map((p) => p.needId)).toEqual(before.proposals.map((p) => p.needId));
        expect(after.totalPriority).toBe(before.totalPriority);
      }),
    );
  });

  it('only reorders needs of equal priority, so fairness costs no total priority', () => {
    fc.assert(
      fc.property(instanceArb(40, 0), ({ needs }) => {
        const queue = queueNeeds(needs, today);
        for (let i = 1; i < queue.length; i++) expect(queue[i - 1].priority).toBeGreaterThanOrEqual(queue[i].priority);
      }),
    );
  });

  it('serves a low-urgency need from a small town even while critical needs keep arriving elsewhere', () => {
    // One place a day; every day a fresh critical need arrives from Zhongma. A low-urgency need from Cicheng
    // has been waiting since day 0. By urgency alone it would never be served.
    let waiting: MatchNeed[] = [makeNeed({ id: 'cicheng-low', areaId: 'cicheng', urgency: 'low', hardship: 1, submittedAt: today })];
    const servedOn = new Map<string, number>();
    for (let day = 0; day < 150; day++) {
      const now = new Date(today.getTime() + day * 86_400_000);
      waiting.push(
        makeNeed({
          id: `zhongma-critical-${String(day).padStart(3, '0')}`,
          areaId: 'zhongma',
          urgency: 'critical',
          hardship: 1,
          submittedAt: new Date(now.getTime() - hour),
        }),
      );
      const { proposals } = proposeAssignments(waiting, [makeProject({ remainingPlaces: 1 })], now);
      expect(proposals).toHaveLength(1);
      servedOn.set(proposals[0].needId, day);
      waiting = waiting.filter((n) => n.id !== proposals[0].needId);
    }
    // Its priority is 1 + days waited; a fresh critical one is 1 + 90. On day 90 they tie, and the older wins.
    expect(servedOn.get('cicheng-low')).toBe(urgencyPoints.critical);
    expect(waiting).toHaveLength(1); // the one critical need that lost day 90 to it, served the day after, and so on
  });
});
