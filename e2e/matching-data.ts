import { eq, inArray } from 'drizzle-orm';
import { openTestDb } from './db';
import { needs, users } from '@/db/schema';
import { actOnCase, assessCase } from '@/lib/needs/case-actions';
import { suggestForNeed } from '@/lib/matching/load';
import { submitNeed } from '@/lib/needs/intake';
import { accounts } from './helpers';

/**
 * The matching journeys start from needs that screening has already found valid — made here through
 * lib/, as an administrator would leave them, so the journey depends on no other test.
 */
const database = openTestDb;

const random = (n: number) => Math.floor(Math.random() * n);

export async function createValidNeeds(count: number, areaId = 'baisha') {
  const { db, close } = await database();
  try {
    const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.email, accounts.admin));
    const actor = { userId: admin.id };
    const created: { needId: string; code: string }[] = [];
    for (let i = 0; i < count; i++) {
      const input = {
        name: '匹配测试',
        phone: `13${7 + random(3)}${String(random(1e8)).padStart(8, '0')}`,
        areaId,
        village: '湾头社区',
        address: '',
        idNumber: '',
        relation: 'self' as const,
        submitterName: '',
        submitterPhone: '',
        category: 'life' as const,
        kind: 'material' as const,
        populations: ['elderly' as const],
        householdSize: 1,
        description: `独居老人，冬天需要棉被和取暖器（匹配旅程 ${Date.now()}-${i}）`,
        estimatedCost: '',
        health: '',
        disability: '',
        finances: '',
        guardianName: '',
        consent: true,
        sensitiveConsent: false,
        guardianConsent: false,
      };
      const { needId, code } = await submitNeed(db, input, { ip: `10.77.${random(255)}.${random(255)}` });
      await actOnCase(db, actor, needId, { action: 'start_screening' });
      await actOnCase(db, actor, needId, { action: 'verify_valid', note: '' });
      // Urgent and hard-pressed, so their places are not taken by older needs on the same list.
      await assessCase(db, actor, needId, { hardship: 5, urgency: 'critical' });
      created.push({ needId, code });
    }
    return created;
  } finally {
    await close();
  }
}

export async function statusesOf(needIds: string[]) {
  const { db, close } = await database();
  try {
    const rows = await db.select({ id: needs.id, status: needs.status }).from(needs).where(inArray(needs.id, needIds));
    return Object.fromEntries(rows.map((r) => [r.id, r.status]));
  } finally {
    await close();
  }
}

/** The case page's signed top suggestion for this need, as it would be offered to this person. */
export async function topSuggestionToken(needId: string, email: string) {
  const { db, close } = await database();
  try {
    const [u] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
    const s = await suggestForNeed(db, { userId: u.id }, needId);
    if (!s.topToken) throw new Error('no project can take the journey’s need');
    return s.topToken;
  } finally {
    await close();
  }
}
