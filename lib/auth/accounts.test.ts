import { eq, like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { uniqueSuffix, useTestDb } from '@/db/test-db';
import { auditLog, rateLimits, users } from '@/db/schema';
import { hashPassword } from './password';
import { authorize, requestActor } from './actor';
import { randomIp } from '@/lib/needs/test-fixtures';
import { checkCredentials, createStaffAccount, registerDonor, registerLimit, setUserAreas, setUserDisabled, setUserRole, signInLimits, staffSchema, listUsers } from './accounts';

const db = useTestDb();

async function makeUser(role: 'donor' | 'social_worker' | 'admin', password = 'correct-horse') {
  const email = `${role}-${uniqueSuffix()}@test.local`;
  const [u] = await db.insert(users).values({ email, name: role, role, passwordHash: await hashPassword(password) }).returning();
  return u;
}

describe('registration', () => {
  it('takes a limited number of sign-ups from one address an hour, and says so', async () => {
    const ip = randomIp();
    const signUp = (from: string) => registerDonor(db, { name: '测试', login: `many-${uniqueSuffix()}@test.local`, password: 'a-long-password' }, from);
    for (let i = 0; i < registerLimit.max; i++) await signUp(ip);
    await expect(signUp(ip)).rejects.toMatchObject({ code: 'throttled' });
    await expect(signUp(randomIp())).resolves.toMatchObject({ id: expect.any(String) });
  });

  it('gives an e-mail to one account only, even when two sign up with it at once', async () => {
    const login = `twice-${uniqueSuffix()}@test.local`;
    const attempts = await Promise.allSettled([1, 2, 3].map(() => registerDonor(db, { name: '测试', login, password: 'a-long-password' }, randomIp())));
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    for (const a of attempts.filter((a) => a.status === 'rejected')) expect(a.reason).toMatchObject({ code: 'conflict', fields: { login: 'login_taken' } });
    expect(await db.select().from(users).where(eq(users.email, login))).toHaveLength(1);
  });
});

describe('sign-in', () => {
  it('accepts the right password by email or phone and refuses a wrong one', async () => {
    const phone = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    const { id } = await registerDonor(db, { name: '测试', login: phone, password: 'a-long-password' }, randomIp());
    const ok = await checkCredentials(db, phone, 'a-long-password', `ip-${uniqueSuffix()}`);
    expect(ok).toEqual({ ok: true, user: { id, name: '测试', role: 'donor' } });
    const bad = await checkCredentials(db, phone, 'wrong-password', `ip-${uniqueSuffix()}`);
    expect(bad).toEqual({ ok: false, reason: 'invalid' });
  });

  it('throttles an account after repeated wrong passwords, even with the right one, from any address', async () => {
    const u = await makeUser('donor');
    for (let i = 0; i < signInLimits.account.max; i++) {
      expect((await checkCredentials(db, u.email!, 'nope-nope', `ip-${uniqueSuffix()}`)).ok).toBe(false);
    }
    expect(await checkCredentials(db, u.email!, 'correct-horse', `ip-${uniqueSuffix()}`)).toEqual({ ok: false, reason: 'throttled' });
  });

  it('throttles one address trying many accounts', async () => {
    const ip = `ip-${uniqueSuffix()}`;
    for (let i = 0; i < signInLimits.ip.max; i++) await checkCredentials(db, `nobody-${i}-${uniqueSuffix()}@x.cn`, 'x', ip);
    const u = await makeUser('donor');
    expect(await checkCredentials(db, u.email!, 'correct-horse', ip)).toEqual({ ok: false, reason: 'throttled' });
  });

  it('keeps what was typed as the login out of its counters (an e-mail, a phone, or a password typed in the wrong field)', async () => {
    const typed = [`someone-${uniqueSuffix()}@test.local`, `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`, `My-Secret-${uniqueSuffix()}`];
    for (const login of typed) expect((await checkCredentials(db, login, 'wrong-password', randomIp())).ok).toBe(false);
    const keys = (await db.select({ key: rateLimits.key }).from(rateLimits).where(like(rateLimits.key, 'signin:account:%'))).map((r) => r.key);
    for (const login of typed) expect(keys.filter((k) => k.includes(login.toLowerCase()))).toEqual([]);
  });

  it('refuses a disabled account', async () => {
    const admin = await makeUser('admin');
    const u = await makeUser('donor');
    await setUserDisabled(db, { userId: admin.id }, u.id, true);
    expect(await checkCredentials(db, u.email!, 'correct-horse', `ip-${uniqueSuffix()}`)).toEqual({ ok: false, reason: 'disabled' });
  });

  it('refuses a second account with the same login', async () => {
    const u = await makeUser('donor');
    await expect(registerDonor(db, { name: 'x', login: u.email!, password: 'long-enough' }, randomIp())).rejects.toMatchObject({
      code: 'conflict',
      fields: { login: 'login_taken' },
    });
  });
});

describe('authorization against the database', () => {
  it('applies a change of role at once, whatever the session says', async () => {
    const admin = await makeUser('admin');
    const worker = await makeUser('social_worker');
    await expect(authorize(db, { userId: worker.id }, 'case:read_pii')).resolves.toMatchObject({ role: 'social_worker' });
    await setUserRole(db, { userId: admin.id }, worker.id, 'donor');
    await expect(authorize(db, { userId: worker.id }, 'case:read_pii')).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('locks out a disabled account at once', async () => {
    const admin = await makeUser('admin');
    const worker = await makeUser('social_worker');
    await setUserDisabled(db, { userId: admin.id }, worker.id, true);
    await expect(authorize(db, { userId: worker.id }, 'case:read')).rejects.toMatchObject({ code: 'unauthenticated' });
  });

  it("reads a request's user once; the next request reads it afresh", async () => {
    const admin = await makeUser('admin');
    const worker = await makeUser('social_worker');
    const request = requestActor(worker.id);
    await expect(authorize(db, request, 'case:read_pii')).resolves.toMatchObject({ role: 'social_worker' });
    await setUserRole(db, { userId: admin.id }, worker.id, 'donor');
    // Within the request that began as a social worker, the one check made stands…
    await expect(authorize(db, request, 'case:read_pii')).resolves.toMatchObject({ role: 'social_worker' });
    // …and the next request (a new actor), or any caller's own actor, sees the change.
    await expect(authorize(db, requestActor(worker.id), 'case:read_pii')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(authorize(db, { userId: worker.id }, 'case:read_pii')).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('refuses anonymous visitors', async () => {
    await expect(authorize(db, null, 'case:read')).rejects.toMatchObject({ code: 'unauthenticated' });
  });

  it('lets only an admin create staff, and records it', async () => {
    const worker = await makeUser('social_worker');
    const admin = await makeUser('admin');
    const input = { name: '新社工', login: `new-${uniqueSuffix()}@test.local`, password: 'long-enough', role: 'social_worker' as const, areaIds: ['cicheng'] };
    await expect(createStaffAccount(db, { userId: worker.id }, input)).rejects.toMatchObject({ code: 'forbidden' });
    const created = await createStaffAccount(db, { userId: admin.id }, input);
    const [row] = await db.select().from(users).where(eq(users.id, created.id));
    expect(row.role).toBe('social_worker');
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it("lets only an admin change a social worker's sub-districts, at least one, and records it", async () => {
    const [admin, worker, other] = [await makeUser('admin'), await makeUser('social_worker'), await makeUser('social_worker')];
    await expect(setUserAreas(db, { userId: other.id }, worker.id, ['cicheng'])).rejects.toMatchObject({ code: 'forbidden' });
    await expect(setUserAreas(db, { userId: admin.id }, worker.id, [])).rejects.toMatchObject({ fields: { areaIds: 'areas_required' } });
    await expect(setUserAreas(db, { userId: admin.id }, worker.id, ['nowhere'])).rejects.toMatchObject({ fields: { areaIds: 'areas_required' } });
    await expect(setUserAreas(db, { userId: admin.id }, admin.id, ['cicheng'])).rejects.toMatchObject({ code: 'conflict' }); // administrators see every area
    await setUserAreas(db, { userId: admin.id }, worker.id, ['cicheng', 'hongtang']);
    await setUserAreas(db, { userId: admin.id }, worker.id, ['hongtang', 'yongjiang']);
    const listed = (await listUsers(db, { userId: admin.id })).find((u) => u.id === worker.id);
    expect(listed?.areaIds).toEqual(['hongtang', 'yongjiang']);
    const logged = await db.select().from(auditLog).where(eq(auditLog.targetId, worker.id));
    expect(logged.filter((l) => l.action === 'user.areas')).toHaveLength(2);
  });

  it('asks a social worker account for at least one sub-district (an administrator needs none)', () => {
    const input = { name: '新社工', login: `x-${uniqueSuffix()}@test.local`, password: 'long-enough', areaIds: [] };
    const refused = staffSchema.safeParse({ ...input, role: 'social_worker' });
    expect(refused.success ? [] : refused.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['areaIds', 'areas_required']]);
    expect(staffSchema.safeParse({ ...input, role: 'admin' }).success).toBe(true);
  });

  it('does not let an admin demote or disable themselves', async () => {
    const admin = await makeUser('admin');
    await expect(setUserRole(db, { userId: admin.id }, admin.id, 'donor')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(setUserDisabled(db, { userId: admin.id }, admin.id, true)).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('sign-in throttling under parallel guesses', () => {
  it('lets no more than the limit through, however many arrive at once', async () => {
    const u = await makeUser('donor');
    const results = await Promise.all(
      Array.from({ length: 20 }, () => checkCredentials(db, u.email!, 'parallel-guess', `ip-${uniqueSuffix()}`)),
    );
    expect(results.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(signInLimits.account.max);
    expect(results.filter((r) => !r.ok && r.reason === 'throttled')).toHaveLength(20 - signInLimits.account.max);
  });

  it('does not hold successful sign-ins against the account', async () => {
    const u = await makeUser('donor');
    for (let i = 0; i < signInLimits.account.max + 3; i++) {
      expect((await checkCredentials(db, u.email!, 'correct-horse', `ip-${uniqueSuffix()}`)).ok).toBe(true);
    }
  });
});
