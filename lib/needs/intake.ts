import { and, desc, eq, gte } from 'drizzle-orm';
import { randomInt } from 'node:crypto';
import type { Db } from '@/db/client';
import { needEvents, needs } from '@/db/schema';
import { authorize, type Actor } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors';
import { historyWords } from '@/lib/i18n/history';
import { parseYuan } from '@/lib/money';
import { lookupHash } from '@/lib/privacy/crypto';
import { takeRateLimit } from '@/lib/rate-limit';
import { newTrackingCode } from './code';
import { looksLikeDuplicate } from './duplicates';
import { assertInScope } from './scope';
import { consentVersion, sensitiveFieldsFor, type NeedIntake } from './intake-schema';
import { sealNeedPii, type NeedPii } from './pii';
import { holdCalendar, workingDeadline } from './calendar';
import { screenWorkingDays } from './sla';

export const intakeLimits = {
  phone: { max: 3, windowSeconds: 24 * 3600 },
  ip: { max: 20, windowSeconds: 3600 },
};

type Channel = 'online' | 'phone' | 'paper';
export type IntakeMeta = { ip: string; channel?: Channel; actor?: Actor; now?: Date };

/**
 * A resident (or someone on their behalf, or staff taking it by phone or on paper) asks for help.
 * Throttled per phone and per address in PostgreSQL; a likely duplicate is flagged, never refused.
 * Only the sensitive fields the category needs are kept (PIPL: collect only what the case needs).
 */
/** `openable`: whether the staff member who entered it may open the case (their sub-districts, or an administrator). */
export async function submitNeed(db: Db, input: NeedIntake, meta: IntakeMeta): Promise<{ code: string; needId: string; openable: boolean }> {
  const channel = meta.channel ?? 'online';
  const staff = channel === 'online' ? null : await authorize(db, meta.actor ?? null, 'case:act');
  const now = meta.now ?? new Date();
  if (!staff) {
    const okPhone = await takeRateLimit(db, `intake:phone:${lookupHash(`phone:${input.phone}`)}`, intakeLimits.phone);
    const okIp = await takeRateLimit(db, `intake:ip:${meta.ip}`, intakeLimits.ip);
    if (!okPhone || !okIp) throw new AppError('throttled');
  }

  const keep = new Set(sensitiveFieldsFor(input.category));
  const children = input.populations.includes('children');
  const pii: NeedPii = {
    name: input.name,
    phone: input.phone,
    ...(input.idNumber ? { idNumber: input.idNumber } : {}),
    ...(input.address ? { address: input.address } : {}),
    ...(input.relation !== 'self' ? { submitterName: input.submitterName, submitterPhone: input.submitterPhone } : {}),
    ...(keep.has('health') && input.health ? { health: input.health } : {}),
    ...(keep.has('disability') && input.disability ? { disability: input.disability } : {}),
    ...(keep.has('finances') && input.finances ? { finances: input.finances } : {}),
    ...(children ? { guardianName: input.guardianName } : {}),
  };
  const hasSensitive = Boolean(pii.health || pii.disability || pii.finances);
  const duplicateOf = await findLikelyDuplicate(db, input, now);
  for (let attempt = 0; ; attempt++) {
    const code = newTrackingCode(randomInt);
    try {
      return await db.transaction(async (tx) => {
        await holdCalendar(tx);
        const screenDueAt = await workingDeadline(tx, now, screenWorkingDays);
        const [need] = await tx
          .insert(needs)
          .values({
            code,
            channel,
            category: input.category,
            kind: input.kind,
            populations: input.populations,
            householdSize: input.householdSize,
            areaId: input.areaId,
            village: input.village,
            description: input.description,
            estimatedCostFen: input.estimatedCost ? parseYuan(input.estimatedCost) : null,
            onBehalfRelation: input.relation === 'self' ? null : input.relation,
            involvesChild: children,
            consentVersion,
            sensitiveConsentAt: hasSensitive ? now : null,
            guardianConsentAt: children ? now : null,
            ...sealNeedPii(pii, code),
            possibleDuplicateOf: duplicateOf,
            createdById: staff?.id ?? null,
            submittedAt: now,
            screenDueAt,
          })
          .returning({ id: needs.id });
        await tx.insert(needEvents).values({
          needId: need.id,
          type: 'submitted',
          toStatus: 'submitted',
          actorId: staff?.id ?? null,
          actorKind: staff ? 'staff' : 'resident',
          note: staff ? historyWords()('case.history.entered', { channel: historyWords()(`needs.channel.${channel}`) }) : null,
          createdAt: now,
        });
        const openable = staff ? await assertInScope(tx, staff, { areaId: input.areaId, assigneeId: null }).then(() => true, () => false) : false;
        return { code, needId: need.id, openable };
      });
    } catch (e) {
      // A tracking-code collision (about 1 in 10^11 per need) is retried with a fresh code.
      if (attempt < 4 && (e as { cause?: { constraint_name?: string } }).cause?.constraint_name === 'needs_code_unique') continue;
      throw e;
    }
  }
}

async function findLikelyDuplicate(db: Db, input: NeedIntake, now: Date): Promise<string | null> {
  const since = new Date(now.getTime() - 30 * 24 * 3600 * 1000);
  const earlier = await db
    .select({ id: needs.id, category: needs.category, description: needs.description })
    .from(needs)
    .where(and(eq(needs.phoneHash, lookupHash(`phone:${input.phone}`)), gte(needs.submittedAt, since)))
    .orderBy(desc(needs.submittedAt))
    .limit(20);
  return earlier.find((e) => looksLikeDuplicate(input, e))?.id ?? null;
}
