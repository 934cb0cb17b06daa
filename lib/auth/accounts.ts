import { eq, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { auditLog, userAreas, users } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { assertId } from '@/lib/ids';
import { normalizePhone } from '@/lib/needs/phone';
import { jiangbeiAreas } from '@/lib/places';
import { lookupHash } from '@/lib/privacy/crypto';
import { releaseRateLimit, takeRateLimit } from '@/lib/rate-limit';
import { authorize, type Actor } from './actor';
import { hashPassword, verifyPassword } from './password';
import { roles, type Role } from './permissions';

export const phoneSchema = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/, 'phone_invalid');
const emailSchema = z.string().trim().toLowerCase().email('email_invalid').max(200);
const passwordSchema = z.string().min(8, 'password_short').max(200, 'password_long');

/**
 * "email or phone" as typed on the sign-in and registration forms. A mobile number is taken as people write it
 * ("139 0000 0001", "+86 139-0000-0001", full-width digits) and kept as its 11 digits, as on the help form.
 */
export function parseLogin(identifier: string): { email?: string; phone?: string } | null {
  const trimmed = identifier.trim();
  const phone = normalizePhone(trimmed);
  if (phoneSchema.safeParse(phone).success) return { phone };
  const email = emailSchema.safeParse(trimmed);
  return email.success ? { email: email.data } : null;
}

export const registerSchema = z.object({
  name: z.string().trim().min(1, 'required').max(50, 'too_long'),
  login: z
    .string()
    .trim()
    .min(1, 'required')
    .refine((v) => parseLogin(v) !== null, 'login_invalid'),
  password: passwordSchema,
});

export type RegisterInput = z.infer<typeof registerSchema>;

/** Sign-ups per address an hour: enough for a family or an office behind one address, not for trying out logins. */
export const registerLimit = { max: 20, windowSeconds: 3600 };

/** A donor creates their own account. */
export async function registerDonor(db: Db, input: RegisterInput, ip: string): Promise<{ id: string }> {
  if (!(await takeRateLimit(db, `register:ip:${ip}`, registerLimit))) throw new AppError('throttled');
  const login = parseLogin(input.login)!;
  const existing = await findByLogin(db, login);
  if (existing) throw new AppError('conflict', 'account exists', { login: 'login_taken' });
  const [user] = await db
    .insert(users)
    .values({ ...login, name: input.name, passwordHash: await hashPassword(input.password), role: 'donor' })
    // Two sign-ups for one e-mail or phone at once: the second finds it taken, as if it had come later.
    .onConflictDoNothing()
    .returning({ id: users.id });
  if (!user) throw new AppError('conflict', 'account exists', { login: 'login_taken' });
  return user;
}

async function findByLogin(db: Db, login: { email?: string; phone?: string }) {
  const [user] = await db
    .select()
    .from(users)
    .where(or(login.email ? eq(users.email, login.email) : undefined, login.phone ? eq(users.phone, login.phone) : undefined));
  return user;
}

// Per account: 5 wrong passwords in 15 minutes; per address: 20. Counted in PostgreSQL for all instances.
export const signInLimits = {
  account: { max: 5, windowSeconds: 15 * 60 },
  ip: { max: 20, windowSeconds: 15 * 60 },
};

export type SignInResult =
  | { ok: true; user: { id: string; name: string; role: Role } }
  | { ok: false; reason: 'invalid' | 'throttled' | 'disabled' };

export async function checkCredentials(db: Db, identifier: string, password: string, ip: string): Promise<SignInResult> {
  const login = parseLogin(identifier);
  // Keyed by a keyed hash, as the intake's phone counter is: what was typed (an e-mail, a phone, at times a password in
  // the wrong field) is not kept in the counters' table.
  const accountKey = `signin:account:${lookupHash(`login:${(login?.email ?? login?.phone ?? identifier.trim()).toLowerCase()}`)}`;
  const ipKey = `signin:ip:${ip}`;
  // Counted before the (slow) password check, atomically, so parallel guesses cannot all slip under the
  // limit; a successful sign-in gives its attempt back.
  const [accountOk, ipOk] = await Promise.all([
    takeRateLimit(db, accountKey, signInLimits.account),
    takeRateLimit(db, ipKey, signInLimits.ip),
  ]);
  if (!accountOk || !ipOk) return { ok: false, reason: 'throttled' };

  const user = login ? await findByLogin(db, login) : undefined;
  const valid = user ? await verifyPassword(user.passwordHash, password) : false;
  if (!user || !valid) return { ok: false, reason: 'invalid' };
  if (user.disabledAt) return { ok: false, reason: 'disabled' };
  await Promise.all([releaseRateLimit(db, accountKey, signInLimits.account), releaseRateLimit(db, ipKey, signInLimits.ip)]);
  return { ok: true, user: { id: user.id, name: user.name, role: user.role } };
}

