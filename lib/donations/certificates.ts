import { timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { donations, projects } from '@/db/schema';
import { lookupHash } from '@/lib/privacy/crypto';
import { isSettled, type DonationStatus } from './status';

/** What a certificate (捐赠证明) shows: no more than the donor chose to make public. */
export type CertificateView = {
  /** Opaque; used only to show where the money went. */
  donationId: string;
  no: string;
  code: string;
  amountFen: number;
  refundedFen: number;
  status: 'paid' | 'partially_refunded' | 'refunded';
  paidAt: Date;
  projectNameZh: string | null;
  projectNameEn: string | null;
  /** The name the donor gave for public display, or null when they chose to stay anonymous (匿名). */
  donorName: string | null;
  anonymous: boolean;
  monthly: boolean;
};

/**
 * Certificate numbers run in sequence, so the number alone would let anyone walk through every gift. The
 * certificate also prints a verification code — a keyed hash of its number — and both are needed to look it up.
 */
export function certificateCode(no: string): string {
  return Buffer.from(lookupHash(`certificate:${no}`), 'base64url').toString('hex').slice(0, 10).toUpperCase();
}

export function certificatePath(no: string): string {
  return `/certificates/${encodeURIComponent(no)}?code=${certificateCode(no)}`;
}

export async function verifyCertificate(db: Db, no: string, code: string): Promise<CertificateView | null> {
  const expected = Buffer.from(certificateCode(no));
  const given = Buffer.from(code.trim().toUpperCase());
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return loadCertificate(db, eq(donations.certificateNo, no));
}

/** The certificate of a donation, for the thank-you page (which knows the donation's own id). */
export function certificateOfDonation(db: Db, donationId: string): Promise<CertificateView | null> {
  return loadCertificate(db, eq(donations.id, donationId));
}

async function loadCertificate(db: Db, where: ReturnType<typeof eq>): Promise<CertificateView | null> {
  const [row] = await db
    .select({
      id: donations.id,
      no: donations.certificateNo,
      amountFen: donations.amountFen,
      refundedFen: donations.refundedFen,
      status: donations.status,
      paidAt: donations.paidAt,
      displayName: donations.displayName,
      anonymous: donations.anonymous,
      planId: donations.planId,
      projectNameZh: projects.nameZh,
      projectNameEn: projects.nameEn,
    })
    .from(donations)
    .leftJoin(projects, eq(projects.id, donations.projectId))
    .where(where);
  if (!row?.no || !row.paidAt || !isSettled(row.status as DonationStatus)) return null;
  return {
    donationId: row.id,
    no: row.no,
    code: certificateCode(row.no),
    amountFen: row.amountFen,
    refundedFen: row.refundedFen,
    status: row.status as CertificateView['status'],
    paidAt: row.paidAt,
    projectNameZh: row.projectNameZh,
    projectNameEn: row.projectNameEn,
    donorName: row.anonymous ? null : row.displayName,
    anonymous: row.anonymous,
    monthly: row.planId !== null,
  };
}
