import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type Stripe from 'stripe';
import type { Db } from '@/db/client';
import { donations } from '@/db/schema';
import { authorize } from '@/lib/auth/actor';
import { donationFiltersSchema, listDonationsForAdmin } from '@/lib/donations/admin-list';
import { unspentByDonation } from '@/lib/donations/admin-refund';
import { applyPaymentEvent } from '@/lib/donations/apply-event';
import { listOwnDonations } from '@/lib/donations/donor-views';
import { listOwnPlans } from '@/lib/donations/plans';
import { listReceiptRequests } from '@/lib/donations/receipts';
import { checkOnVisit } from '@/lib/ledger/checks';
import { traceDonations } from '@/lib/ledger/trace';
import { suggestForNeed } from '@/lib/matching/load';
import { listAssignableStaff } from '@/lib/needs/case-actions';
import { getCase } from '@/lib/needs/case-read';
import { submitNeed } from '@/lib/needs/intake';
import { needIntakeSchema } from '@/lib/needs/intake-schema';
import type { NeedPii } from '@/lib/needs/pii';
import { listQueue, queueFilterSchema } from '@/lib/needs/queue';
import { trackNeed } from '@/lib/needs/tracking';
import { paidSession, signedEvent } from '@/lib/payments/stripe/testing/events';
import { translateStripeEvent } from '@/lib/payments/stripe/translate';
import { decryptJson } from '@/lib/privacy/crypto';
import { getProjectDetail } from '@/lib/projects/detail';
import { listProjectCards, listProjectNames } from '@/lib/projects/queries';
import { getHeadlineFigures } from '@/lib/reports/figures';
import { getBusiestProjects, getHeadline, getMonthly, getNeedsByArea, getSpendingByCategory, listPublicPayments } from '@/lib/reports/transparency';

/** What a route's request does to the database, as the lib/ calls its page (or action, or route handler) makes. */
export type RequestPath = {
  /** The benchmarked route (as labelled in the results table), or what else runs on every request. */
  route: string;
  note?: string;
  /** Rows the request needs that must not outlive the bench (made in the same rolled-back transaction, not explained). */
  setup?: (db: Db) => Promise<void>;
  calls: (db: Db) => Promise<unknown>;
};

export type Ids = { workerId: string; donorId: string; adminId: string; caseId: string; projectSlug: string };

/** A real need and the last four digits of its phone, for the resident's tracking look-up. */
async function someTrackingProof(db: Db) {
  const [row] = await db.execute<{ code: string; pii: string }>(sql`select code, pii_ciphertext as pii from needs where pii_ciphertext is not null order by submitted_at desc limit 1`);
  return { code: row.code, last4: decryptJson<NeedPii>(row.pii).phone.slice(-4) };
}

/**
 * Read from the page files under app/[locale]/: each entry makes the calls its page makes, in the same order
 * (requirePermission → authorize first on signed-in pages). Public pages are cached, so their queries run on a
 * re-render, not per request; the page cache's own read of cache_invalidations runs at most once a second.
 * `lookup` finds the inputs (a tracking code, the newest invalidation) outside the captured transaction.
 */
