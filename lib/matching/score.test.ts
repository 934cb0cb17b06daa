import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eligibility } from './eligibility';
import { scoreProject, suggestProjects } from './score';
import { instanceArb, makeNeed, makeProject, shuffle, today } from './test-fixtures';

describe('scoreProject', () => {
  it('adds up the documented parts', () => {
    const need = makeNeed({ populations: ['elderly', 'children'] });
    const project = makeProject({
      categories: ['life', 'elderly_care'],
      areaIds: ['cicheng', 'zhongma', 'baisha', 'kongpu'],
      populations: ['elderly', 'disabled'],
      remainingPlaces: 4,
      availableFen: 250_000,
      typicalCostFen: 100_000,
    });
    expect(scoreProject(need, project)).toEqual({
      score: 20 + 10 + 5 + 4 + 2,
      breakdown: { populationFit: 20, categoryFocus: 10, areaFocus: 5, places: 4, funds: 2 },
    });
  });

  it('caps the headroom parts and gives no area points to a district-wide project', () => {
    const project = makeProject({ remainingPlaces: 500, availableFen: 10 ** 9, typicalCostFen: 100, areaIds: [] });
    expect(scoreProject(makeNeed(), project).breakdown).toEqual({
      populationFit: 0,
      categoryFocus: 20,
      areaFocus: 0,
      places: 10,
      funds: 10,
    });
  });
});

describe('suggestProjects', () => {
  it('ranks by population fit, then focus, then headroom, and explains each', () => {
    const need = makeNeed({ areaId: 'cicheng', category: 'life', populations: ['elderly'] });
    const projects = [
      makeProject({ id: 'broad', categories: ['life', 'medical', 'emergency'] }),
      makeProject({ id: 'local', areaIds: ['cicheng'] }),
      makeProject({ id: 'elderly', populations: ['elderly'], categories: ['life', 'medical', 'emergency'] }),
      makeProject({ id: 'almost-full', areaIds: ['cicheng'], remainingPlaces: 1 }),
      makeProject({ id: 'elsewhere', areaIds: ['zhongma'] }),
      makeProject({ id: 'closed', status: 'ended' }),
    ];
    const { eligible, ineligible } = suggestProjects(need, projects, today);
    expect(eligible.map((r) => [r.projectId, r.score])).toEqual([
      ['elderly', 40 + 7 + 0 + 10 + 10],
      ['local', 0 + 20 + 20 + 10 + 10],
      ['almost-full', 0 + 20 + 20 + 1 + 10],
      ['broad', 0 + 7 + 0 + 10 + 10],
    ]);
    expect(eligible[0].reasons).toContainEqual({ code: 'population_fit', populations: ['elderly'] });
    expect(ineligible).toEqual([
      { projectId: 'closed', rule: { code: 'project_not_active', status: 'ended' } },
      { projectId: 'elsewhere', rule: { code: 'area_not_covered', areaId: 'cicheng' } },
    ]);
  });

  it('breaks ties by project id, not by input order', () => {
    const need = makeNeed();
    const projects = ['c', 'a', 'b'].map((id) => makeProject({ id }));
    expect(suggestProjects(need, projects, today).eligible.map((r) => r.projectId)).toEqual(['a', 'b', 'c']);
  });

  it('splits every project into eligible or ineligible exactly as eligibility() does, whatever the input order', () => {
    fc.assert(
      fc.property(instanceArb(3, 8), fc.integer(), ({ needs, projects }, seed) => {
        for (const need of needs) {
          const result = suggestProjects(need, projects, today);
          expect(suggestProjects(need, shuffle(projects, seed), today)).toEqual(result);
          expect(result.eligible.length + result.ineligible.length).toBe(projects.length);
          for (const r of result.eligible) {
            expect(eligibility(need, projects.find((p) => p.id === r.projectId)!, today)).toEqual({
              eligible: true,
              reasons: r.reasons,
            });
          }
          for (const r of result.ineligible) {
            expect(eligibility(need, projects.find((p) => p.id === r.projectId)!, today)).toEqual({
              eligible: false,
              rule: r.rule,
            });
          }
          for (let i = 1; i < result.eligible.length; i++) {
            const [a, b] = [result.eligible[i - 1], result.eligible[i]];
            expect(a.score > b.score || (a.score === b.score && a.projectId < b.projectId)).toBe(true);
          }
        }
      }),
    );
  });
});
