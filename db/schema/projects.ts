import { sql } from 'drizzle-orm';
import { bigint, boolean, check, customType, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { needCategoryEnum, needKindEnum, populationEnum, projectStatusEnum } from './enums';
import { areas } from './places';

/** A brand project (品牌项目). What it declares here is what matching reads. */
export const projects = pgTable(
  'projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull().unique(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    summaryZh: text('summary_zh').notNull(),
    summaryEn: text('summary_en').notNull(),
    storyZh: text('story_zh').notNull().default(''),
    storyEn: text('story_en').notNull().default(''),
    coverImage: text('cover_image'),
    isDemo: boolean('is_demo').notNull().default(false),
    status: projectStatusEnum('status').notNull().default('active'),
    goalFen: bigint('goal_fen', { mode: 'number' }).notNull().default(0),
    categories: needCategoryEnum('categories').array().notNull().default(sql`'{}'`),
    kinds: needKindEnum('kinds').array().notNull().default(sql`'{}'`),
    populations: populationEnum('populations').array().notNull().default(sql`'{}'`),
    capacityPerMonth: integer('capacity_per_month').notNull().default(0),
    typicalCostFen: bigint('typical_cost_fen', { mode: 'number' }).notNull().default(0),
    startsOn: date('starts_on'),
    endsOn: date('ends_on'),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('projects_goal_nonneg', sql`${t.goalFen} >= 0`),
    check('projects_capacity_nonneg', sql`${t.capacityPerMonth} >= 0`),
    check('projects_cost_nonneg', sql`${t.typicalCostFen} >= 0`),
    check('projects_dates', sql`${t.endsOn} is null or ${t.startsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
    // The few unpublished projects, for leaving them out without reading every project (the report's ranking).
    index('projects_draft_idx').on(t.id).where(sql`${t.status} = 'draft'`),
  ],
);

/** The sub-districts a project covers (none listed = the whole district). */
export const projectAreas = pgTable(
  'project_areas',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    areaId: text('area_id')
      .notNull()
      .references(() => areas.id),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.areaId] })],
);

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/** A project's cover picture, kept in the database so every app instance serves the same one. */
export const projectCovers = pgTable(
  'project_covers',
  {
    projectId: uuid('project_id')
      .primaryKey()
      .references(() => projects.id, { onDelete: 'cascade' }),
    contentType: text('content_type').notNull(),
    data: bytea('data').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('project_covers_type', sql`${t.contentType} in ('image/jpeg','image/png','image/webp')`)],
);
