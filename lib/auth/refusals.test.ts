import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { needEvents, needs, userAreas, users } from '@/db/schema';
import { uniqueSuffix, useTestDb } from '@/db/test-db';
import type { Actor } from '@/lib/auth/actor';
import { createStaffAccount, listUsers, setUserDisabled, setUserRole } from '@/lib/auth/accounts';
import { allocateToProject } from '@/lib/ledger/allocate';
import { addCaseNote, assessCase, assignCase, listAssignableStaff } from '@/lib/needs/case-actions';
import { listPiiAccess } from '@/lib/needs/case-read';
import { countPurgeable } from '@/lib/needs/purge';
import { submitNeed } from '@/lib/needs/intake';
import { listWorkload } from '@/lib/needs/queue';
import { activeProjectId, intake, randomIp, staffUser } from '@/lib/needs/test-fixtures';
import { addResidentMessage, rateNeed, withdrawNeed } from '@/lib/needs/tracking';
import { saveProjectCover } from '@/lib/projects/cover';
import { getProjectForEdit } from '@/lib/projects/edit';
import { previewDisclosure } from '@/lib/reports/disclosures';
import { listDueDisclosures } from '@/lib/reports/disclosures-due';

const db = useTestDb();

/**
 * Every lib/ entry point refuses whoever may not call it, called directly (the pages' guards and proxy.ts's
 * redirect are not what protects the data): anonymous → unauthenticated, the wrong role → forbidden.
 */
describe('refusals, called directly', () => {
  const as = (id: string): Actor => ({ userId: id });

  it('administrators’ work refuses visitors, donors and social workers, and changes nothing', async () => {
    const [donor, worker, target] = [await staffUser(db, 'donor'), await staffUser(db, 'social_worker'), await staffUser(db, 'social_worker')];
    const projectId = await activeProjectId(db);
    const adminOnly: [string, (a: Actor) => Promise<unknown>][] = [
      ['createStaffAccount', (a) => createStaffAccount(db, a, { name: '新同事', login: `new-${uniqueSuffix()}@test.local`, password: 'long-enough-password', role: 'admin', areaIds: [] })],
      ['setUserRole', (a) => setUserRole(db, a, target.id, 'admin')],
      ['setUserDisabled', (a) => setUserDisabled(db, a, target.id, true)],
      ['allocateToProject', (a) => allocateToProject(db, a, { projectId, amount: '1.00', reason: '测试：不应分配', intent: randomUUID() })],
      ['saveProjectCover', (a) => saveProjectCover(db, a, projectId, new Uint8Array([0x89, 0x50, 0x4e, 0x47]))],
      ['getProjectForEdit', (a) => getProjectForEdit(db, a, 'zhihuiguo')],
      ['listUsers', (a) => listUsers(db, a)],
      ['listPiiAccess', (a) => listPiiAccess(db, a)],
      ['listDueDisclosures', (a) => listDueDisclosures(db, a, '2026-12-01')],
      ['previewDisclosure', (a) => previewDisclosure(db, a, projectId, '2026-07-01', '2026-09-30')],
      ['countPurgeable', (a) => countPurgeable(db, a, 36)],
    ];
    for (const [name, call] of adminOnly) {
      await expect(call(null), `${name} as a visitor`).rejects.toMatchObject({ code: 'unauthenticated' });
      await expect(call(as(donor.id)), `${name} as a donor`).rejects.toMatchObject({ code: 'forbidden' });
      await expect(call(as(worker.id)), `${name} as a social worker`).rejects.toMatchObject({ code: 'forbidden' });
    }
    const [after] = await db.select().from(users).where(eq(users.id, target.id));
    expect({ role: after.role, disabled: after.disabledAt }).toEqual({ role: 'social_worker', disabled: null });
  });

  it('staff lists refuse visitors and donors', async () => {
    const donor = await staffUser(db, 'donor');
    for (const [name, call] of [
      ['listWorkload', (a: Actor) => listWorkload(db, a)],
      ['listAssignableStaff', (a: Actor) => listAssignableStaff(db, a)],
    ] as const) {
      await expect(call(null), `${name} as a visitor`).rejects.toMatchObject({ code: 'unauthenticated' });
      await expect(call(as(donor.id)), `${name} as a donor`).rejects.toMatchObject({ code: 'forbidden' });
    }
  });

  it('a case’s assessment, notes and assignment refuse a worker of another sub-district, a donor and a visitor', async () => {
    const { needId } = await submitNeed(db, intake({ areaId: 'cicheng' }), { ip: randomIp() });
    const [outsider, donor, colleague] = [await staffUser(db, 'social_worker'), await staffUser(db, 'donor'), await staffUser(db, 'social_worker')];
    await db.insert(userAreas).values([
      { userId: outsider.id, areaId: 'zhongma' },
      { userId: colleague.id, areaId: 'cicheng' },
    ]);
    const [before] = await db.select().from(needs).where(eq(needs.id, needId));
    const calls: [string, (a: Actor) => Promise<unknown>][] = [
      ['assessCase', (a) => assessCase(db, a, needId, { hardship: 5, urgency: 'critical' })],
      ['addCaseNote', (a) => addCaseNote(db, a, needId, '不该写进来的记录')],
      ['assignCase', (a) => assignCase(db, a, needId, colleague.id)],
    ];
    for (const [name, call] of calls) {
      await expect(call(null), `${name} as a visitor`).rejects.toMatchObject({ code: 'unauthenticated' });
      await expect(call(as(donor.id)), `${name} as a donor`).rejects.toMatchObject({ code: 'forbidden' });
      await expect(call(as(outsider.id)), `${name} out of scope`).rejects.toMatchObject({ code: 'forbidden' });
    }
    const [need] = await db.select().from(needs).where(eq(needs.id, needId));
    expect(need).toEqual(before);
    const events = await db.select().from(needEvents).where(eq(needEvents.needId, needId));
    expect(events.map((e) => e.type)).toEqual(['submitted']); // its submission only
  });

  it('a request’s code with the wrong last four digits can neither withdraw, message nor rate it', async () => {
    const input = intake();
    const { needId, code } = await submitNeed(db, input, { ip: randomIp() });
    const wrong = { code, last4: input.phone.slice(-4) === '0000' ? '1111' : '0000' };
    await expect(withdrawNeed(db, wrong, '', randomIp())).rejects.toMatchObject({ code: 'not_found' });
    await expect(addResidentMessage(db, wrong, '冒充的留言', randomIp())).rejects.toMatchObject({ code: 'not_found' });
    await expect(rateNeed(db, wrong, 1, '冒充的评价', randomIp())).rejects.toMatchObject({ code: 'not_found' });
    const [need] = await db.select().from(needs).where(eq(needs.id, needId));
    expect({ status: need.status, rating: need.rating }).toEqual({ status: 'submitted', rating: null });
    expect((await db.select().from(needEvents).where(eq(needEvents.needId, needId))).map((e) => e.type)).toEqual(['submitted']);
  });
});
