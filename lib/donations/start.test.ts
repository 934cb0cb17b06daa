import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, donations, recurringPlans } from '@/db/schema';
import { uniqueSuffix, useTestDb } from '@/db/test-db';
import { createDemoProvider } from '@/lib/payments/demo/provider';
import { decryptJson } from '@/lib/privacy/crypto';
import { donationFormSchema } from './input';
import { fulfilDonation } from './fulfil';
import { listOwnPlans } from './plans';
import { listReceiptRequests, recordReceiptNumber } from './receipts';
import { startDonation } from './start';
import { newProject, newUser } from './testing/fixtures';

const db = useTestDb();
const limits = { minFen: 100, maxFen: 5_000_000 };
const deps = { provider: createDemoProvider(), baseUrl: 'http://localhost:3000' };

function form(over: Record<string, string>) {
  return { intent: randomUUID(), project: 'general', frequency: 'once', preset: '100', customAmount: '', ...over };
}
const rowsNamed = async (name: string) =>
  (await db.select({ n: sql<number>`count(*)::int` }).from(donations).where(eq(donations.displayName, name)))[0].n;

describe('starting a donation', () => {
  it('refuses bad amounts with a reason for each, and writes no row', async () => {
    const name = `bad-${uniqueSuffix()}`;
    const schema = donationFormSchema(limits);
    const reasons = ['0', '-5', '50001', 'abc', ''].map((customAmount) => {
      const parsed = schema.safeParse(form({ preset: 'custom', customAmount, displayName: name }));
      return parsed.success ? 'accepted' : parsed.error.issues.find((i) => i.path[0] === 'amount')?.message;
    });
    expect(reasons).toEqual(['amount_too_small', 'amount_too_small', 'amount_too_large', 'amount_invalid', 'amount_required']);
    expect(await rowsNamed(name)).toBe(0);
  });

  it('refuses an unknown or closed project before writing anything', async () => {
    const name = `nowhere-${uniqueSuffix()}`;
    const input = donationFormSchema(limits).parse(form({ project: `no-such-${uniqueSuffix()}`, displayName: name }));
    await expect(startDonation(db, null, input, deps)).rejects.toMatchObject({ code: 'invalid_input', fields: { project: 'project_unknown' } });
    const paused = await newProject(db, 'paused');
    const closed = donationFormSchema(limits).parse(form({ project: paused.slug, displayName: name }));
    await expect(startDonation(db, null, closed, deps)).rejects.toMatchObject({ fields: { project: 'project_closed' } });
    expect(await rowsNamed(name)).toBe(0);
  });

  it('makes one pending donation per form, however often it is submitted', async () => {
    const project = await newProject(db);
    const input = donationFormSchema(limits).parse(form({ project: project.slug, preset: '50' }));
    const first = await startDonation(db, null, input, deps);
    const again = await startDonation(db, null, input, deps);
    expect(again.donationId).toBe(first.donationId);
    const [row] = await db.select().from(donations).where(eq(donations.id, first.donationId!));
    expect(row).toMatchObject({ status: 'pending', amountFen: 5000, projectId: project.id, provider: 'demo' });
    expect(first.redirectUrl).toMatch(/^\/donate\/demo\/demo_cs_/);
  });

  it('keeps the receipt identity and contact only encrypted', async () => {
    const input = donationFormSchema(limits).parse(
      form({ receipt: 'on', legalName: '王小明', idNumber: '11010519491231002X', contact: '13800000000', receiptConsent: 'on' }),
    );
    const { donationId } = await startDonation(db, null, input, deps);
    const [row] = await db.select().from(donations).where(eq(donations.id, donationId!));
    expect(row.receiptRequested).toBe(true);
    expect(JSON.stringify(row)).not.toContain('11010519491231002X');
    expect(JSON.stringify(row)).not.toContain('13800000000');
    expect(decryptJson(row.receiptCiphertext!)).toEqual({ legalName: '王小明', idNumber: '11010519491231002X' });
  });

  it('shows the receipt identity in full to an administrator issuing it, masked once issued, each reading logged', async () => {
    const [admin, donor] = [await newUser(db, 'admin'), await newUser(db)];
    const input = donationFormSchema(limits).parse(
      form({ receipt: 'on', legalName: '李四', idNumber: '11010519491231002X', contact: '13800000001', receiptConsent: 'on' }),
    );
    const { donationId } = await startDonation(db, null, input, deps);
    await fulfilDonation(db, donationId!, {});
    await expect(listReceiptRequests(db, { userId: donor.id }, 'open')).rejects.toMatchObject({ code: 'forbidden' });
    const open = (await listReceiptRequests(db, { userId: admin.id }, 'open')).find((r) => r.id === donationId);
    expect(open?.receipt).toEqual({ legalName: '李四', idNumber: '11010519491231002X' });
    const number = `R-${uniqueSuffix()}`;
    await expect(recordReceiptNumber(db, { userId: donor.id }, { donationId: donationId!, receiptNumber: 'R-X' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(recordReceiptNumber(db, null, { donationId: donationId!, receiptNumber: 'R-X' })).rejects.toMatchObject({ code: 'unauthenticated' });
    // Two administrators recording at once: one number stands, the other is told, one audit line.
    const both = await Promise.allSettled([number, `${number}-B`].map((receiptNumber) => recordReceiptNumber(db, { userId: admin.id }, { donationId: donationId!, receiptNumber })));
    expect(both.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason)).toMatchObject([{ code: 'conflict', fields: { receiptNumber: 'receipt_already_issued' } }]);
    const [{ receiptNumber }] = await db.select({ receiptNumber: donations.receiptNumber }).from(donations).where(eq(donations.id, donationId!));
    expect([number, `${number}-B`]).toContain(receiptNumber);
    expect(await db.select().from(auditLog).where(and(eq(auditLog.targetId, donationId!), eq(auditLog.action, 'receipt:issue')))).toHaveLength(1);
    const issued = (await listReceiptRequests(db, { userId: admin.id }, 'issued')).find((r) => r.id === donationId);
    expect(issued?.receipt).toEqual({ legalName: '李四', idNumber: '1101**********002X' });
    const reads = await db.select().from(auditLog).where(and(eq(auditLog.targetId, donationId!), eq(auditLog.action, 'receipt_pii:read')));
    expect(reads).toHaveLength(2);
  });

  it('asks for the receipt fields, a valid ID and consent when a receipt is wanted', () => {
    const parsed = donationFormSchema(limits).safeParse(form({ receipt: 'on', idNumber: '110105194912310021' }));
    expect(parsed.success).toBe(false);
    const fields = Object.fromEntries(parsed.error!.issues.map((i) => [i.path[0], i.message]));
    expect(fields).toMatchObject({ legalName: 'required', idNumber: 'id_invalid', contact: 'contact_for_receipt', receiptConsent: 'consent_required' });
  });

  it('monthly giving needs a signed-in donor, and then makes a pending plan', async () => {
    const input = donationFormSchema(limits).parse(form({ frequency: 'monthly', preset: '20' }));
    await expect(startDonation(db, null, input, deps)).rejects.toMatchObject({ fields: { frequency: 'monthly_needs_account' } });
    const donor = await newUser(db);
    const { planId } = await startDonation(db, { userId: donor.id }, input, deps);
    const [plan] = await db.select().from(recurringPlans).where(eq(recurringPlans.id, planId!));
    // No name was submitted, so none is shown: the account's name is not filled in behind the donor's back.
    expect(plan).toMatchObject({ status: 'pending', amountFen: 2000, donorId: donor.id, displayName: null });
    // Each donor sees their own plans and nobody else's.
    expect((await listOwnPlans(db, { userId: donor.id })).map((p) => p.id)).toEqual([planId]);
    const other = await newUser(db);
    expect((await listOwnPlans(db, { userId: other.id })).map((p) => p.id)).not.toContain(planId);
  });

  it('a resubmitted form keeps one donation but takes its new choices', async () => {
    const donor = await newUser(db);
    const intent = randomUUID();
    const first = donationFormSchema(limits).parse(form({ intent, displayName: '张三', message: '加油', contact: '13800000000' }));
    const { donationId } = await startDonation(db, { userId: donor.id }, first, deps);
    const second = donationFormSchema(limits).parse(
      form({ intent, anonymous: 'on', receipt: 'on', legalName: '张三', idNumber: '11010519491231002X', contact: '13900000000', receiptConsent: 'on' }),
    );
    expect((await startDonation(db, { userId: donor.id }, second, deps)).donationId).toBe(donationId);
    const [row] = await db.select().from(donations).where(eq(donations.id, donationId!));
    expect(row).toMatchObject({ displayName: null, anonymous: true, message: null, receiptRequested: true });
    expect(decryptJson(row.contactCiphertext!)).toEqual({ contact: '13900000000' });

    const plan = donationFormSchema(limits).parse(form({ intent: randomUUID(), frequency: 'monthly', preset: '20', displayName: '月捐人' }));
    const { planId } = await startDonation(db, { userId: donor.id }, plan, deps);
    await startDonation(db, { userId: donor.id }, { ...plan, displayName: null, anonymous: true }, deps);
    const [p] = await db.select().from(recurringPlans).where(eq(recurringPlans.id, planId!));
    expect(p).toMatchObject({ displayName: null, anonymous: true });
  });
});
