import { bigint, integer, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import { accountKindEnum, disbursementCategoryEnum, needCategoryEnum, needStatusEnum } from './enums';

/**
 * Summary tables behind every public figure. PostgreSQL triggers (migration 0003) keep them current in the
 * same transaction as the change, so a page reads a few hundred rows at most instead of aggregating
 * millions; `npm run ledger:verify` recomputes each one from the raw rows.
 *
 * Money summaries are written only under the ledger's advisory lock and case summaries only under the
 * case-summary lock (both in migration 0003), so concurrent changes never deadlock on a summary row.
 */

/** Gifts that count (paid or partially refunded) per fund: a project, or the general fund when projectId is null. */
export const fundDonationTotals = pgTable(
  'fund_donation_totals',
  {
    projectId: uuid('project_id'),
    /** Paid minus refunded, in fen. */
    raisedFen: bigint('raised_fen', { mode: 'number' }).notNull().default(0),
    gifts: integer('gifts').notNull().default(0),
    /** Gifts without a donor account: each counts as one donor. */
    guestGifts: integer('guest_gifts').notNull().default(0),
  },
  (t) => [unique('fund_donation_totals_project_key').on(t.projectId).nullsNotDistinct()],
);

/** Counting gifts per registered donor; its trigger moves summary_counters.registered_donors when one crosses zero. */
export const donorGiftCounts = pgTable('donor_gift_counts', {
  donorId: uuid('donor_id').primaryKey(),
  gifts: integer('gifts').notNull().default(0),
});

/** Single numbers too costly to count per request: `registered_donors`. */
export const summaryCounters = pgTable('summary_counters', {
  name: text('name').primaryKey(),
  value: bigint('value', { mode: 'number' }).notNull().default(0),
});

/** The sum of journal lines per account and entry kind (a project fund's donations, allocations …). */
export const ledgerAccountTotals = pgTable(
  'ledger_account_totals',
  {
    accountId: uuid('account_id').notNull(),
    entryKind: text('entry_kind').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.entryKind] })],
);

/** The sum of journal lines per calendar month (Asia/Shanghai, 'YYYY-MM'), account kind and entry kind. */
export const ledgerMonthlyTotals = pgTable(
  'ledger_monthly_totals',
  {
    month: text('month').notNull(),
    accountKind: accountKindEnum('account_kind').notNull(),
    entryKind: text('entry_kind').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.month, t.accountKind, t.entryKind] })],
);

/** Approved (not reversed) payments out per category. */
export const disbursementCategoryTotals = pgTable('disbursement_category_totals', {
  category: disbursementCategoryEnum('category').primaryKey(),
  payments: integer('payments').notNull().default(0),
  spentFen: bigint('spent_fen', { mode: 'number' }).notNull().default(0),
});

/** Needs per sub-district, category and status, with how many were rated and rated 4–5. */
export const needTotals = pgTable(
  'need_totals',
  {
    areaId: text('area_id').notNull(),
    category: needCategoryEnum('category').notNull(),
    status: needStatusEnum('status').notNull(),
    needs: integer('needs').notNull().default(0),
    rated: integer('rated').notNull().default(0),
    satisfied: integer('satisfied').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.areaId, t.category, t.status] })],
);

/** A project's reach: needs it is serving or served, person-times, and distinct needs with a service record. */
export const projectCaseTotals = pgTable('project_case_totals', {
  projectId: uuid('project_id').primaryKey(),
  /** Needs matched to the project that are in service, fulfilled or closed. */
  servedNeeds: integer('served_needs').notNull().default(0),
  personTimes: bigint('person_times', { mode: 'number' }).notNull().default(0),
  /** Distinct needs with at least one service record for the project. */
  beneficiaries: integer('beneficiaries').notNull().default(0),
  serviceRecords: integer('service_records').notNull().default(0),
});

/** Service records per need and project; its trigger moves project_case_totals.beneficiaries when one crosses zero. */
export const needServiceCounts = pgTable(
  'need_service_counts',
  {
    needId: uuid('need_id').notNull(),
    projectId: uuid('project_id').notNull(),
    records: integer('records').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.needId, t.projectId] })],
);
