import { pgEnum } from 'drizzle-orm/pg-core';

export const roleEnum = pgEnum('role', ['donor', 'social_worker', 'admin']);
export const areaKindEnum = pgEnum('area_kind', ['subdistrict', 'town']);
export const projectStatusEnum = pgEnum('project_status', ['draft', 'active', 'paused', 'ended']);

export const needStatusEnum = pgEnum('need_status', [
  'submitted',
  'screening',
  'valid',
  'invalid',
  'matched',
  'in_service',
  'fulfilled',
  'closed',
  'withdrawn',
]);
export const needCategoryEnum = pgEnum('need_category', [
  'life',
  'integration',
  'education',
  'medical',
  'elderly_care',
  'disability',
  'employment',
  'emergency',
]);
export const needKindEnum = pgEnum('need_kind', ['material', 'service', 'both']);
export const populationEnum = pgEnum('population', [
  'children',
  'elderly',
  'disabled',
  'limited_mobility',
  'low_income',
]);
export const needChannelEnum = pgEnum('need_channel', ['online', 'phone', 'paper']);
export const urgencyEnum = pgEnum('urgency', ['low', 'normal', 'high', 'critical']);

export const donationStatusEnum = pgEnum('donation_status', [
  'pending',
  'paid',
  'partially_refunded',
  'refunded',
  'failed',
  'expired',
]);
export const planStatusEnum = pgEnum('plan_status', ['pending', 'active', 'cancelled']);

export const accountKindEnum = pgEnum('account_kind', [
  'clearing',
  'general_fund',
  'project_fund',
  'payments_out',
  'refunds',
  'processor_fees',
]);
export const disbursementStatusEnum = pgEnum('disbursement_status', ['requested', 'approved', 'rejected', 'reversed']);
export const disbursementCategoryEnum = pgEnum('disbursement_category', [
  'goods',
  'services',
  'activity',
  'administration',
]);
