import { z } from 'zod';
import { needCategoryEnum, needKindEnum, populationEnum } from '@/db/schema/enums';
import { parseYuan } from '@/lib/money';
import { jiangbeiAreas } from '@/lib/places';
import { normalizePhone, phonePattern } from './phone';

export const categories = needCategoryEnum.enumValues;
export const kinds = needKindEnum.enumValues;
export const populations = populationEnum.enumValues;
export const relations = ['self', 'family', 'grid_worker', 'social_worker', 'neighbour', 'other'] as const;
export type Category = (typeof categories)[number];

/** Sensitive information (PIPL) is asked only where the category needs it. */
const sensitiveByCategory: Record<Category, ('health' | 'disability' | 'finances')[]> = {
  life: ['finances'],
  integration: [],
  education: ['finances'],
  medical: ['health', 'finances'],
  elderly_care: ['health'],
  disability: ['disability', 'health'],
  employment: ['finances'],
  emergency: ['finances'],
};

export function sensitiveFieldsFor(category: Category) {
  return sensitiveByCategory[category];
}

/** The version of the consent texts the resident saw; stored with each need. */
export const consentVersion = 'intake-2026-11';

const text = (max: number) => z.string().trim().max(max, 'too_long');
const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean());
const phone = z.string().trim().min(1, 'required').transform(normalizePhone).pipe(z.string().regex(phonePattern, 'phone_invalid'));

export const needIntakeSchema = z
  .object({
    name: text(30).min(1, 'required'),
    phone,
    areaId: z.enum(jiangbeiAreas.map((a) => a.id) as [string, ...string[]], { message: 'choose_one' }),
    village: text(50).min(1, 'required'),
    address: text(100).optional().default(''),
    idNumber: z
      .string()
      .trim()
      .toUpperCase()
      .refine((v) => v === '' || /^\d{17}[\dX]$/.test(v), 'id_invalid')
      .optional()
      .default(''),
    relation: z.enum(relations, { message: 'choose_one' }),
    submitterName: text(30).optional().default(''),
    submitterPhone: z.string().transform(normalizePhone).optional().default(''),
    category: z.enum(categories, { message: 'choose_one' }),
    kind: z.enum(kinds, { message: 'choose_one' }),
    populations: z.array(z.enum(populations)).default([]),
    householdSize: z.coerce.number({ message: 'number_invalid' }).int('number_invalid').min(1, 'household_range').max(30, 'household_range'),
    description: text(1000).min(10, 'description_short'),
    estimatedCost: z
      .string()
      .trim()
      .optional()
      .default('')
      .refine((v) => v === '' || (parseYuan(v) !== null && parseYuan(v)! <= 100_000_000), 'amount_invalid'),
    health: text(500).optional().default(''),
    disability: text(500).optional().default(''),
    finances: text(500).optional().default(''),
    guardianName: text(30).optional().default(''),
    consent: checkbox.refine((v) => v, 'consent_required'),
    sensitiveConsent: checkbox.default(false),
    guardianConsent: checkbox.default(false),
  })
  // Runs even when other fields are invalid, so every error shows at once (v may then be partly unparsed).
  .superRefine(
    (v, ctx) => {
    if (v.relation && v.relation !== 'self') {
      if (!v.submitterName) ctx.addIssue({ code: 'custom', path: ['submitterName'], message: 'required' });
      if (!phonePattern.test(v.submitterPhone ?? '')) ctx.addIssue({ code: 'custom', path: ['submitterPhone'], message: v.submitterPhone ? 'phone_invalid' : 'required' });
    }
    const sensitive = (sensitiveByCategory[v.category] ?? []).some((f) => v[f]);
    if (sensitive && v.sensitiveConsent !== true) ctx.addIssue({ code: 'custom', path: ['sensitiveConsent'], message: 'consent_required' });
    if (Array.isArray(v.populations) && v.populations.includes('children')) {
      if (!v.guardianName) ctx.addIssue({ code: 'custom', path: ['guardianName'], message: 'required' });
      if (v.guardianConsent !== true) ctx.addIssue({ code: 'custom', path: ['guardianConsent'], message: 'consent_required' });
    }
    },
    { when: () => true },
  );

export type NeedIntake = z.infer<typeof needIntakeSchema>;

/** Reads the intake form (checkbox groups arrive as repeated fields). */
export function intakeFromForm(formData: FormData): unknown {
  return { ...Object.fromEntries(formData), populations: formData.getAll('populations') };
}
