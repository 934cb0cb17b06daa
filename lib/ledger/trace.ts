import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { disbursements, fundAttributions, fundInflows, journalEntries, needs, projects } from '@/db/schema';

export type TraceItem =
  | { kind: 'spent'; amountFen: number; purpose: string; category: string; date: Date; areaId: string | null; projectNameZh: string; projectNameEn: string }
  | { kind: 'refunded' | 'fee'; amountFen: number; date: Date }
  | { kind: 'allocated_unspent'; amountFen: number; projectNameZh: string; projectNameEn: string };

export type DonationTrace = { items: TraceItem[]; unspentFen: number };

/**
 * Where one gift went, FIFO: restricted money by the payments out of its project, general money through
 * the allocation that moved it (its share of each later payment, rounded down to the fen; the rest shows as
 * allocated but unspent). Only purposes, categories, dates and sub-districts — never a beneficiary.
 */
export async function traceDonation(db: Db, donationId: string): Promise<DonationTrace> {
  const inflows = await db.select().from(fundInflows).where(eq(fundInflows.donationId, donationId));
  const items: TraceItem[] = [];
  let unspentFen = inflows.reduce((s, i) => s + i.remainingFen, 0);
  for (const inflow of inflows) {
    for (const out of await outflowsOf(db, [inflow.id])) {
      if (out.kind === 'disbursement' && out.spent) items.push({ kind: 'spent', amountFen: out.amountFen, ...out.spent });
      else if (out.kind === 'refund' || out.kind === 'fee') items.push({ kind: out.kind === 'fee' ? 'fee' : 'refunded', amountFen: out.amountFen, date: out.date });
      else if (out.kind === 'allocation') {
        const [projectInflow] = await db.select().from(fundInflows).where(eq(fundInflows.entryId, out.entryId));
        if (!projectInflow) continue;
        let passedOn = 0;
        for (const inner of await outflowsOf(db, [projectInflow.id])) {
          if (inner.kind !== 'disbursement' || !inner.spent) continue;
          // This gift's share of the payment, in whole fen, computed in integers (BigInt: no float rounding).
          const amountFen = Number((BigInt(inner.amountFen) * BigInt(out.amountFen)) / BigInt(projectInflow.amountFen));
          if (amountFen > 0) items.push({ kind: 'spent', amountFen, ...inner.spent });
          passedOn += amountFen;
        }
        const [project] = await db.select().from(projects).where(eq(projects.id, projectInflow.accountCode.split(':')[1]));
        const rest = out.amountFen - passedOn;
        if (rest > 0) {
          items.push({ kind: 'allocated_unspent', amountFen: rest, projectNameZh: project?.nameZh ?? '', projectNameEn: project?.nameEn ?? '' });
        }
      }
    }
  }
  items.sort((a, b) => ('date' in a && 'date' in b ? a.date.getTime() - b.date.getTime() : 0));
  return { items, unspentFen };
}

async function outflowsOf(db: Db, inflowIds: number[]) {
  const rows = await db
    .select({
      entryId: journalEntries.id,
      kind: journalEntries.kind,
      date: journalEntries.postedAt,
      amountFen: fundAttributions.amountFen,
      purpose: disbursements.purpose,
      category: disbursements.category,
      areaId: needs.areaId,
      projectNameZh: projects.nameZh,
      projectNameEn: projects.nameEn,
    })
    .from(fundAttributions)
    .innerJoin(journalEntries, eq(journalEntries.id, fundAttributions.outflowEntryId))
    .leftJoin(disbursements, eq(disbursements.id, journalEntries.disbursementId))
    .leftJoin(needs, eq(needs.id, disbursements.needId))
    .leftJoin(projects, eq(projects.id, disbursements.projectId))
    .where(and(inArray(fundAttributions.inflowId, inflowIds), isNull(fundAttributions.reversedByEntryId)));
  return rows.map((r) => ({
    entryId: r.entryId,
    kind: r.kind,
    date: r.date,
    amountFen: r.amountFen,
    spent: r.purpose
      ? { purpose: r.purpose, category: r.category!, date: r.date, areaId: r.areaId, projectNameZh: r.projectNameZh!, projectNameEn: r.projectNameEn! }
      : null,
  }));
}
