import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { uniqueSuffix, useTestDb } from '@/db/test-db';
import { auditLog, needEvents, needs, piiAccessLog, projects, userAreas } from '@/db/schema';
import { actOnCase, addCaseNote, assignCase, type CaseCommand } from './case-actions';
import { getCase, listPiiAccess } from './case-read';
import { submitNeed } from './intake';
import { purgeClosedCasePii } from './purge';
import { countCap, listQueue, pageSize, phoneSearchKey, queueSearch, readQueueFilter } from './queue';
import { needActions, needStatuses, nextStatus, type NeedAction, type NeedStatus } from './status';
import { activeProjectId, intake, randomIp, staffUser } from './test-fixtures';
import { rateNeed, trackNeed, withdrawNeed } from './tracking';
import { encryptJson } from '@/lib/privacy/crypto';

const db = useTestDb();

const commandFor = (action: NeedAction, projectId: string): CaseCommand => {
  switch (action) {
    case 'verify_invalid':
    case 'reopen':
      return { action, reason: '测试原因' };
    case 'match':
      return { action, projectId, reason: '' };
    case 'record_service':
      return { action, servedOn: '2026-11-20', serviceType: '上门探访', hours: 2, personTimes: 1, deliveredBy: '志愿者' };
    case 'close':
      return { action, note: '回访：老人很满意' };
    case 'withdraw':
      return { action: 'start_screening' }; // residents withdraw through tracking; staff have no withdraw command
    default:
      return { action } as CaseCommand;
  }
};

/** Puts a fresh need into `status` by walking the machine from submitted. */
async function needIn(status: NeedStatus, admin: { id: string }, projectId: string) {
  const paths: Record<NeedStatus, NeedAction[]> = {
    submitted: [],
    screening: ['start_screening'],
    valid: ['start_screening', 'verify_valid'],
    invalid: ['start_screening', 'verify_invalid'],
    matched: ['start_screening', 'verify_valid', 'match'],
    in_service: ['start_screening', 'verify_valid', 'match', 'record_service'],
    fulfilled: ['start_screening', 'verify_valid', 'match', 'record_service', 'mark_fulfilled'],
    closed: ['start_screening', 'verify_valid', 'match', 'record_service', 'mark_fulfilled', 'close'],
    withdrawn: [],
  };
  const input = intake();
  const { needId, code } = await submitNeed(db, input, { ip: randomIp() });
  if (status === 'withdrawn') await withdrawNeed(db, { code, last4: input.phone.slice(-4) }, '', randomIp());
  for (const a of paths[status]) await actOnCase(db, { userId: admin.id }, needId, commandFor(a, projectId));
  return needId;
}

describe('the status machine in the database', () => {
  it('accepts every allowed transition and refuses every illegal one', async () => {
    const admin = await staffUser(db, 'admin');
    const projectId = await activeProjectId(db);
    for (const from of needStatuses) {
      for (const action of needActions.filter((a) => a !== 'withdraw')) {
        const needId = await needIn(from, admin, projectId);
        const expected = nextStatus(from, action);
        const attempt = actOnCase(db, { userId: admin.id }, needId, commandFor(action, projectId));
        if (expected) await expect(attempt, `${action} from ${from}`).resolves.toEqual({ status: expected });
        else await expect(attempt, `${action} from ${from}`).rejects.toMatchObject({ code: 'conflict' });
        const [row] = await db.select({ status: needs.status }).from(needs).where(eq(needs.id, needId));
        expect(row.status).toBe(expected ?? from);
      }
    }
  }, 120_000);

  it('keeps a reason for not-valid and shows it to the resident', async () => {
    const admin = await staffUser(db, 'admin');
    const input = intake();
    const { needId, code } = await submitNeed(db, input, { ip: randomIp() });
    await actOnCase(db, { userId: admin.id }, needId, { action: 'start_screening' });
    await actOnCase(db, { userId: admin.id }, needId, { action: 'verify_invalid', reason: '不在江北区居住' });
    const seen = await trackNeed(db, { code, last4: input.phone.slice(-4) }, randomIp());
    expect(seen.status).toBe('invalid');
    expect(seen.invalidReason).toBe('不在江北区居住');
  });
});

