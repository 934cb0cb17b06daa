import { getLocale, getTranslations } from 'next-intl/server';
import { categories, kinds, populations } from '@/lib/needs/intake-schema';
import { jiangbeiAreas } from '@/lib/places';

export type ProjectOptions = Awaited<ReturnType<typeof projectOptions>>;

/** The boxes of the project form's matching rules, labelled on the server (the client gets only these words). */
export async function projectOptions() {
  const [n, locale] = await Promise.all([getTranslations('needs'), getLocale()]);
  return {
    categories: categories.map((c) => ({ value: c, label: n(`category.${c}`) })),
    kinds: kinds.map((k) => ({ value: k, label: n(`kind.${k}`) })),
    populations: populations.map((p) => ({ value: p, label: n(`population.${p}`) })),
    areas: jiangbeiAreas.map((a) => ({ value: a.id, label: locale === 'en' ? a.nameEn : a.nameZh })),
  };
}
