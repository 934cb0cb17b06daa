import { asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { namesSomeone } from '@/lib/privacy/public-text';
import type { Db } from '@/db/client';
import { auditLog, projectAreas, projects } from '@/db/schema';
import { authorize, type Actor } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors';
import { parseYuan } from '@/lib/money';
import { categories, kinds, populations } from '@/lib/needs/intake-schema';
import { jiangbeiAreas } from '@/lib/places';

// Published as written: a phone or ID-card number in it is refused, as in every public text staff write.
const text = (min: number, max: number) =>
  z.string().trim().min(min, 'required').max(max, 'too_long').refine((v) => !namesSomeone(v), 'names_someone');
const yuan = (message: string) =>
  z
    .string()
    .trim()
    .transform((v, ctx) => {
      const fen = parseYuan(v);
      if (fen === null || fen < 0) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return fen;
    });
/** Ticked boxes: none, one, or several of a known list. */
const several = <T extends string>(all: readonly [T, ...T[]]) =>
  z.preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(all)));
const areaIds = jiangbeiAreas.map((a) => a.id) as [string, ...string[]];

/** What an administrator sets about a project: its public page, and what matching reads — whom it helps, where, how many. */
export const projectEditSchema = z.object({
  nameZh: text(1, 40),
  nameEn: text(1, 80),
  summaryZh: text(1, 200),
  summaryEn: text(1, 400),
  storyZh: text(0, 5000),
  storyEn: text(0, 10000),
  goal: yuan('goal_invalid'),
  status: z.enum(['draft', 'active', 'paused', 'ended'], 'required'),
  categories: several(categories).refine((a) => a.length > 0, 'choose_one'),
  kinds: several(kinds).refine((a) => a.length > 0, 'choose_one'),
  /** None ticked: anyone. */
  populations: several(populations),
  /** None ticked: the whole district. */
  areaIds: several(areaIds),
  capacityPerMonth: z.coerce.number({ message: 'number_invalid' }).int('number_invalid').min(0, 'number_invalid').max(100_000, 'number_invalid'),
  typicalCost: yuan('amount_invalid'),
});

/** A new project also takes the address it keeps for good (/projects/<slug>). */
export const projectCreateSchema = projectEditSchema.extend({
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z][a-z0-9-]{1,39}$/, 'slug_invalid')
    .refine((s) => s !== 'new', 'slug_taken'), // /admin/projects/new is the form itself
});

export type ProjectEdit = z.infer<typeof projectEditSchema>;

/** The project form's fields that are ticked boxes: they arrive as repeated fields. */
export const projectChoiceFields = ['categories', 'kinds', 'populations', 'areaIds'] as const;

export function projectFromForm(formData: FormData): Record<string, unknown> {
  return { ...Object.fromEntries(formData), ...Object.fromEntries(projectChoiceFields.map((k) => [k, formData.getAll(k)])) };
}

function columnsOf(input: ProjectEdit) {
  const { goal, typicalCost, areaIds: _areas, ...rest } = input;
  return { ...rest, goalFen: goal, typicalCostFen: typicalCost };
}

/** A project, as an administrator starts it (usually as a draft, shown nowhere until made active). */
export async function createProject(db: Db, actor: Actor, input: z.infer<typeof projectCreateSchema>): Promise<string> {
  const admin = await authorize(db, actor, 'project:edit');
  const { slug, ...rest } = input;
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(projects)
      .values({ slug, ...columnsOf(rest), sortOrder: 1000 })
      .onConflictDoNothing({ target: projects.slug })
      .returning({ id: projects.id });
    if (!created) throw new AppError('conflict', 'slug taken', { slug: 'slug_taken' });
    if (input.areaIds.length) await tx.insert(projectAreas).values(input.areaIds.map((areaId) => ({ projectId: created.id, areaId })));
    await tx.insert(auditLog).values({ actorId: admin.id, action: 'project:create', targetType: 'project', targetId: created.id, details: { slug, status: input.status } });
    return slug;
  });
}

export const adminProjectsPageSize = 50;

/** Every project, as administrators manage them, a page at a time (in the order the public list shows them). */
export async function listProjectsForAdmin(db: Db, actor: Actor, page = 1) {
  await authorize(db, actor, 'project:edit');
  const [rows, [{ count }]] = await Promise.all([
    db
      .select({ id: projects.id, slug: projects.slug, nameZh: projects.nameZh, nameEn: projects.nameEn, status: projects.status, goalFen: projects.goalFen })
      .from(projects)
      .orderBy(asc(projects.sortOrder), asc(projects.nameZh), asc(projects.id))
      .limit(adminProjectsPageSize)
      .offset((page - 1) * adminProjectsPageSize),
    db.select({ count: sql<number>`count(*)::int` }).from(projects),
  ]);
  return { rows, page, pages: Math.max(1, Math.ceil(count / adminProjectsPageSize)) };
}

export async function getProjectForEdit(db: Db, actor: Actor, slug: string) {
  await authorize(db, actor, 'project:edit');
  const [project] = await db.select().from(projects).where(eq(projects.slug, slug));
  if (!project) return null;
  const areas = await db.select({ areaId: projectAreas.areaId }).from(projectAreas).where(eq(projectAreas.projectId, project.id));
  return { ...project, areaIds: areas.map((a) => a.areaId) };
}

export async function updateProject(db: Db, actor: Actor, projectId: string, input: ProjectEdit): Promise<void> {
  const admin = await authorize(db, actor, 'project:edit');
  if (!/^[0-9a-f-]{36}$/i.test(projectId)) throw new AppError('not_found', 'no such project');
  if (input.status === 'draft' && (await hasMoney(db, projectId))) {
    // A draft disappears from the public report; a project that took money must stay accountable there.
    throw new AppError('invalid_input', 'project has money', { status: 'status_has_money' });
  }
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(projects)
      .set({ ...columnsOf(input), updatedAt: new Date() })
      .where(eq(projects.id, projectId))
      .returning({ id: projects.id });
    if (!updated.length) throw new AppError('not_found', 'no such project');
    await tx.delete(projectAreas).where(eq(projectAreas.projectId, projectId));
    if (input.areaIds.length) await tx.insert(projectAreas).values(input.areaIds.map((areaId) => ({ projectId, areaId })));
    await tx.insert(auditLog).values({
      actorId: admin.id,
      action: 'project:edit',
      targetType: 'project',
      targetId: projectId,
      details: { status: input.status, goalFen: input.goal, categories: input.categories, kinds: input.kinds, areaIds: input.areaIds, capacityPerMonth: input.capacityPerMonth },
    });
  });
}

async function hasMoney(db: Db, projectId: string): Promise<boolean> {
  const [row] = await db.execute<{ n: string }>(sql`
    select (select count(*) from donations where project_id = ${projectId}) + (select count(*) from ledger_accounts where project_id = ${projectId}) as n`);
  return Number(row.n) > 0;
}
