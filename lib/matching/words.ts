import { formatFen } from '@/lib/money';
import { jiangbeiAreas } from '@/lib/places';
import type { AcceptOutcome } from './accept';
import type { IneligibleRule, Reason, UnassignedWhy } from './types';

/**
 * The matcher speaks in codes; these turn them into the plain sentences a social worker reads, from the
 * message catalogs (`matching`, `needs`). `t` is a translator rooted at the catalog, so the same code
 * serves a page (in the viewer's language) and the case history (in Chinese, the programme's language).
 */
export type { Translate } from '@/lib/i18n/history';
import type { Translate } from '@/lib/i18n/history';

export function areaName(areaId: string, locale: string): string {
  const area = jiangbeiAreas.find((a) => a.id === areaId);
  if (!area) return areaId;
  return locale === 'en' ? area.nameEn : area.nameZh;
}

export function reasonText(t: Translate, locale: string, reason: Reason): string {
  switch (reason.code) {
    case 'area_covered':
      return reason.districtWide
        ? t('matching.reasons.area_district')
        : t('matching.reasons.area_covered', { area: areaName(reason.areaId, locale) });
    case 'same_category':
      return t('matching.reasons.same_category', { category: t(`needs.category.${reason.category}`) });
    case 'kind_served':
      return t('matching.reasons.kind_served', { kind: t(`needs.kindShort.${reason.kind}`) });
    case 'population_fit':
      return t('matching.reasons.population_fit', {
        populations: reason.populations.map((p) => t(`needs.population.${p}`)).join(t('matching.listSeparator')),
      });
    case 'places_left':
      return t('matching.reasons.places_left', { count: reason.count });
    case 'funds_available':
      return t('matching.reasons.funds_available', { money: formatFen(reason.fen) });
  }
}

/** "服务范围含慈城镇 · 同属生活帮扶 · 本月剩余名额 4 · 可用资金 ¥12,300" */
export function reasonsLine(t: Translate, locale: string, reasons: readonly Reason[]): string {
  return reasons.map((r) => reasonText(t, locale, r)).join(' · ');
}

export function ruleText(t: Translate, locale: string, rule: IneligibleRule): string {
  switch (rule.code) {
    case 'project_not_active':
      return t('matching.rules.project_not_active', { status: t(`matching.projectStatus.${rule.status}`) });
    case 'project_not_started':
      return t('matching.rules.project_not_started', { date: rule.startsOn });
    case 'project_ended':
      return t('matching.rules.project_ended', { date: rule.endsOn });
    case 'area_not_covered':
      return t('matching.rules.area_not_covered', { area: areaName(rule.areaId, locale) });
    case 'category_not_served':
      return t('matching.rules.category_not_served', { category: t(`needs.category.${rule.category}`) });
    case 'kind_not_served':
      return t('matching.rules.kind_not_served', { kind: t(`needs.kindShort.${rule.kind}`) });
    case 'no_places_left':
      return t('matching.rules.no_places_left');
    case 'insufficient_funds':
      return t('matching.rules.insufficient_funds', {
        available: formatFen(rule.availableFen),
        cost: formatFen(rule.typicalCostFen),
      });
  }
}

export function unassignedText(t: Translate, why: UnassignedWhy): string {
  return t(`matching.why.${why}`);
}

/** Why an accepted proposal was not matched, for the list shown after "accept". */
export function outcomeText(t: Translate, locale: string, outcome: Exclude<AcceptOutcome, { ok: true }>): string {
  switch (outcome.why) {
    case 'changed':
      return t('matching.outcome.changed', { status: t(`needs.status.${outcome.status}`) });
    case 'ineligible':
      return t('matching.outcome.ineligible', { rule: ruleText(t, locale, outcome.rule) });
    default:
      return t(`matching.outcome.${outcome.why}`);
  }
}
