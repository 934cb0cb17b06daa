import { describe, expect, it } from 'vitest';
import { capacityOf, eligibility, kindServed } from './eligibility';
import { makeNeed, makeProject, today } from './test-fixtures';
import type { NeedKind } from './types';

describe('eligibility', () => {
  it('accepts a fitting project and gives its reasons as codes with parameters', () => {
    const need = makeNeed({ areaId: 'cicheng', category: 'life', kind: 'material', populations: ['elderly', 'children'] });
    const project = makeProject({
      areaIds: ['cicheng', 'zhuangqiao'],
      populations: ['elderly'],
      remainingPlaces: 4,
      availableFen: 1_230_000,
    });
    expect(eligibility(need, project, today)).toEqual({
      eligible: true,
      reasons: [
        { code: 'area_covered', areaId: 'cicheng', districtWide: false },
        { code: 'same_category', category: 'life' },
        { code: 'kind_served', kind: 'material' },
        { code: 'population_fit', populations: ['elderly'] },
        { code: 'places_left', count: 4 },
        { code: 'funds_available', fen: 1_230_000 },
      ],
    });
  });

  it('says a district-wide project covers every area, and omits population_fit when nothing is shared', () => {
    const result = eligibility(makeNeed({ populations: ['children'] }), makeProject({ populations: ['elderly'] }), today);
    expect(result.eligible && result.reasons.map((r) => r.code)).toEqual([
      'area_covered',
      'same_category',
      'kind_served',
      'places_left',
      'funds_available',
    ]);
    expect(result.eligible && result.reasons[0]).toEqual({ code: 'area_covered', areaId: 'cicheng', districtWide: true });
  });

  it.each(['draft', 'paused', 'ended'] as const)('refuses a %s project', (status) => {
    expect(eligibility(makeNeed(), makeProject({ status }), today)).toEqual({
      eligible: false,
      rule: { code: 'project_not_active', status },
    });
  });

  it('reads project dates as inclusive days in Beijing time', () => {
    // 16:30 UTC on 30 June is already 00:30 on 1 July in Ningbo.
    const lateEvening = new Date('2025-06-30T16:30:00Z');
    const need = makeNeed();
    expect(eligibility(need, makeProject({ endsOn: '2025-06-30' }), lateEvening)).toEqual({
      eligible: false,
      rule: { code: 'project_ended', endsOn: '2025-06-30' },
    });
    expect(eligibility(need, makeProject({ endsOn: '2025-07-01' }), lateEvening).eligible).toBe(true);
    expect(eligibility(need, makeProject({ startsOn: '2025-07-01' }), lateEvening).eligible).toBe(true);
    expect(eligibility(need, makeProject({ startsOn: '2025-07-02' }), lateEvening)).toEqual({
      eligible: false,
      rule: { code: 'project_not_started', startsOn: '2025-07-02' },
    });
  });

  it('refuses a need outside the areas a project covers', () => {
    expect(eligibility(makeNeed({ areaId: 'cicheng' }), makeProject({ areaIds: ['zhongma'] }), today)).toEqual({
      eligible: false,
      rule: { code: 'area_not_covered', areaId: 'cicheng' },
    });
  });

  it('refuses a category the project does not serve', () => {
    expect(eligibility(makeNeed({ category: 'medical' }), makeProject({ categories: ['life'] }), today)).toEqual({
      eligible: false,
      rule: { code: 'category_not_served', category: 'medical' },
    });
  });

  it('refuses a kind the project does not serve', () => {
    expect(eligibility(makeNeed({ kind: 'service' }), makeProject({ kinds: ['material'] }), today)).toEqual({
      eligible: false,
      rule: { code: 'kind_not_served', kind: 'service' },
    });
  });

  it('refuses a project with no places left, or without the money for one more case', () => {
    expect(eligibility(makeNeed(), makeProject({ remainingPlaces: 0 }), today)).toEqual({
      eligible: false,
      rule: { code: 'no_places_left' },
    });
    expect(eligibility(makeNeed(), makeProject({ availableFen: 9_999, typicalCostFen: 10_000 }), today)).toEqual({
      eligible: false,
      rule: { code: 'insufficient_funds', availableFen: 9_999, typicalCostFen: 10_000 },
    });
    expect(eligibility(makeNeed(), makeProject({ availableFen: 10_000, typicalCostFen: 10_000 }), today).eligible).toBe(true);
    expect(eligibility(makeNeed(), makeProject({ availableFen: 0, typicalCostFen: 0 }), today).eligible).toBe(true);
  });

  it('reports the first failing rule, in the documented order', () => {
    const hopeless = makeProject({
      status: 'paused',
      endsOn: '2020-01-01',
      areaIds: ['zhongma'],
      categories: ['medical'],
      kinds: ['service'],
      remainingPlaces: 0,
    });
    const need = makeNeed({ areaId: 'cicheng', category: 'life', kind: 'material' });
    const codes = [];
    let project = hopeless;
    const fixes = [
      { status: 'active' as const },
      { endsOn: null },
      { areaIds: [] },
      { categories: ['life' as const] },
      { kinds: ['material' as const] },
      { remainingPlaces: 3 },
    ];
    for (const fix of fixes) {
      const result = eligibility(need, project, today);
      codes.push(result.eligible ? 'eligible' : result.rule.code);
      project = { ...project, ...fix };
    }
    codes.push(eligibility(need, project, today).eligible ? 'eligible' : 'still refused');
    expect(codes).toEqual([
      'project_not_active',
      'project_ended',
      'area_not_covered',
      'category_not_served',
      'kind_not_served',
      'no_places_left',
      'eligible',
    ]);
  });
});

describe('kindServed', () => {
  const cases: [NeedKind[], NeedKind, boolean][] = [
    [['material'], 'material', true],
    [['material'], 'service', false],
    [['material'], 'both', false],
    [['service'], 'service', true],
    [['service'], 'both', false],
    [['material', 'service'], 'both', true],
    [['both'], 'material', true],
    [['both'], 'service', true],
    [['both'], 'both', true],
    [[], 'material', false],
  ];
  it.each(cases)('a project declaring %j serves a %s need: %s', (kinds, kind, expected) => {
    expect(kindServed(kinds, kind)).toBe(expected);
  });
});

describe('capacityOf', () => {
  it('is the smaller of the places left and the cases the money covers', () => {
    expect(capacityOf(makeProject({ remainingPlaces: 4, availableFen: 1_230_000, typicalCostFen: 500_000 }))).toBe(2);
    expect(capacityOf(makeProject({ remainingPlaces: 4, availableFen: 9_000_000, typicalCostFen: 500_000 }))).toBe(4);
    expect(capacityOf(makeProject({ remainingPlaces: 4, availableFen: 0, typicalCostFen: 0 }))).toBe(4);
    expect(capacityOf(makeProject({ remainingPlaces: -2 }))).toBe(0);
  });
});
