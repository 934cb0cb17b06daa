import { sql } from 'drizzle-orm';
import { bigint, check, customType, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { disbursementCategoryEnum, disbursementStatusEnum } from './enums';
import { needs } from './needs';
import { users } from './people';
import { projects } from './projects';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/** A payment out (支出) of a project's money, requested by one person and decided by another. */
export const disbursements = pgTable(
  'disbursements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    needId: uuid('need_id').references(() => needs.id),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    payee: text('payee').notNull(),
    purpose: text('purpose').notNull(),
    category: disbursementCategoryEnum('category').notNull(),
    status: disbursementStatusEnum('status').notNull().default('requested'),
    requestedById: uuid('requested_by_id')
      .notNull()
      .references(() => users.id),
    decidedById: uuid('decided_by_id').references(() => users.id),
    decisionReason: text('decision_reason'),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** A correction: the payment was reversed by a reversing entry, with this public note. */
    reversalNote: text('reversal_note'),
    reversedAt: timestamp('reversed_at', { withTimezone: true }),
  },
  (t) => [
    check('disbursements_amount_positive', sql`${t.amountFen} > 0`),
    check('disbursements_four_eyes', sql`${t.decidedById} is null or ${t.decidedById} <> ${t.requestedById}`),
    check(
      'disbursements_decided',
      sql`(${t.status} = 'requested') = (${t.decidedById} is null)`,
    ),
    index('disbursements_project_idx').on(t.projectId, t.status),
    // The public list of payments out and a project page's latest ones: read backwards, newest first, without a sort.
    index('disbursements_public_idx').on(t.decidedAt).where(sql`${t.status} in ('approved','reversed')`),
    index('disbursements_project_public_idx')
      .on(t.projectId, t.decidedAt)
      .where(sql`${t.status} in ('approved','reversed')`),
  ],
);

/** Receipts, invoices and sign-offs; kept in the database, never under a public path. */
export const evidenceFiles = pgTable(
  'evidence_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    disbursementId: uuid('disbursement_id')
      .notNull()
      .references(() => disbursements.id),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    /** Encrypted (AES-256-GCM) under `keyId`; files stored before encryption have no key id and are in clear. */
    content: bytea('content').notNull(),
    keyId: text('key_id'),
    uploadedById: uuid('uploaded_by_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('evidence_mime', sql`${t.mimeType} in ('image/jpeg','image/png','application/pdf')`),
    check('evidence_size', sql`${t.sizeBytes} > 0 and ${t.sizeBytes} <= 5242880`),
  ],
);