const areaIdsSchema = z.array(z.enum(jiangbeiAreas.map((a) => a.id) as [string, ...string[]])).default([]);

export const staffSchema = z.object({
  name: z.string().trim().min(1, 'required').max(50, 'too_long'),
  login: z
    .string()
    .trim()
    .min(1, 'required')
    .refine((v) => parseLogin(v) !== null, 'login_invalid'),
  password: passwordSchema,
  role: z.enum(['social_worker', 'admin'], { message: 'required' }),
  areaIds: areaIdsSchema,
}).refine((v) => v.role !== 'social_worker' || v.areaIds.length > 0, { path: ['areaIds'], message: 'areas_required' }); // else an empty queue

/** Only an admin creates staff accounts. */
export async function createStaffAccount(db: Db, actor: Actor, input: z.infer<typeof staffSchema>) {
  const admin = await authorize(db, actor, 'staff:manage');
  const login = parseLogin(input.login)!;
  if (await findByLogin(db, login)) throw new AppError('conflict', 'account exists', { login: 'login_taken' });
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ ...login, name: input.name, passwordHash, role: input.role })
      .returning({ id: users.id });
    if (input.areaIds.length) await tx.insert(userAreas).values(input.areaIds.map((areaId) => ({ userId: user.id, areaId })));
    await tx.insert(auditLog).values({ actorId: admin.id, action: 'staff.create', targetType: 'user', targetId: user.id, details: { role: input.role } });
    return user;
  });
}

export async function setUserRole(db: Db, actor: Actor, userId: string, role: Role) {
  const admin = await authorize(db, actor, 'staff:manage');
  assertId(userId);
  if (!roles.includes(role)) throw new AppError('invalid_input');
  if (userId === admin.id) throw new AppError('forbidden', 'admins cannot change their own role');
  await db.transaction(async (tx) => {
    const updated = await tx.update(users).set({ role }).where(eq(users.id, userId)).returning({ id: users.id });
    if (!updated.length) throw new AppError('not_found');
    await tx.insert(auditLog).values({ actorId: admin.id, action: 'user.role', targetType: 'user', targetId: userId, details: { role } });
  });
}

export async function setUserDisabled(db: Db, actor: Actor, userId: string, disabled: boolean) {
  const admin = await authorize(db, actor, 'staff:manage');
  assertId(userId);
  if (userId === admin.id) throw new AppError('forbidden', 'admins cannot disable themselves');
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(users)
      .set({ disabledAt: disabled ? new Date() : null })
      .where(eq(users.id, userId))
      .returning({ id: users.id });
    if (!updated.length) throw new AppError('not_found');
    await tx.insert(auditLog).values({ actorId: admin.id, action: disabled ? 'user.disable' : 'user.enable', targetType: 'user', targetId: userId });
  });
}

/** A social worker's sub-districts, changed by an administrator: at least one (else an empty queue), recorded. */
export async function setUserAreas(db: Db, actor: Actor, userId: string, areaIds: string[]) {
  const admin = await authorize(db, actor, 'staff:manage');
  assertId(userId);
  const parsed = areaIdsSchema.safeParse(areaIds);
  if (!parsed.success || parsed.data.length === 0) throw new AppError('invalid_input', 'no sub-district', { areaIds: 'areas_required' });
  await db.transaction(async (tx) => {
    const [user] = await tx.select({ role: users.role }).from(users).where(eq(users.id, userId)).for('update');
    if (!user) throw new AppError('not_found');
    if (user.role !== 'social_worker') throw new AppError('conflict', 'only social workers have sub-districts');
    await tx.delete(userAreas).where(eq(userAreas.userId, userId));
    await tx.insert(userAreas).values([...new Set(parsed.data)].map((areaId) => ({ userId, areaId })));
    await tx.insert(auditLog).values({ actorId: admin.id, action: 'user.areas', targetType: 'user', targetId: userId, details: { areaIds: parsed.data } });
  });
}

export async function listUsers(db: Db, actor: Actor) {
  await authorize(db, actor, 'staff:manage');
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      phone: users.phone,
      role: users.role,
      disabledAt: users.disabledAt,
      areaIds: sql<string[]>`coalesce((select array_agg(${userAreas.areaId} order by ${userAreas.areaId}) from ${userAreas} where ${userAreas.userId} = ${users.id}), '{}')`,
    })
    .from(users)
    .orderBy(users.role, users.createdAt);
}
