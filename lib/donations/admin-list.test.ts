import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { uniqueSuffix, useTestDb } from '@/db/test-db';
import { projects } from '@/db/schema';
import { staffUser } from '@/lib/needs/test-fixtures';
import { countCap, donationFiltersSchema, donationsForExport, listDonationsForAdmin } from './admin-list';

const db = useTestDb();

async function newProject() {
  const slug = `adm-${uniqueSuffix()}`;
  const [p] = await db.insert(projects).values({ slug, nameZh: '后台测试', nameEn: 'Admin test', summaryZh: '测试', summaryEn: 'Test', status: 'draft' }).returning();
  return p;
}

/** `n` gifts to a project in one statement, all with the same creation time (ties are broken by id). */
async function gifts(projectId: string, n: number, status: 'paid' | 'pending', amountFen = 1000) {
  const paid = status === 'paid';
  await db.execute(sql`
    insert into donations (project_id, amount_fen, provider, status, created_at, paid_at, certificate_no)
    select ${projectId}, ${amountFen}, 'demo', ${status}, now(), ${paid ? sql`now()` : null}, ${paid ? sql`${`A-${uniqueSuffix()}-`} || g` : null}
    from generate_series(1, ${n}) g`);
}

describe('the administrators’ donations list and export', () => {
  it('exports every matching donation once, in order, however many pages it takes', async () => {
    const project = await newProject();
    await gifts(project.id, 7, 'pending');
    const admin = await staffUser(db, 'admin');
    const filters = donationFiltersSchema.parse({ project: project.slug });
    const pages = [];
    for await (const page of await donationsForExport(db, { userId: admin.id }, filters, 3)) pages.push(page);
    expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
    const ids = pages.flat().map((d) => d.id);
    expect(new Set(ids).size).toBe(7);
    const listed = await listDonationsForAdmin(db, { userId: admin.id }, filters);
    expect(listed.rows.map((d) => d.id)).toEqual(ids);
  });

  it('drops a filter that is not a real day rather than failing the page', async () => {
    const admin = await staffUser(db, 'admin');
    for (const day of ['2026-13-45', '2026-02-30', 'garbage']) {
      const filters = donationFiltersSchema.parse({ from: day, to: day });
      expect(filters).toMatchObject({ from: undefined, to: undefined });
      await expect(listDonationsForAdmin(db, { userId: admin.id }, filters)).resolves.toMatchObject({ rows: expect.any(Array) });
    }
    expect(donationFiltersSchema.parse({ from: '2026-02-28' }).from).toBe('2026-02-28');
  });

  it('refuses the list and the export to anyone but an administrator, before reading a donation', async () => {
    const worker = await staffUser(db, 'social_worker');
    const filters = donationFiltersSchema.parse({});
    await expect(donationsForExport(db, { userId: worker.id }, filters)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(listDonationsForAdmin(db, { userId: worker.id }, filters)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(donationsForExport(db, null, filters)).rejects.toMatchObject({ code: 'unauthenticated' });
  });

  it('totals what it counts, and past the count cap says “more” instead of a total it did not add up', async () => {
    const admin = await staffUser(db, 'admin');
    const few = await newProject();
    await gifts(few.id, 3, 'paid', 2500);
    await gifts(few.id, 2, 'pending', 9900);
    const small = await listDonationsForAdmin(db, { userId: admin.id }, donationFiltersSchema.parse({ project: few.slug }));
    expect(small).toMatchObject({ count: 5, more: false, netFen: 7500, pages: 1 });

    const many = await newProject();
    await gifts(many.id, countCap + 1, 'pending');
    const big = await listDonationsForAdmin(db, { userId: admin.id }, donationFiltersSchema.parse({ project: many.slug }));
    expect(big).toMatchObject({ count: countCap, more: true, netFen: null });
    expect(big.pages).toBe(countCap / 50);
    expect(big.rows).toHaveLength(50);
  });
});
