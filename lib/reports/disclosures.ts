import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { disclosures, projects } from '@/db/schema';
import { authorize, type Actor } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors';

export type DisclosureContent = {
  project: { slug: string; nameZh: string; nameEn: string };
  periodStart: string;
  periodEnd: string;
  openingFen: number;
  donationsFen: number;
  gifts: number;
  allocatedInFen: number;
  refundsFen: number;
  feesFen: number;
  spentFen: number;
  closingFen: number;
  personTimes: number;
  needsServed: number;
  /** Payments out, and corrections of earlier ones (a negative amount, with the public note); they add up to `spentFen`. */
  payments: { date: string; amountFen: number; purpose: string; category: string; reversalNote?: string }[];
};

/** Drafted from the ledger for one project and period (dates inclusive, Asia/Shanghai). No personal data. */
export async function draftDisclosure(db: Db, projectId: string, periodStart: string, periodEnd: string): Promise<DisclosureContent> {
  const [project] = await db.select().from(projects).where(eq(projects.id, projectId));
  if (!project) throw new AppError('not_found');
  const fund = `project_fund:${projectId}`;
  const day = sql`(e.posted_at at time zone 'Asia/Shanghai')::date`;
  const [m] = await db.execute<Record<string, string>>(sql`
    select
      coalesce(sum(l.amount_fen) filter (where ${day} < ${periodStart}::date), 0) as opening,
      coalesce(sum(l.amount_fen) filter (where e.kind = 'donation' and ${day} between ${periodStart}::date and ${periodEnd}::date), 0) as donations,
      count(*) filter (where e.kind = 'donation' and ${day} between ${periodStart}::date and ${periodEnd}::date) as gifts,
      coalesce(sum(l.amount_fen) filter (where e.kind = 'allocation' and ${day} between ${periodStart}::date and ${periodEnd}::date), 0) as allocated,
      -- A reversing entry corrects what it reverses: a failed refund's (it names the gift) nets off refunds, a payment's spending.
      coalesce(-sum(l.amount_fen) filter (where (e.kind = 'refund' or (e.kind = 'reversal' and e.donation_id is not null)) and ${day} between ${periodStart}::date and ${periodEnd}::date), 0) as refunds,
      coalesce(-sum(l.amount_fen) filter (where e.kind = 'fee' and ${day} between ${periodStart}::date and ${periodEnd}::date), 0) as fees,
      coalesce(-sum(l.amount_fen) filter (where (e.kind = 'disbursement' or (e.kind = 'reversal' and e.disbursement_id is not null)) and ${day} between ${periodStart}::date and ${periodEnd}::date), 0) as spent,
      coalesce(sum(l.amount_fen) filter (where ${day} <= ${periodEnd}::date), 0) as closing
    from journal_lines l join journal_entries e on e.id = l.entry_id join ledger_accounts a on a.id = l.account_id
    where a.code = ${fund}`);
  // Each payment out and each correction of one, from the same entries as `spent`, so the list adds up to it: a payment
  // approved in an earlier period and reversed in this one is a line here (a negative amount, with the public note).
  const payments = await db.execute<{ date: string; amount_fen: string; purpose: string; category: string; reversal_note: string | null }>(sql`
    select to_char(min(e.posted_at) at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as date, -sum(l.amount_fen) as amount_fen,
      d.purpose, d.category, case when e.kind = 'reversal' then d.reversal_note end as reversal_note
    from journal_lines l join journal_entries e on e.id = l.entry_id join ledger_accounts a on a.id = l.account_id
      join disbursements d on d.id = e.disbursement_id
    where a.code = ${fund} and e.kind in ('disbursement', 'reversal') and ${day} between ${periodStart}::date and ${periodEnd}::date
    group by e.id, e.kind, d.purpose, d.category, d.reversal_note
    order by min(e.posted_at), e.id`);
  const [people] = await db.execute<{ person_times: string; needs: string }>(sql`
    select coalesce(sum(person_times), 0) as person_times, count(distinct need_id) as needs
    from service_records where project_id = ${projectId} and served_on between ${periodStart}::date and ${periodEnd}::date`);
  return {
    project: { slug: project.slug, nameZh: project.nameZh, nameEn: project.nameEn },
    periodStart,
    periodEnd,
    openingFen: Number(m.opening),
    donationsFen: Number(m.donations),
    gifts: Number(m.gifts),
    allocatedInFen: Number(m.allocated),
    refundsFen: Number(m.refunds),
    feesFen: Number(m.fees),
    spentFen: Number(m.spent),
    closingFen: Number(m.closing),
    personTimes: Number(people.person_times),
    needsServed: Number(people.needs),
    payments: payments.map((p) => ({ date: p.date, amountFen: Number(p.amount_fen), purpose: p.purpose, category: p.category, ...(p.reversal_note === null ? {} : { reversalNote: p.reversal_note }) })),
  };
}

/** What publishing would publish, for the administrator about to publish it. */
export async function previewDisclosure(db: Db, actor: Actor, projectId: string, periodStart: string, periodEnd: string): Promise<DisclosureContent> {
  await authorize(db, actor, 'report:publish');
  return draftDisclosure(db, projectId, periodStart, periodEnd);
}

/**
 * An administrator publishes a drafted disclosure; it is kept as published, and listed publicly. Published once:
 * the same one published again (another administrator first, an old page) answers with the one already published.
 */
export async function publishDisclosure(
  db: Db,
  actor: Actor,
  input: { projectId: string; kind: 'quarterly' | 'final'; periodStart: string; periodEnd: string },
) {
  const admin = await authorize(db, actor, 'report:publish');
  const content = await draftDisclosure(db, input.projectId, input.periodStart, input.periodEnd);
  const [row] = await db
    .insert(disclosures)
    .values({ ...input, content, publishedById: admin.id })
    .onConflictDoNothing()
    .returning({ id: disclosures.id });
  if (row) return { id: row.id, alreadyPublished: false };
  const [published] = await db
    .select({ id: disclosures.id })
    .from(disclosures)
    .where(
      and(
        eq(disclosures.projectId, input.projectId),
        eq(disclosures.kind, input.kind),
        eq(disclosures.periodStart, input.periodStart),
        eq(disclosures.periodEnd, input.periodEnd),
      ),
    );
  return { id: published.id, alreadyPublished: true };
}

export async function listPublishedDisclosures(db: Db, projectId?: string) {
  return db
    .select({
      id: disclosures.id,
      kind: disclosures.kind,
      periodStart: disclosures.periodStart,
      periodEnd: disclosures.periodEnd,
      publishedAt: disclosures.publishedAt,
      projectId: disclosures.projectId,
      nameZh: projects.nameZh,
      nameEn: projects.nameEn,
    })
    .from(disclosures)
    .innerJoin(projects, eq(projects.id, disclosures.projectId))
    .where(projectId ? and(eq(disclosures.projectId, projectId)) : undefined)
    .orderBy(desc(disclosures.periodEnd), projects.sortOrder);
}

export async function getPublishedDisclosure(db: Db, id: string) {
  const [row] = await db.select().from(disclosures).where(eq(disclosures.id, id));
  return row ? { ...row, content: row.content as DisclosureContent } : null;
}
