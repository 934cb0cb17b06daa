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
  return (await traceDonations(db, [donationId])).get(donationId)!;
}

/** The traces of several gifts (a donor's page), in five queries however many there are. */
export async function traceDonations(db: Db, donationIds: string[]): Promise<Map<string, DonationTrace>> {
  const traces = new Map<string, DonationTrace>(donationIds.map((id) => [id, { items: [], unspentFen: 0 }]));
  if (donationIds.length === 0) return traces;
  const inflows = await db.select().from(fundInflows).where(inArray(fundInflows.donationId, donationIds)).orderBy(fundInflows.id);
  const outs = await outflowsOf(db, inflows.map((i) => i.id));
  // General money moved to a project: that project's inflow from the allocation, its payments, its name.
  const allocationEntries = [...new Set([...outs.values()].flat().filter((o) => o.kind === 'allocation').map((o) => o.entryId))];
  const projectInflows = allocationEntries.length
    ? await db.select().from(fundInflows).where(inArray(fundInflows.entryId, allocationEntries)).orderBy(fundInflows.id)
    : [];
  const projectInflowOf = new Map<number, (typeof projectInflows)[number]>();
  for (const i of projectInflows) if (!projectInflowOf.has(i.entryId)) projectInflowOf.set(i.entryId, i);
  const innerOuts = await outflowsOf(db, [...projectInflowOf.values()].map((i) => i.id));
  const projectIds = [...new Set([...projectInflowOf.values()].map((i) => i.accountCode.split(':')[1]))];
  const projectRows = projectIds.length ? await db.select().from(projects).where(inArray(projects.id, projectIds)) : [];

  for (const inflow of inflows) {
    const trace = traces.get(inflow.donationId!)!;
    const items = trace.items;
    trace.unspentFen += inflow.remainingFen;
    for (const out of outs.get(inflow.id) ?? []) {
      if (out.kind === 'disbursement' && out.spent) items.push({ kind: 'spent', amountFen: out.amountFen, ...out.spent });
      else if (out.kind === 'refund' || out.kind === 'fee') items.push({ kind: out.kind === 'fee' ? 'fee' : 'refunded', amountFen: out.amountFen, date: out.date });
      else if (out.kind === 'allocation') {
        const projectInflow = projectInflowOf.get(out.entryId);
        if (!projectInflow) continue;
        let passedOn = 0;
        for (const inner of innerOuts.get(projectInflow.id) ?? []) {
          if (inner.kind !== 'disbursement' || !inner.spent) continue;
          // This gift's share of the payment, in whole fen, computed in integers (BigInt: no float rounding).
          const amountFen = Number((BigInt(inner.amountFen) * BigInt(out.amountFen)) / BigInt(projectInflow.amountFen));
          if (amountFen > 0) items.push({ kind: 'spent', amountFen, ...inner.spent });
          passedOn += amountFen;
        }
        const project = projectRows.find((p) => p.id === projectInflow.accountCode.split(':')[1]);
        const rest = out.amountFen - passedOn;
        if (rest > 0) {
          items.push({ kind: 'allocated_unspent', amountFen: rest, projectNameZh: project?.nameZh ?? '', projectNameEn: project?.nameEn ?? '' });
        }
      }
    }
  }
  for (const trace of traces.values()) trace.items.sort((a, b) => ('date' in a && 'date' in b ? a.date.getTime() - b.date.getTime() : 0));
  return traces;
}

/** The live payments out of each of these inflows, by inflow. */
async function outflowsOf(db: Db, inflowIds: number[]) {
  const byInflow = new Map<number, Outflow[]>();
  if (inflowIds.length === 0) return byInflow;
  const rows = await db
    .select({
      inflowId: fundAttributions.inflowId,
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
    .where(and(inArray(fundAttributions.inflowId, inflowIds), isNull(fundAttributions.reversedByEntryId)))
    .orderBy(fundAttributions.id);
  for (const r of rows) {
    const list = byInflow.get(r.inflowId) ?? [];
    list.push({
      entryId: r.entryId,
      kind: r.kind,
      date: r.date,
      amountFen: r.amountFen,
      spent: r.purpose
        ? { purpose: r.purpose, category: r.category!, date: r.date, areaId: r.areaId, projectNameZh: r.projectNameZh!, projectNameEn: r.projectNameEn! }
        : null,
    });
    byInflow.set(r.inflowId, list);
  }
  return byInflow;
}

type Outflow = {
  entryId: number;
  kind: string;
  date: Date;
  amountFen: number;
  spent: { purpose: string; category: string; date: Date; areaId: string | null; projectNameZh: string; projectNameEn: string } | null;
};
