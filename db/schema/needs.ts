import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  needCategoryEnum,
  needChannelEnum,
  needKindEnum,
  needStatusEnum,
  populationEnum,
  urgencyEnum,
} from './enums';
import { users } from './people';
import { areas } from './places';
import { projects } from './projects';

/**
 * A need for help (帮扶需求). Personal information lives only in `piiCiphertext` (AES-256-GCM, see
 * lib/privacy); the masked and keyed-hash columns let staff screens and duplicate checks work without
 * decrypting anything.
 */
export const needs = pgTable(
  'needs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    status: needStatusEnum('status').notNull().default('submitted'),
    channel: needChannelEnum('channel').notNull().default('online'),
    category: needCategoryEnum('category').notNull(),
    kind: needKindEnum('kind').notNull(),
    populations: populationEnum('populations').array().notNull().default(sql`'{}'`),
    householdSize: smallint('household_size').notNull().default(1),
    areaId: text('area_id')
      .notNull()
      .references(() => areas.id),
    village: text('village').notNull().default(''),
    description: text('description').notNull(),
    estimatedCostFen: bigint('estimated_cost_fen', { mode: 'number' }),
    onBehalfRelation: text('on_behalf_relation'),
    urgency: urgencyEnum('urgency').notNull().default('normal'),
    hardship: smallint('hardship'),
    involvesChild: boolean('involves_child').notNull().default(false),
    consentVersion: text('consent_version').notNull(),
    sensitiveConsentAt: timestamp('sensitive_consent_at', { withTimezone: true }),
    guardianConsentAt: timestamp('guardian_consent_at', { withTimezone: true }),
    piiCiphertext: text('pii_ciphertext'),
    piiKeyId: text('pii_key_id'),
    nameMasked: text('name_masked').notNull().default(''),
    phoneMasked: text('phone_masked').notNull().default(''),
    phoneHash: text('phone_hash'),
    trackingHash: text('tracking_hash').notNull(),
    /** The same proof by the phone of whoever asked on the resident's behalf (a relative, a neighbour), when one did. */
    submitterTrackingHash: text('submitter_tracking_hash'),
    piiPurgedAt: timestamp('pii_purged_at', { withTimezone: true }),
    possibleDuplicateOf: uuid('possible_duplicate_of'),
    assigneeId: uuid('assignee_id').references(() => users.id),
    projectId: uuid('project_id').references(() => projects.id),
    createdById: uuid('created_by_id').references(() => users.id),
    invalidReason: text('invalid_reason'),
    rating: smallint('rating'),
    ratingComment: text('rating_comment'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    screenDueAt: timestamp('screen_due_at', { withTimezone: true }).notNull(),
    matchDueAt: timestamp('match_due_at', { withTimezone: true }),
    validAt: timestamp('valid_at', { withTimezone: true }),
    matchedAt: timestamp('matched_at', { withTimezone: true }),
    fulfilledAt: timestamp('fulfilled_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('needs_household', sql`${t.householdSize} between 1 and 30`),
    check('needs_cost_nonneg', sql`${t.estimatedCostFen} is null or ${t.estimatedCostFen} >= 0`),
    check('needs_hardship', sql`${t.hardship} is null or ${t.hardship} between 1 and 5`),
    check('needs_rating', sql`${t.rating} is null or ${t.rating} between 1 and 5`),
    check('needs_child_consent', sql`not ${t.involvesChild} or ${t.guardianConsentAt} is not null`),
    check(
      'needs_matched_has_project',
      sql`${t.status} not in ('matched','in_service','fulfilled','closed') or ${t.projectId} is not null`,
    ),
    check('needs_invalid_has_reason', sql`${t.status} <> 'invalid' or ${t.invalidReason} is not null`),
    index('needs_status_idx').on(t.status, t.submittedAt),
    index('needs_area_idx').on(t.areaId, t.status),
    index('needs_assignee_idx').on(t.assigneeId, t.status),
    index('needs_project_idx').on(t.projectId),
    index('needs_phone_hash_idx').on(t.phoneHash, t.submittedAt),
    // The queue's default view (open cases, oldest first): walked in order, it stops at a page's worth.
    index('needs_open_queue_idx')
      .on(t.submittedAt, t.id)
      .where(sql`${t.status} in ('submitted','screening','valid','matched','in_service')`),
  ],
);

/** Every step of a need: dated, attributed, and (through publicNote) explained to the resident. */
export const needEvents = pgTable(
  'need_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    needId: uuid('need_id')
      .notNull()
      .references(() => needs.id),
    type: text('type').notNull(),
    fromStatus: needStatusEnum('from_status'),
    toStatus: needStatusEnum('to_status'),
    actorId: uuid('actor_id').references(() => users.id),
    actorKind: text('actor_kind').notNull(),
    note: text('note'),
    publicNote: text('public_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('need_events_actor_kind', sql`${t.actorKind} in ('resident','staff','system')`),
    index('need_events_need_idx').on(t.needId, t.createdAt),
  ],
);

/** A service delivered for a need (visits, tutoring, rehabilitation …), counted in person-times (人次). */
export const serviceRecords = pgTable(
  'service_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    needId: uuid('need_id')
      .notNull()
      .references(() => needs.id),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    servedOn: date('served_on').notNull(),
    serviceType: text('service_type').notNull(),
    hours: numeric('hours', { precision: 6, scale: 2 }).notNull(),
    personTimes: integer('person_times').notNull(),
    deliveredBy: text('delivered_by').notNull(),
    recordedById: uuid('recorded_by_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('service_hours', sql`${t.hours} > 0 and ${t.hours} <= 1000`),
    check('service_person_times', sql`${t.personTimes} between 1 and 10000`),
    index('service_records_need_idx').on(t.needId),
    index('service_records_project_idx').on(t.projectId, t.servedOn),
  ],
);

/** Who looked at whose personal information, and when (PIPL). */
export const piiAccessLog = pgTable(
  'pii_access_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    needId: uuid('need_id').references(() => needs.id),
    donationId: uuid('donation_id'),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => users.id),
    purpose: text('purpose').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('pii_access_need_idx').on(t.needId), index('pii_access_created_idx').on(t.createdAt)],
);
