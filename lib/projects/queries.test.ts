import { describe, expect, it } from 'vitest';
import { uniqueSuffix, useTestDb } from '@/db/test-db';
import { projects } from '@/db/schema';
import { listProjectCards, listProjectNames } from './queries';

const db = useTestDb();

describe('the projects to choose from', () => {
  it('are the public list, by name, in its order (ties by id, so a page never shifts), without drafts', async () => {
    const suffix = uniqueSuffix();
    // Placed after the programme's own projects, so the pages other suites look at still lead with those.
    const base = { nameEn: 'Choice test', summaryZh: '测试', summaryEn: 'Test', sortOrder: 10_000 };
    await db.insert(projects).values([
      { ...base, slug: `pn-${suffix}-draft`, nameZh: '草稿项目', status: 'draft' as const },
      { ...base, slug: `pn-${suffix}-ended`, nameZh: '已结束项目', status: 'ended' as const },
      { ...base, slug: `pn-${suffix}-active`, nameZh: '进行中项目', status: 'active' as const },
      // The same name and place in the list: only the id can order them.
      ...[1, 2, 3].map((i) => ({ ...base, slug: `pn-${suffix}-twin-${i}`, nameZh: '同名项目', status: 'active' as const })),
    ]);
    await db.transaction(
      async (tx) => {
        const [names, cards] = [await listProjectNames(tx), await listProjectCards(tx)];
        expect(names).toEqual(cards.map(({ id, slug, nameZh, nameEn, status }) => ({ id, slug, nameZh, nameEn, status })));
        const mine = names.filter((p) => p.slug.startsWith(`pn-${suffix}`)).map((p) => p.status);
        expect(mine.sort()).toEqual(['active', 'active', 'active', 'active', 'ended']);
        const twins = names.filter((p) => p.slug.startsWith(`pn-${suffix}-twin`)).map((p) => p.id);
        expect(twins).toEqual([...twins].sort());
      },
      { isolationLevel: 'repeatable read' },
    );
  });
});
