import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accountKindEnum } from './enums';
import { users } from './people';
import { projects } from './projects';

/**
 * Double-entry accounts, each a bucket of money. A journal line is the signed change of one bucket in fen
 * and every entry's lines sum to zero, so money is only ever moved, never made or lost: `clearing` is the
 * outside world (it goes negative by what donors paid in), the funds hold what is available, and
 * payments out, refunds and processor fees are where money left to.
 */
export const ledgerAccounts = pgTable(
  'ledger_accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    kind: accountKindEnum('kind').notNull(),
    projectId: uuid('project_id').references(() => projects.id),
    // Kept in the same transaction as every line posted to the account; ledger:verify proves it equals the sum.
    balanceFen: bigint('balance_fen', { mode: 'number' }).notNull().default(0),
  },
  (t) => [
    check(
      'ledger_accounts_project_scope',
      sql`(${t.kind} in ('project_fund','payments_out')) = (${t.projectId} is not null)`,
    ),
    // A fund can never go below zero: the database refuses the overspending transaction.
    check('ledger_accounts_fund_nonneg', sql`${t.kind} not in ('general_fund','project_fund') or ${t.balanceFen} >= 0`),
  ],
);

/** Append-only journal (triggers in the migration refuse update and delete). */
export const journalEntries = pgTable(
  'journal_entries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: text('kind').notNull(),
    memo: text('memo').notNull(),
    donationId: uuid('donation_id'),
    disbursementId: uuid('disbursement_id'),
    reversesEntryId: bigint('reverses_entry_id', { mode: 'number' }),
    postedById: uuid('posted_by_id').references(() => users.id),
    postedAt: timestamp('posted_at', { withTimezone: true }).notNull().defaultNow(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull().unique(),
  },
  (t) => [
    check(
      'journal_entries_kind',
      sql`${t.kind} in ('donation','refund','fee','allocation','disbursement','reversal')`,
    ),
    index('journal_entries_donation_idx').on(t.donationId),
    index('journal_entries_disbursement_idx').on(t.disbursementId).where(sql`${t.disbursementId} is not null`),
    index('journal_entries_posted_idx').on(t.postedAt),
    // The database's own guard against posting twice (the code also checks under the ledger's lock): one
    // entry crediting a gift, one paying out a payment and at most one reversing it.
    uniqueIndex('journal_entries_one_per_gift').on(t.donationId).where(sql`${t.kind} = 'donation'`),
    uniqueIndex('journal_entries_one_per_payment_out').on(t.disbursementId, t.kind).where(sql`${t.kind} in ('disbursement','reversal')`),
  ],
);

export const journalLines = pgTable(
  'journal_lines',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    entryId: bigint('entry_id', { mode: 'number' })
      .notNull()
      .references(() => journalEntries.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => ledgerAccounts.id),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
  },
  (t) => [
    check('journal_lines_nonzero', sql`${t.amountFen} <> 0`),
    index('journal_lines_entry_idx').on(t.entryId),
    index('journal_lines_account_idx').on(t.accountId, t.entryId),
  ],
);

/**
 * Money that came into a fund (a gift, or general money moved in by an allocation), in order, with what is
 * still unspent. Spending takes from the oldest first (FIFO), so every payment out can name its sources.
 */
export const fundInflows = pgTable(
  'fund_inflows',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    accountCode: text('account_code').notNull(),
    entryId: bigint('entry_id', { mode: 'number' })
      .notNull()
      .references(() => journalEntries.id),
    donationId: uuid('donation_id'),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    remainingFen: bigint('remaining_fen', { mode: 'number' }).notNull(),
    postedAt: timestamp('posted_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check('fund_inflows_amounts', sql`${t.amountFen} > 0 and ${t.remainingFen} between 0 and ${t.amountFen}`),
    index('fund_inflows_open_idx').on(t.accountCode, t.id).where(sql`${t.remainingFen} > 0`),
    index('fund_inflows_donation_idx').on(t.donationId),
    index('fund_inflows_entry_idx').on(t.entryId),
  ],
);

/** Which inflow paid for which outflow entry (a payment out, an allocation, a refund or a fee), and how much. */
export const fundAttributions = pgTable(
  'fund_attributions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    inflowId: bigint('inflow_id', { mode: 'number' })
      .notNull()
      .references(() => fundInflows.id),
    outflowEntryId: bigint('outflow_entry_id', { mode: 'number' })
      .notNull()
      .references(() => journalEntries.id),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    /** Set when the outflow was reversed: the money went back to its inflow and this row no longer counts. */
    reversedByEntryId: bigint('reversed_by_entry_id', { mode: 'number' }).references(() => journalEntries.id),
  },
  (t) => [
    check('fund_attributions_positive', sql`${t.amountFen} > 0`),
    index('fund_attributions_inflow_idx').on(t.inflowId),
    index('fund_attributions_outflow_idx').on(t.outflowEntryId),
  ],
);

/**
 * Each time the hash chain was re-checked: a full check starts at the first entry and also sums every balance
 * and unspent inflow; the others go on from the last part found intact. /transparency/verify shows the latest
 * of each, so no visitor's request ever recomputes the whole journal.
 */
export const ledgerChecks = pgTable(
  'ledger_checks',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    checkedAt: timestamp('checked_at', { withTimezone: true }).notNull().defaultNow(),
    full: boolean('full_check').notNull(),
    throughEntryId: bigint('through_entry_id', { mode: 'number' }).notNull(),
    entries: integer('entries').notNull(),
    headHash: text('head_hash').notNull(),
    brokenEntryId: bigint('broken_entry_id', { mode: 'number' }),
    problem: text('problem'),
    /** Accounts whose balance or unspent inflows differ from their entries (full checks only). */
    balanceMismatches: integer('balance_mismatches'),
  },
  (t) => [index('ledger_checks_full_idx').on(t.id).where(sql`${t.full}`)],
);

/** One row per allocation form sent: the same submission again (a double click, a retried request) moves nothing. */
export const allocationIntents = pgTable('allocation_intents', {
  intentKey: uuid('intent_key').primaryKey(),
  entryId: bigint('entry_id', { mode: 'number' }).references(() => journalEntries.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
