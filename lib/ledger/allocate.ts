import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { allocationIntents, projects } from '@/db/schema';
import { authorize, type Actor } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors';
import { parseYuan } from '@/lib/money';
import { publicText } from '@/lib/privacy/public-text';
import { postAllocation } from './movements';

export const allocationSchema = z.object({
  projectId: z.string().uuid('choose_one'),
  amount: z
    .string()
    .trim()
    .refine((v) => (parseYuan(v) ?? 0) > 0, 'amount_invalid'),
  /** Published with the allocation. */
  reason: publicText(300, 'reason_required'),
  /** Made with the form: sending the same form twice allocates once. */
  intent: z.string().uuid('required'),
});

/** Administrators move general (unrestricted) money to a project; the reason is public. Null for a repeat. */
export async function allocateToProject(db: Db, actor: Actor, input: z.infer<typeof allocationSchema>) {
  const admin = await authorize(db, actor, 'ledger:allocate');
  const [project] = await db.select().from(projects).where(eq(projects.id, input.projectId));
  if (!project) throw new AppError('invalid_input', 'unknown project', { projectId: 'required' });
  if (project.status !== 'active') throw new AppError('invalid_input', 'project not active', { projectId: 'project_closed' });
  try {
    return await db.transaction(async (tx) => {
      // A repeat finds the key taken (or waits for the first to commit, then finds it taken) and moves nothing.
      const [fresh] = await tx.insert(allocationIntents).values({ intentKey: input.intent }).onConflictDoNothing().returning();
      if (!fresh) return null;
      const entry = await postAllocation(tx, { projectId: project.id, amountFen: parseYuan(input.amount)!, reason: input.reason, postedById: admin.id });
      await tx.update(allocationIntents).set({ entryId: entry.id }).where(eq(allocationIntents.intentKey, input.intent));
      return entry;
    });
  } catch (e) {
    if (e instanceof AppError && e.code === 'insufficient_funds') throw new AppError('insufficient_funds', e.message, { amount: 'insufficient_funds' });
    throw e;
  }
}