describe('personal information', () => {
  it('names a possible duplicate only to someone who may open it: its code and this phone would prove it on /track', async () => {
    const phone = intake().phone;
    const words = '中风后右侧行动不便，需要康复训练指导';
    const elsewhere = await submitNeed(db, intake({ phone, areaId: 'zhongma', category: 'medical', description: words }), { ip: randomIp() });
    const here = await submitNeed(db, intake({ phone, areaId: 'cicheng', category: 'medical', description: `${words}。` }), { ip: randomIp() });
    const worker = await staffUser(db, 'social_worker');
    await db.insert(userAreas).values({ userId: worker.id, areaId: 'cicheng' });
    const seen = await getCase(db, { userId: worker.id }, here.needId);
    expect(seen.duplicateOf).toBeNull();
    expect(seen.duplicateElsewhere).toBe(true);
    expect(JSON.stringify(seen)).not.toContain(elsewhere.code);
    const admin = await staffUser(db, 'admin');
    const seenByAdmin = await getCase(db, { userId: admin.id }, here.needId);
    expect(seenByAdmin.duplicateOf).toEqual({ id: elsewhere.needId, code: elsewhere.code });
    expect(seenByAdmin.duplicateElsewhere).toBe(false);
  });

  it('is stored encrypted, shown masked in the queue, and in clear only on the case page — logged', async () => {
    const admin = await staffUser(db, 'admin');
    const input = intake({ name: '欧阳独特名', phone: `136${String(Date.now()).slice(-8)}`, address: '慈城镇南联村独特路 8 号' });
    const { needId, code } = await submitNeed(db, input, { ip: randomIp() });
    const [raw] = await db.execute<Record<string, unknown>>(sql`select * from needs where id = ${needId}`);
    const rawText = JSON.stringify(raw);
    expect(rawText).not.toContain('欧阳独特名');
    expect(rawText).not.toContain(input.phone);
    expect(rawText).not.toContain('独特路');
    expect(raw.name_masked).toBe('欧***名');
    expect(raw.phone_masked).toBe(`136****${input.phone.slice(-4)}`);

    const queue = await listQueue(db, { userId: admin.id }, { q: code });
    expect(JSON.stringify(queue.rows)).not.toContain('欧阳独特名');

    const view = await getCase(db, { userId: admin.id }, needId);
    expect(view.pii?.name).toBe('欧阳独特名');
    expect(view.pii?.address).toBe('慈城镇南联村独特路 8 号');
    const logged = await db.select().from(piiAccessLog).where(eq(piiAccessLog.needId, needId));
    expect(logged).toHaveLength(1);
    expect(logged[0].actorId).toBe(admin.id);
    const log = await listPiiAccess(db, { userId: admin.id });
    expect(log.some((l) => l.needCode === code)).toBe(true);
  });

  it('keeps only the sensitive fields the category needs', async () => {
    const admin = await staffUser(db, 'admin');
    const { needId } = await submitNeed(
      db,
      intake({ category: 'integration', health: '高血压', finances: '低保', sensitiveConsent: true }),
      { ip: randomIp() },
    );
    const view = await getCase(db, { userId: admin.id }, needId);
    expect(view.pii?.health).toBeUndefined();
    expect(view.pii?.finances).toBeUndefined();
    const medical = await submitNeed(db, intake({ category: 'medical', health: '中风后康复', sensitiveConsent: true }), { ip: randomIp() });
    expect((await getCase(db, { userId: admin.id }, medical.needId)).pii?.health).toBe('中风后康复');
  });

  it('is refused to donors and to social workers outside the case’s sub-districts', async () => {
    const donor = await staffUser(db, 'donor');
    const outsider = await staffUser(db, 'social_worker');
    await db.insert(userAreas).values({ userId: outsider.id, areaId: 'zhongma' });
    const insider = await staffUser(db, 'social_worker');
    await db.insert(userAreas).values({ userId: insider.id, areaId: 'cicheng' });
    const { needId } = await submitNeed(db, intake({ areaId: 'cicheng' }), { ip: randomIp() });
    await expect(getCase(db, { userId: donor.id }, needId)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(getCase(db, null, needId)).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(getCase(db, { userId: outsider.id }, needId)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(actOnCase(db, { userId: outsider.id }, needId, { action: 'start_screening' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(getCase(db, { userId: insider.id }, needId)).resolves.toMatchObject({ need: { id: needId } });
    const outsiderQueue = await listQueue(db, { userId: outsider.id }, { status: 'all', area: 'cicheng' });
    expect(outsiderQueue.rows.some((r) => r.id === needId)).toBe(false);
    // Assigned to them by an admin, the case comes into the outsider's scope.
    const admin = await staffUser(db, 'admin');
    await assignCase(db, { userId: admin.id }, needId, outsider.id);
    await expect(getCase(db, { userId: outsider.id }, needId)).resolves.toBeTruthy();
    await expect(assignCase(db, { userId: insider.id }, needId, insider.id)).resolves.toBeUndefined();
    await expect(assignCase(db, { userId: insider.id }, needId, outsider.id)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('is purged from cases that ended long ago, leaving the anonymous record', async () => {
    const admin = await staffUser(db, 'admin');
    const projectId = await activeProjectId(db);
    const needId = await needIn('closed', admin, projectId);
    await db.update(needs).set({ closedAt: new Date('2020-01-01T00:00:00Z') }).where(eq(needs.id, needId));
    const fresh = await needIn('closed', admin, projectId);
    const invalidLongAgo = await needIn('invalid', admin, projectId);
    await db.update(needs).set({ updatedAt: new Date('2020-01-01T00:00:00Z') }).where(eq(needs.id, invalidLongAgo));
    const worker = await staffUser(db, 'social_worker');
    await expect(purgeClosedCasePii(db, { userId: worker.id }, 36)).rejects.toMatchObject({ code: 'forbidden' });
    const result = await purgeClosedCasePii(db, { userId: admin.id }, 36);
    expect(result.count).toBeGreaterThanOrEqual(1);
    const [old] = await db.select().from(needs).where(eq(needs.id, needId));
    expect(old.piiCiphertext).toBeNull();
    expect(old.nameMasked).toBe('');
    expect(old.description).toBe('[已清除]');
    expect(old.status).toBe('closed');
    expect(old.category).toBe('life');
    const [kept] = await db.select().from(needs).where(eq(needs.id, fresh));
    expect(kept.piiCiphertext).not.toBeNull();
    // A need found invalid long ago has served its purpose too: its identity and the reason go.
    expect((await db.select().from(needs).where(eq(needs.id, invalidLongAgo)))[0]).toMatchObject({ piiCiphertext: null, invalidReason: '[已清除]', status: 'invalid' });
    const audit = await db.select().from(auditLog).where(eq(auditLog.actorId, admin.id));
    expect(audit.some((a) => a.action === 'pii.purge')).toBe(true);
    const view = await getCase(db, { userId: admin.id }, needId);
    expect(view.pii).toBeNull();
  });
});

describe('intake', () => {
  it('throttles submissions per phone and per address, in the database', async () => {
    const phone = intake().phone;
    for (let i = 0; i < 3; i++) await submitNeed(db, intake({ phone, description: `第${i}次：需要轮椅和康复指导帮助` }), { ip: randomIp() });
    await expect(submitNeed(db, intake({ phone }), { ip: randomIp() })).rejects.toMatchObject({ code: 'throttled' });
    const ip = randomIp();
    for (let i = 0; i < 20; i++) await submitNeed(db, intake(), { ip });
    await expect(submitNeed(db, intake(), { ip })).rejects.toMatchObject({ code: 'throttled' });
  });

  it('flags a likely duplicate for the social worker and still accepts it', async () => {
    const phone = intake().phone;
    const first = await submitNeed(db, intake({ phone, category: 'medical', description: '中风后右侧行动不便，需要康复训练指导' }), { ip: randomIp() });
    const second = await submitNeed(db, intake({ phone, category: 'disability', description: '中风后右侧行动不便，需要康复训练的指导' }), { ip: randomIp() });
    const [row] = await db.select().from(needs).where(eq(needs.id, second.needId));
    expect(row.possibleDuplicateOf).toBe(first.needId);
    const other = await submitNeed(db, intake({ category: 'medical' }), { ip: randomIp() });
    const [unrelated] = await db.select().from(needs).where(eq(needs.id, other.needId));
    expect(unrelated.possibleDuplicateOf).toBeNull();
  });

  it('lets staff enter a need taken by phone, marked as such, and refuses anyone else', async () => {
    const worker = await staffUser(db);
    const donor = await staffUser(db, 'donor');
    const { needId, openable } = await submitNeed(db, intake(), { ip: randomIp(), channel: 'phone', actor: { userId: worker.id } });
    const [row] = await db.select().from(needs).where(eq(needs.id, needId));
    expect(row.channel).toBe('phone');
    expect(row.createdById).toBe(worker.id);
    // The worker covers no sub-district yet: the case is not theirs to open; once they cover its area, it is.
    expect(openable).toBe(false);
    await db.insert(userAreas).values({ userId: worker.id, areaId: row.areaId });
    expect((await submitNeed(db, intake(), { ip: randomIp(), channel: 'phone', actor: { userId: worker.id } })).openable).toBe(true);
    await expect(submitNeed(db, intake(), { ip: randomIp(), channel: 'paper', actor: { userId: donor.id } })).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('case notes', () => {
  it('are refused at the field when empty or over 1,000 characters (never cut short), and kept whole otherwise', async () => {
    const admin = await staffUser(db, 'admin');
    const { needId } = await submitNeed(db, intake(), { ip: randomIp() });
    await expect(addCaseNote(db, { userId: admin.id }, needId, '   ')).rejects.toMatchObject({ fields: { note: 'required' } });
    await expect(addCaseNote(db, { userId: admin.id }, needId, '记'.repeat(1001))).rejects.toMatchObject({ fields: { note: 'too_long' } });
    await addCaseNote(db, { userId: admin.id }, needId, ` ${'记'.repeat(1000)} `);
    const notes = await db.select({ note: needEvents.note }).from(needEvents).where(sql`${needEvents.needId} = ${needId} and ${needEvents.type} = 'note'`);
    expect(notes.map((n) => n.note)).toEqual(['记'.repeat(1000)]);
  });
});

describe('the resident follows the case', () => {
  it('needs the right last four digits, and rates once after the help', async () => {
    const admin = await staffUser(db, 'admin');
    const projectId = await activeProjectId(db);
    const input = intake();
    const { needId, code } = await submitNeed(db, input, { ip: randomIp() });
    await expect(trackNeed(db, { code, last4: '0000' === input.phone.slice(-4) ? '1111' : '0000' }, randomIp())).rejects.toMatchObject({ code: 'not_found' });
    const proof = { code, last4: input.phone.slice(-4) };
    for (const a of ['start_screening', 'verify_valid', 'match', 'record_service', 'mark_fulfilled'] as NeedAction[]) {
      await actOnCase(db, { userId: admin.id }, needId, commandFor(a, projectId));
    }
    const seen = await trackNeed(db, proof, randomIp());
    expect(seen.timeline.map((t) => t.toStatus)).toEqual(['submitted', 'screening', 'valid', 'matched', 'in_service', 'fulfilled']);
    // The match names its project, in English too.
    const [project] = await db.select().from(projects).where(eq(projects.id, projectId));
    expect(seen.timeline.find((t) => t.toStatus === 'matched')).toMatchObject({ publicNote: project.nameZh, projectNameEn: project.nameEn });
    expect(seen.canRate).toBe(true);
    await rateNeed(db, proof, 5, '谢谢社工', randomIp());
    await expect(rateNeed(db, proof, 1, '', randomIp())).rejects.toMatchObject({ code: 'conflict' });
    expect((await trackNeed(db, proof, randomIp())).rating).toBe(5);
  });

  it('keeps no rating whose line in the history could not be written', async () => {
    const admin = await staffUser(db, 'admin');
    const projectId = await activeProjectId(db);
    const input = intake();
    const { needId, code } = await submitNeed(db, input, { ip: randomIp() });
    for (const a of ['start_screening', 'verify_valid', 'match', 'record_service', 'mark_fulfilled'] as NeedAction[]) {
      await actOnCase(db, { userId: admin.id }, needId, commandFor(a, projectId));
    }
    const proof = { code, last4: input.phone.slice(-4) };
    // The history refuses this need's rating line (a fault injected for this need only).
    const refuse = `refuse_rating_${uniqueSuffix().replace(/\W/g, '_')}`;
    await db.execute(sql.raw(`create function ${refuse}() returns trigger language plpgsql as $$ begin
      if new.need_id = '${needId}' and new.type = 'rating' then raise exception 'history unavailable'; end if; return new; end $$`));
    await db.execute(sql.raw(`create trigger ${refuse} before insert on need_events for each row execute function ${refuse}()`));
    try {
      await expect(rateNeed(db, proof, 4, '', randomIp())).rejects.toThrow();
    } finally {
      await db.execute(sql.raw(`drop trigger ${refuse} on need_events; drop function ${refuse}()`));
    }
    expect((await trackNeed(db, proof, randomIp())).rating).toBeNull();
    await rateNeed(db, proof, 4, '', randomIp());
    expect((await trackNeed(db, proof, randomIp())).rating).toBe(4);
  });

  it('is followed with the phone of whoever asked on their behalf too, and with no other', async () => {
    const input = intake({ relation: 'neighbour', submitterName: '李邻居', submitterPhone: '0574-8765 1234' });
    const { code } = await submitNeed(db, input, { ip: randomIp() });
    expect((await trackNeed(db, { code, last4: '1234' }, randomIp())).status).toBe('submitted');
    expect((await trackNeed(db, { code, last4: input.phone.slice(-4) }, randomIp())).status).toBe('submitted');
    const other = ['1234', input.phone.slice(-4)].includes('9876') ? '6789' : '9876';
    await expect(trackNeed(db, { code, last4: other }, randomIp())).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('the queue', () => {
  it('finds a case by its code however it is typed, and by a whole phone number (logged), within the worker’s scope only', async () => {
    const admin = await staffUser(db, 'admin');
    const input = intake({ areaId: 'cicheng' });
    const { code, needId } = await submitNeed(db, input, { ip: randomIp() });
    const found = async (filter: { q?: string; phone?: string }, userId = admin.id) => (await listQueue(db, { userId }, { ...filter, status: 'all' })).rows.map((r) => r.id);
    expect(await found({ q: code.toLowerCase().replace(/-/g, ' ') })).toEqual([needId]);
    // A phone number is searched by its keyed hash (the address carries that, never the number).
    const typed = `+86 ${input.phone.slice(0, 3)} ${input.phone.slice(3, 7)} ${input.phone.slice(7)}`;
    expect(phoneSearchKey(typed)).not.toContain(input.phone.slice(3));
    expect(await found({ phone: phoneSearchKey(typed)! })).toEqual([needId]);
    expect(phoneSearchKey(input.phone.slice(3))).toBeNull(); // part of a number is no search key
    expect(await found({ q: input.phone })).toEqual([]); // nor is a number in the words searched
    const logged = await db.select().from(piiAccessLog).where(eq(piiAccessLog.needId, needId));
    expect(logged.map((l) => [l.actorId, l.purpose])).toEqual([[admin.id, 'queue:phone_search']]);
    const elsewhere = await staffUser(db, 'social_worker'); // covering no sub-district
    expect(await found({ phone: phoneSearchKey(input.phone)! }, elsewhere.id)).toEqual([]);
  });

  it('turns what staff type into an address that holds no number, and answers no one else', async () => {
    const worker = await staffUser(db, 'social_worker');
    const search = async (q: string) => Object.fromEntries(await queueSearch(db, { userId: worker.id }, { q, area: 'cicheng', page: '3' }));
    expect(await search('138 1234 5678')).toEqual({ area: 'cicheng', phone: phoneSearchKey('13812345678') });
    expect(await search('jb 7kq4 mx3a')).toEqual({ area: 'cicheng', q: 'jb 7kq4 mx3a' }); // a code, read as typed
    // Words (a village, or a name typed in vain) only sealed: the address never holds them; the page opens them again.
    const words = await search('陈德兴');
    expect(Object.keys(words).sort()).toEqual(['area', 'qs']);
    expect(JSON.stringify(words)).not.toContain('陈');
    expect(readQueueFilter(words)).toMatchObject({ area: 'cicheng', q: '陈德兴' });
    const [key, iv, tag, data] = words.qs.split('.');
    const tampered = [key, iv, `${tag[0] === 'A' ? 'B' : 'A'}${tag.slice(1)}`, data].join('.');
    expect(readQueueFilter({ qs: tampered }).q).toBeUndefined(); // a seal that does not open searches nothing
    expect(await search('１３８.１２３４.５６７８')).toEqual({ area: 'cicheng', phone: phoneSearchKey('13812345678') });
    for (const number of ['1234-5678', '330205194001011234', '5678901', '１２３４５６７', '王 138.1234']) {
      expect(await search(number)).toEqual({ area: 'cicheng', numberRefused: '1' });
    }
    // The phone's keyed hash is what the needs table holds: only staff may have it computed.
    const donor = await staffUser(db, 'donor');
    await expect(queueSearch(db, { userId: donor.id }, { q: '13812345678' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(queueSearch(db, null, { q: '13812345678' })).rejects.toMatchObject({ code: 'unauthenticated' });
  });

  it('opens in the address only a seal it made for a search, never another ciphertext under the same keys', async () => {
    // A need's personal information (or a receipt's ID number) copied out of the database is no search to open.
    const { needId } = await submitNeed(db, intake({ name: '陈德兴' }), { ip: randomIp() });
    const [row] = await db.select({ pii: needs.piiCiphertext }).from(needs).where(eq(needs.id, needId));
    expect(row.pii!.length).toBeLessThanOrEqual(300);
    expect(readQueueFilter({ qs: row.pii! }).q).toBeUndefined();
    expect(readQueueFilter({ qs: encryptJson({ legalName: '陈德兴', idNumber: '330205194001011234' }) }).q).toBeUndefined();
  });

  it('leads on page by page past the cases it counts, so every case stays reachable', async () => {
    const admin = await staffUser(db, 'admin');
    const marker = `分页村${uniqueSuffix()}`;
    const { needId } = await submitNeed(db, intake({ village: marker }), { ip: randomIp() });
    // More cases than the queue counts: copies of that one, each with its own tracking code.
    const columns = (
      await db.execute<{ name: string }>(
        sql`select column_name as name from information_schema.columns where table_name = 'needs' and column_name not in ('id', 'code')`,
      )
    ).map((c) => `"${c.name}"`);
    const list = sql.raw(columns.join(', '));
    await db.execute(sql`insert into needs (code, ${list})
      select ${marker} || '-' || g, ${list} from needs, generate_series(1, ${countCap + pageSize / 2 - 1}) g where id = ${needId}`);
    const total = countCap + pageSize / 2;
    const lastFull = countCap / pageSize;
    const atCap = await listQueue(db, { userId: admin.id }, { q: marker, status: 'all', page: lastFull });
    expect(atCap).toMatchObject({ more: true, total: countCap, page: lastFull, pages: lastFull + 1 });
    expect(atCap.rows).toHaveLength(pageSize);
    const last = await listQueue(db, { userId: admin.id }, { q: marker, status: 'all', page: lastFull + 1 });
    expect(last.rows).toHaveLength(total - countCap);
    expect(last.pages).toBe(lastFull + 1);
  });
});
