import { randomUUID } from 'node:crypto';
import { eq, like } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { uniqueSuffix, useTestDb } from '@/db/test-db';
import { projectAreas, projects } from '@/db/schema';
import { fieldErrors } from '@/lib/errors';
import { suggestForNeed } from '@/lib/matching/load';
import { actOnCase } from '@/lib/needs/case-actions';
import { submitNeed } from '@/lib/needs/intake';
import { intake, randomIp, staffUser } from '@/lib/needs/test-fixtures';
import { loadProjectCover, saveProjectCover } from './cover';
import { adminProjectsPageSize, createProject, listProjectsForAdmin, projectCreateSchema, updateProject } from './edit';

const db = useTestDb();

describe('the administrators’ project list', () => {
  it('shows every project exactly once across its pages, and only to administrators', async () => {
    const admin = await staffUser(db, 'admin');
    const suffix = uniqueSuffix();
    await db.insert(projects).values(
      Array.from({ length: adminProjectsPageSize + 1 }, (_, i) => ({
        slug: `ap-${suffix}-${i}`, nameZh: '分页测试', nameEn: 'Paging test', summaryZh: '测试', summaryEn: 'Test', status: 'draft' as const,
      })),
    );
    // One snapshot, so projects other tests add meanwhile do not shift the pages.
    await db.transaction(
      async (tx) => {
        const all = await tx.select({ id: projects.id }).from(projects);
        const first = await listProjectsForAdmin(tx, { userId: admin.id });
        expect(first.rows).toHaveLength(adminProjectsPageSize);
        expect(first.pages).toBe(Math.ceil(all.length / adminProjectsPageSize));
        const seen = [...first.rows];
        for (let page = 2; page <= first.pages; page++) seen.push(...(await listProjectsForAdmin(tx, { userId: admin.id }, page)).rows);
        expect(seen.map((p) => p.id).sort()).toEqual(all.map((p) => p.id).sort());
      },
      { isolationLevel: 'repeatable read' },
    );

    const worker = await staffUser(db, 'social_worker');
    await expect(listProjectsForAdmin(db, { userId: worker.id })).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('a project an administrator starts or changes', () => {
  // As the form sends it (a cost of nothing: a new project has no money yet, and matching weighs cost against it).
  // Education in Hongtang: not what the matching tests (employment in Cicheng) are offered while these run beside them.
  const sent = (over: Record<string, unknown> = {}) => ({
    slug: `xm-${uniqueSuffix()}`.toLowerCase(),
    nameZh: '就业帮帮', nameEn: 'Job help', summaryZh: '帮助找工作', summaryEn: 'Help finding work', storyZh: '', storyEn: '',
    goal: '5000', status: 'active', categories: 'education', kinds: ['service'], populations: [], areaIds: ['hongtang'],
    capacityPerMonth: '5', typicalCost: '0', ...over,
  });
  const form = (over: Record<string, unknown> = {}) => projectCreateSchema.parse(sent(over));
  // Ended afterwards: an active project of these rules would be offered to the next run's matching tests on this database.
  afterAll(() => db.update(projects).set({ status: 'ended' }).where(like(projects.slug, 'xm-%')));

  it('is matched by the rules it declares: its kinds of hardship, its streets, its places', async () => {
    const admin = { userId: (await staffUser(db, 'admin')).id };
    const input = form();
    expect(await createProject(db, admin, input)).toBe(input.slug);
    const [row] = await db.select().from(projects).where(eq(projects.slug, input.slug));
    expect(row).toMatchObject({ categories: ['education'], kinds: ['service'], capacityPerMonth: 5, typicalCostFen: 0, goalFen: 500000, status: 'active' });

    const suggestions = async (areaId: string) => {
      const { needId } = await submitNeed(db, intake({ category: 'education', kind: 'service', areaId }), { ip: randomIp() });
      for (const action of ['start_screening', 'verify_valid'] as const) await actOnCase(db, admin, needId, action === 'verify_valid' ? { action, note: '' } : { action });
      const s = await suggestForNeed(db, admin, needId);
      return { eligible: s.eligible.some((e) => e.projectId === row.id), rule: s.ineligible.find((i) => i.projectId === row.id)?.rule.code };
    };
    expect(await suggestions('hongtang')).toEqual({ eligible: true, rule: undefined });
    expect(await suggestions('zhongma')).toEqual({ eligible: false, rule: 'area_not_covered' });

    // Its streets changed: now the whole district (none ticked).
    const { slug: _slug, ...edit } = form({ areaIds: [] });
    await updateProject(db, admin, row.id, edit);
    expect(await suggestions('zhongma')).toEqual({ eligible: true, rule: undefined });
    expect(await db.select().from(projectAreas).where(eq(projectAreas.projectId, row.id))).toEqual([]);
  });

  it('keeps a draft’s picture with those who may edit it, and shows it to everyone once the project is public', async () => {
    const admin = { userId: (await staffUser(db, 'admin')).id };
    const donor = { userId: (await staffUser(db, 'donor')).id };
    const input = form({ status: 'draft' });
    await createProject(db, admin, input);
    const [row] = await db.select().from(projects).where(eq(projects.slug, input.slug));
    await saveProjectCover(db, admin, row.id, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]));
    expect(await loadProjectCover(db, null, input.slug)).toBeNull();
    expect(await loadProjectCover(db, donor, input.slug)).toBeNull();
    expect(await loadProjectCover(db, admin, input.slug)).toMatchObject({ contentType: 'image/png', draft: true });
    // Public once it is (an ended project, so that matching tests running meanwhile are not offered it).
    await db.update(projects).set({ status: 'ended' }).where(eq(projects.id, row.id));
    expect(await loadProjectCover(db, null, input.slug)).toMatchObject({ contentType: 'image/png', draft: false });
  });

  it('refuses at the field an address taken or malformed, a project that helps with nothing, and anyone but administrators', async () => {
    const admin = { userId: (await staffUser(db, 'admin')).id };
    const input = form();
    await createProject(db, admin, input);
    await expect(createProject(db, admin, form({ slug: input.slug }))).rejects.toMatchObject({ fields: { slug: 'slug_taken' } });
    const errors = (over: Record<string, unknown>) => fieldErrors(projectCreateSchema.safeParse(sent(over)).error!);
    expect(errors({ slug: 'new' })).toEqual({ slug: 'slug_taken' }); // the address of the form itself
    // Its texts are published: a phone or ID-card number in them is refused at the field.
    expect(errors({ summaryZh: '联系人电话 138 1234 5678', storyEn: 'ID 330205194001011234 helped' })).toEqual({ summaryZh: 'names_someone', storyEn: 'names_someone' });
    expect(errors({ slug: '智慧果', categories: [], kinds: undefined, capacityPerMonth: 'lots' })).toEqual({
      slug: 'slug_invalid', categories: 'choose_one', kinds: 'choose_one', capacityPerMonth: 'number_invalid',
    });
    const worker = { userId: (await staffUser(db, 'social_worker')).id };
    await expect(createProject(db, worker, form())).rejects.toMatchObject({ code: 'forbidden' });
    await expect(updateProject(db, worker, randomUUID(), { ...form(), slug: undefined } as never)).rejects.toMatchObject({ code: 'forbidden' });
  });
});
