import { randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { paymentEvents } from '@/db/schema';
import { useTestDb } from '@/db/test-db';
import { applyInBatch } from './event-batches';
import { balanceOf, donationRow, entriesFor, fundOf, newPendingDonation, newProject } from './testing/fixtures';

const db = useTestDb();
const paidEvent = (donationId: string, amountFen: number) => ({
  eventId: `evt_${randomUUID()}`,
  type: 'checkout.session.completed',
  event: { kind: 'checkout_paid' as const, donationId, providerPaymentId: `pi_${randomUUID()}`, amountFen, paidAt: new Date() },
});

describe('events applied in batches', () => {
  it('applies deliveries arriving together in shared transactions, each event once', async () => {
    const project = await newProject(db);
    const gifts = await Promise.all(Array.from({ length: 30 }, (_, i) => newPendingDonation(db, { projectId: project.id, amountFen: 100 + i, provider: 'stripe' })));
    const events = gifts.map((g) => paidEvent(g.id, g.amountFen));
    // Every event delivered twice at the same moment, as a processor retrying may.
    const outcomes = await Promise.all([...events, ...events].map((e) => applyInBatch(db, 'stripe', e)));
    expect(outcomes.filter((o) => o === 'applied')).toHaveLength(30);
    expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(30);
    for (const g of gifts) expect(await entriesFor(db, g.id, 'donation')).toBe(1);
    expect(await balanceOf(db, fundOf(project.id))).toBe(gifts.reduce((s, g) => s + g.amountFen, 0));
    // now() is a transaction's start: events recorded in one transaction share it.
    const recorded = await db.select({ at: paymentEvents.receivedAt }).from(paymentEvents).where(inArray(paymentEvents.eventId, events.map((e) => e.eventId)));
    expect(recorded).toHaveLength(30);
    expect(new Set(recorded.map((r) => r.at.getTime())).size).toBeLessThan(30);
  });

  it('a faulty event fails alone: the others in its batch are applied, it is not recorded', async () => {
    const project = await newProject(db);
    const gifts = await Promise.all(Array.from({ length: 10 }, () => newPendingDonation(db, { projectId: project.id, amountFen: 500, provider: 'stripe' })));
    // A confirmation whose time cannot be read cannot be booked: it fails, in a batch and alone.
    const broken = await newPendingDonation(db, { projectId: project.id, amountFen: 500, provider: 'stripe' });
    const faulty = paidEvent(broken.id, 500);
    faulty.event.paidAt = new Date(Number.NaN);
    const results = await Promise.allSettled([...gifts.map((g) => paidEvent(g.id, 500)), faulty].map((e) => applyInBatch(db, 'stripe', e)));
    expect(results.slice(0, 10).every((r) => r.status === 'fulfilled' && r.value === 'applied')).toBe(true);
    expect(results[10].status).toBe('rejected');
    expect(await balanceOf(db, fundOf(project.id))).toBe(5000);
    expect(await db.select().from(paymentEvents).where(inArray(paymentEvents.eventId, [faulty.eventId]))).toHaveLength(0);
    expect((await donationRow(db, broken.id)).status).toBe('pending');
  });
});
