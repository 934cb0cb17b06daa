import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { auditLog, disbursements, journalEntries, needs } from '@/db/schema';
import { authorize, type Actor } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors';
import { accountCodes } from '@/lib/ledger/accounts';
import { restoreAttributions } from '@/lib/ledger/fifo';
import { postEntry } from '@/lib/ledger/post';
import { refuseNamingThePerson } from '@/lib/needs/naming-check';
import { publicText } from '@/lib/privacy/public-text';

export const reversalSchema = z.object({
  id: z.string().uuid('not_found'),
  note: publicText(300, 'reason_required'),
});

/**
 * Corrects an approved payment out: the journal is never edited, so a reversing entry with a public note puts
 * the money back into the project's fund, and the gifts that had paid for it are unspent again.
 */
export async function reverseDisbursement(db: Db, actor: Actor, input: z.infer<typeof reversalSchema>) {
  const admin = await authorize(db, actor, 'disbursement:decide');
  // The note is published (report, open data, the journal): like the purpose, it must not name the person. Checked
  // before the transaction, so the reading of their record stays logged when the note is refused — and only for a
  // payment that can be corrected (checked again under the row's lock below).
  const [current] = await db.select({ status: disbursements.status, needId: disbursements.needId }).from(disbursements).where(eq(disbursements.id, input.id));
  if (!current) throw new AppError('not_found');
  if (current.status !== 'approved') throw new AppError('conflict', `cannot reverse a payment that is ${current.status}`);
  if (current.needId) {
    const [need] = await db.select({ id: needs.id, piiCiphertext: needs.piiCiphertext }).from(needs).where(eq(needs.id, current.needId));
    if (need) await refuseNamingThePerson(db, admin.id, need, input.note, { why: 'reversal_note_check', field: 'note' });
  }
  return db.transaction(async (tx) => {
    // Row first, then the ledger lock inside postEntry: the same order as an approval, so the two never deadlock.
    const [row] = await tx.select().from(disbursements).where(eq(disbursements.id, input.id)).for('update');
    if (!row) throw new AppError('not_found');
    if (row.status !== 'approved') throw new AppError('conflict', `cannot reverse a payment that is ${row.status}`);
    const [original] = await tx
      .select({ id: journalEntries.id })
      .from(journalEntries)
      .where(and(eq(journalEntries.disbursementId, row.id), eq(journalEntries.kind, 'disbursement')));
    if (!original) throw new AppError('conflict', 'payment was never posted');
    const reversal = await postEntry(tx, {
      kind: 'reversal',
      memo: input.note,
      disbursementId: row.id,
      reversesEntryId: original.id,
      postedById: admin.id,
      lines: [
        { accountCode: accountCodes.paymentsOut(row.projectId), amountFen: -row.amountFen },
        { accountCode: accountCodes.projectFund(row.projectId), amountFen: row.amountFen },
      ],
    });
    await restoreAttributions(tx, original.id, reversal.id);
    await tx.update(disbursements).set({ status: 'reversed', reversalNote: input.note, reversedAt: new Date() }).where(eq(disbursements.id, row.id));
    await tx.insert(auditLog).values({ actorId: admin.id, action: 'disbursement.reverse', targetType: 'disbursement', targetId: row.id, details: { note: input.note } });
  });
}
