import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { disbursements } from '@/db/schema';
import { useTestDb } from '@/db/test-db';
import { decideDisbursement, requestDisbursement } from '@/lib/disbursements/disbursements';
import { reverseDisbursement } from '@/lib/disbursements/reverse';
import { fulfilDonation } from '@/lib/donations/fulfil';
import { newPendingDonation, newProject, newUser } from '@/lib/donations/testing/fixtures';
import { postDisbursement } from '@/lib/ledger/movements';
import { verifySummaries } from './verify';

const db = useTestDb();
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

describe('the money summaries', () => {
  it('are written under the ledger lock, so an approval and a reversal never deadlock on them', async () => {
    // An approval changes its status and then posts; a reversal posts and then changes its status. Were the
    // category total locked at the status change alone, each would wait for what the other holds.
    const project = await newProject(db);
    const [admin, worker] = await Promise.all([newUser(db, 'admin'), newUser(db, 'social_worker')]);
    const gift = await newPendingDonation(db, { projectId: project.id, amountFen: 50_000 });
    await fulfilDonation(db, gift.id);
    const request = (purpose: string) =>
      requestDisbursement(db, { userId: worker.id }, { projectId: project.id, needCode: '', amount: '100', payee: '文具店', purpose, category: 'goods' }, [
        { name: 'r.png', content: png },
      ]);
    const toReverse = await request('重复付款');
    await decideDisbursement(db, { userId: admin.id }, toReverse.id, { decision: 'approve', reason: '同意' });
    const toApprove = await request('学习用品');

    let statusChanged!: () => void;
    const changed = new Promise<void>((resolve) => (statusChanged = resolve));
    // decideDisbursement's two steps, held apart long enough for the reversal to start in between.
    const approval = db.transaction(async (tx) => {
      await tx
        .update(disbursements)
        .set({ status: 'approved', decidedById: admin.id, decisionReason: '同意', decidedAt: new Date() })
        .where(eq(disbursements.id, toApprove.id));
      statusChanged();
      await new Promise((resolve) => setTimeout(resolve, 300));
      await postDisbursement(tx, { disbursementId: toApprove.id, projectId: project.id, amountFen: 10_000, purpose: '学习用品', postedById: admin.id });
    });
    await changed;
    const reversal = reverseDisbursement(db, { userId: admin.id }, { id: toReverse.id, note: '重复付款，已追回' });

    const results = await Promise.allSettled([approval, reversal]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(await verifySummaries(db)).toEqual([]);
  });
});