export function requestPaths(ids: Ids, lookup: Db): RequestPath[] {
  const worker = { userId: ids.workerId };
  const donor = { userId: ids.donorId };
  const admin = { userId: ids.adminId };
  const donationId = randomUUID();
  return [
    {
      route: 'page cache refresh',
      note: 'lib/cache/page-cache.js, before answering any page, at most once a second',
      calls: async (tx) => {
        const [{ id }] = await lookup.execute<{ id: string }>(sql`select coalesce(max(id), 0)::text as id from cache_invalidations`);
        await tx.execute(sql`select id::text as id, tag from cache_invalidations where id > ${Number(id)} order by id`);
      },
    },
    { route: '/', calls: async (tx) => [await getHeadlineFigures(tx), await listProjectCards(tx)] },
    { route: '/projects', calls: (tx) => listProjectCards(tx) },
    // generateMetadata and the page each load the project.
    { route: `/projects/${ids.projectSlug}`, calls: async (tx) => [await getProjectDetail(tx, ids.projectSlug), await getProjectDetail(tx, ids.projectSlug)] },
    {
      route: '/transparency',
      calls: async (tx) => [await getHeadline(tx), await getMonthly(tx), await getBusiestProjects(tx, 12), await getSpendingByCategory(tx)],
    },
    { route: '/transparency/payments', calls: (tx) => listPublicPayments(tx, 30) },
    { route: '/transparency/areas', calls: (tx) => getNeedsByArea(tx) },
    // The page itself reads nothing; the look-up is its server action (code + last four digits).
    { route: '/track', note: 'its look-up action (code + last four digits); the page itself reads nothing', calls: async (tx) => trackNeed(tx, await someTrackingProof(lookup), '203.0.113.7') },
    {
      route: '/workspace',
      calls: async (tx) => {
        await authorize(tx, worker, 'case:read');
        return [await listQueue(tx, worker, queueFilterSchema.parse({}))];
      },
    },
    {
      route: '/workspace/cases/[id]',
      note: `case ${ids.caseId}`,
      calls: async (tx) => {
        await authorize(tx, worker, 'case:read_pii');
        const view = await getCase(tx, worker, ids.caseId);
        return [await listAssignableStaff(tx, worker), view.actions.includes('match') ? await suggestForNeed(tx, worker, ids.caseId) : null];
      },
    },
    {
      route: '/me',
      calls: async (tx) => {
        await authorize(tx, donor, 'own_giving:read');
        const gifts = await listOwnDonations(tx, donor);
        await listOwnPlans(tx, donor);
        // The traces of the certified gifts on the page, together.
        await traceDonations(tx, gifts.filter((d) => d.certificateNo).map((d) => d.id));
      },
    },
    // Not loaded by the bench, but on a request path at this scale all the same.
    { route: '/donate', note: 'the projects to choose from (the page is per visitor: its own payment intent)', calls: (tx) => listProjectNames(tx) },
    { route: '/transparency/verify', note: 'the latest checks; a visit checks up to 1,000 new entries', calls: (tx) => checkOnVisit(tx) },
    {
      route: '/admin/donations',
      calls: async (tx) => {
        await authorize(tx, admin, 'donation:read_all');
        const list = await listDonationsForAdmin(tx, admin, donationFiltersSchema.parse({}));
        return [await listProjectNames(tx), await unspentByDonation(tx, list.rows.map((d) => d.id))];
      },
    },
    {
      route: '/admin/receipts',
      calls: async (tx) => {
        await authorize(tx, admin, 'receipt:issue');
        return [await listReceiptRequests(tx, admin, 'open'), await listReceiptRequests(tx, admin, 'issued')];
      },
    },
    {
      route: 'POST /help',
      note: 'the need submission action (submitNeedAction)',
      calls: (tx) =>
        submitNeed(
          tx,
          needIntakeSchema.parse({ name: '王测试', phone: '13700001234', areaId: 'baisha', village: '压测村', relation: 'self', category: 'life', kind: 'material', householdSize: '2', description: '家中老人行动不便，需要一些日常生活用品。', consent: 'on' }),
          { ip: '203.0.113.8' },
        ),
    },
    {
      route: 'POST /api/stripe/webhook',
      note: 'a signed checkout.session.completed for a pending donation',
      setup: async (tx) => {
        const [project] = await tx.execute<{ id: string }>(sql`select id from projects where status = 'active' order by sort_order limit 1`);
        await tx.insert(donations).values({ id: donationId, projectId: project.id, amountFen: 10000, provider: 'stripe', providerSessionId: `cs_explain_${donationId}`, displayName: '压测捐赠人' });
      },
      calls: (tx) => {
        const event = JSON.parse(signedEvent('checkout.session.completed', paidSession(donationId, 10000, `pi_explain_${donationId}`), { secret: 'whsec_explain' }).payload) as Stripe.Event;
        return applyPaymentEvent(tx, 'stripe', event.id, event.type, translateStripeEvent(event));
      },
    },
  ];
}
