import type { Db } from '@/db/client';
import { projectAreas, projects } from '@/db/schema';
import { uniqueSuffix } from '@/db/test-db';
import { postAllocation } from '@/lib/ledger/movements';
import { actOnCase, assessCase, assignCase } from '@/lib/needs/case-actions';
import type { NeedIntake } from '@/lib/needs/intake-schema';
import { submitNeed } from '@/lib/needs/intake';
import { intake, randomIp } from '@/lib/needs/test-fixtures';
import type { Urgency } from './types';

/** Rows the matching tests (integration and e2e) create for themselves; they never rely on an empty database. */

type ProjectInput = Partial<typeof projects.$inferInsert> & { areaIds?: string[] };

/** An active project with the given declarations; places only (no typical cost) unless told otherwise. */
export async function testProject(db: Db, { areaIds = [], ...overrides }: ProjectInput = {}) {
  const suffix = uniqueSuffix();
  const [project] = await db
    .insert(projects)
    .values({
      slug: `test-${suffix}`,
      nameZh: `测试项目${suffix.slice(-4)}`,
      nameEn: `Test project ${suffix.slice(-4)}`,
      summaryZh: '匹配测试用的项目',
      summaryEn: 'A project for the matching tests',
      status: 'active',
      categories: ['employment'],
      kinds: ['material', 'service', 'both'],
      populations: [],
      capacityPerMonth: 5,
      typicalCostFen: 0,
      ...overrides,
    })
    .returning();
  if (areaIds.length) await db.insert(projectAreas).values(areaIds.map((areaId) => ({ projectId: project.id, areaId })));
  return project;
}

/** Moves money from the general fund to a project's fund, as the administrators do. */
export async function fundProject(db: Db, projectId: string, amountFen: number, adminId: string) {
  await db.transaction((tx) => postAllocation(tx, { projectId, amountFen, reason: '测试：为匹配测试拨付', postedById: adminId }));
}

/**
 * A need submitted, screened and found valid by `admin`, optionally assigned to a worker and assessed —
 * the state in which matching takes over.
 */
export async function validNeed(
  db: Db,
  admin: { id: string },
  options: { input?: Partial<NeedIntake>; assignee?: { id: string }; urgency?: Urgency; hardship?: number } = {},
) {
  const actor = { userId: admin.id };
  const { needId, code } = await submitNeed(db, intake(options.input), { ip: randomIp() });
  await actOnCase(db, actor, needId, { action: 'start_screening' });
  await actOnCase(db, actor, needId, { action: 'verify_valid', note: '' });
  if (options.assignee) await assignCase(db, actor, needId, options.assignee.id);
  if (options.urgency || options.hardship) {
    await assessCase(db, actor, needId, { urgency: options.urgency ?? 'normal', hardship: options.hardship ?? 3 });
  }
  return { needId, code };
}
