import { describe, expect, it } from 'vitest';
import { uniqueSuffix, useTestDb } from '@/db/test-db';
import { projects } from '@/db/schema';
import { staffUser } from '@/lib/needs/test-fixtures';
import { adminProjectsPageSize, listProjectsForAdmin } from './edit';

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
