import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '@/lib/i18n/catalog';
import { locales } from '@/lib/i18n/locales';
import type { IneligibleRule, Reason } from './types';
import { reasonsLine, ruleText, unassignedText, type Translate } from './words';

function translator(locale: (typeof locales)[number]): Translate {
  const t = createTranslator({
    locale,
    messages: loadCatalog(locale) as never,
    onError: (e) => {
      throw e;
    },
  });
  return (key, values) => (t as unknown as Translate)(key, values);
}

const reasons: Reason[] = [
  { code: 'area_covered', areaId: 'cicheng', districtWide: false },
  { code: 'same_category', category: 'life' },
  { code: 'places_left', count: 4 },
  { code: 'funds_available', fen: 1_230_000 },
];
const rules: IneligibleRule[] = [
  { code: 'project_not_active', status: 'paused' },
  { code: 'project_not_started', startsOn: '2027-01-01' },
  { code: 'project_ended', endsOn: '2026-01-01' },
  { code: 'area_not_covered', areaId: 'yongjiang' },
  { code: 'category_not_served', category: 'medical' },
  { code: 'kind_not_served', kind: 'both' },
  { code: 'no_places_left' },
  { code: 'insufficient_funds', availableFen: 80_000, typicalCostFen: 150_000 },
];

describe('reasons in words', () => {
  it('reads like the issue’s example in Chinese', () => {
    expect(reasonsLine(translator('zh-CN'), 'zh-CN', reasons)).toBe('服务范围含慈城镇 · 同属生活帮扶 · 本月剩余名额 4 · 可用资金 ¥12,300');
  });

  it('has a sentence for every reason, rule and unassigned case in both languages', () => {
    const all: Reason[] = [
      ...reasons,
      { code: 'area_covered', areaId: 'zhongma', districtWide: true },
      { code: 'kind_served', kind: 'material' },
      { code: 'population_fit', populations: ['elderly', 'children'] },
    ];
    for (const locale of locales) {
      const t = translator(locale);
      for (const r of all) expect(reasonsLine(t, locale, [r])).not.toMatch(/matching\.|needs\.|\{/);
      for (const r of rules) expect(ruleText(t, locale, r)).not.toMatch(/matching\.|needs\.|\{/);
      expect(unassignedText(t, 'no_eligible_project')).not.toMatch(/matching\./);
      expect(unassignedText(t, 'eligible_projects_full')).not.toMatch(/matching\./);
    }
    expect(ruleText(translator('en'), 'en', rules[3])).toBe('Does not cover Yongjiang Sub-district');
    expect(reasonsLine(translator('en'), 'en', [{ code: 'places_left', count: 1 }])).toBe('1 place left this month');
  });
});
