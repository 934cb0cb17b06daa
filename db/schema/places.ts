import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { areaKindEnum } from './enums';

/** Jiangbei's seven sub-districts (街道) and one town (镇). The id is a stable slug used in URLs and filters. */
export const areas = pgTable('areas', {
  id: text('id').primaryKey(),
  nameZh: text('name_zh').notNull().unique(),
  nameEn: text('name_en').notNull(),
  kind: areaKindEnum('kind').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
});
