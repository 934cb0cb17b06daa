import { asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { auditLog, projects } from '@/db/schema';
import { authorize, type Actor } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors';
import { parseYuan } from '@/lib/money';

const text = (min: number, max: number) => z.string().trim().min(min, 'required').max(max, 'too_long');

/** What an administrator may change about a project on its public page. */
export const projectEditSchema = z.object({
  nameZh: text(1, 40),
  nameEn: text(1, 80),
  summaryZh: text(1, 200),
  summaryEn: text(1, 400),
  storyZh: text(0, 5000),
  storyEn: text(0, 10000),
  goal: z
    .string()
    .trim()
    .transform((v, ctx) => {
      const fen = parseYuan(v);
      if (fen === null || fen < 0) {
        ctx.addIssue({ code: 'custom', message: 'goal_invalid' });
        return z.NEVER;
      }
      return fen;
    }),
  status: z.enum(['draft', 'active', 'paused', 'ended'], 'required'),
});

export type ProjectEdit = z.infer<typeof projectEditSchema>;

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
  return project ?? null;
}

export async function updateProject(db: Db, actor: Actor, projectId: string, input: ProjectEdit): Promise<void> {
  const admin = await authorize(db, actor, 'project:edit');
  if (!/^[0-9a-f-]{36}$/i.test(projectId)) throw new AppError('not_found', 'no such project');
  const { goal, ...texts } = input;
  if (texts.status === 'draft' && (await hasMoney(db, projectId))) {
    // A draft disappears from the public report; a project that took money must stay accountable there.
    throw new AppError('invalid_input', 'project has money', { status: 'status_has_money' });
  }
  const updated = await db
    .update(projects)
    .set({ ...texts, goalFen: goal, updatedAt: new Date() })
    .where(eq(projects.id, projectId))
    .returning({ id: projects.id });
  if (!updated.length) throw new AppError('not_found', 'no such project');
  await db.insert(auditLog).values({
    actorId: admin.id,
    action: 'project:edit',
    targetType: 'project',
    targetId: projectId,
    details: { status: input.status, goalFen: goal },
  });
}

async function hasMoney(db: Db, projectId: string): Promise<boolean> {
  const [row] = await db.execute<{ n: string }>(sql`
    select (select count(*) from donations where project_id = ${projectId}) + (select count(*) from ledger_accounts where project_id = ${projectId}) as n`);
  return Number(row.n) > 0;
}
