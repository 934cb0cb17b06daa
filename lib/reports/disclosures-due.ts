import type { Db } from '@/db/client';
import { projects } from '@/db/schema';
import { authorize, type Actor } from '@/lib/auth/actor';
import { periodsDue, type Period } from './disclosure-periods';
import { listPublishedDisclosures } from './disclosures';

/** For administrators: each project's disclosures that are due and not yet published. */
export async function listDueDisclosures(db: Db, actor: Actor, today: string) {
  await authorize(db, actor, 'report:publish');
  const [all, published] = await Promise.all([db.select().from(projects), listPublishedDisclosures(db)]);
  const done = new Set(published.map((d) => `${d.projectId}|${d.kind}|${d.periodStart}|${d.periodEnd}`));
  return all
    .filter((p) => p.status !== 'draft')
    .flatMap((p) =>
      periodsDue(p, today)
        .filter((period: Period) => !done.has(`${p.id}|${period.kind}|${period.start}|${period.end}`))
        .map((period) => ({ projectId: p.id, nameZh: p.nameZh, nameEn: p.nameEn, ...period })),
    )
    .sort((a, b) => a.dueBy.localeCompare(b.dueBy));
}
