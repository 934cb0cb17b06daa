import type { Db } from '@/db/client';
import type { SettledEvent } from '@/lib/payments/provider';
import { applyPaymentEvents, type EventOutcome } from './apply-event';

/** Enough to amortise a transaction and the ledger lock; small enough that the lock is not held for long. */
const maxBatch = 100;

type Waiting = { event: SettledEvent; done: (outcome: EventOutcome) => void; failed: (error: unknown) => void };
type Batcher = { waiting: Waiting[]; running: boolean };

const batchers = new WeakMap<Db, Map<string, Batcher>>();

/**
 * Applies a delivered event, a confirmed payment together with the others arriving at the same moment: one
 * transaction (and one turn of the ledger lock) for a batch instead of one each, the way a database commits a
 * group. The answer still comes only once the event is applied and committed — nothing is acknowledged that a
 * crash could lose — and a batch that fails is retried event by event, so only the faulty event fails (and the
 * processor delivers it again). Other instances batch their own deliveries; the event id's primary key keeps
 * every event applied once. The rarer kinds (refunds, monthly plans) lock other rows, and keep their own
 * transaction, so every transaction takes its row locks before the ledger's.
 */
export function applyInBatch(db: Db, provider: string, event: SettledEvent): Promise<EventOutcome> {
  if (event.event.kind !== 'checkout_paid') return applyPaymentEvents(db, provider, [event]).then(([outcome]) => outcome);
  let byProvider = batchers.get(db);
  if (!byProvider) batchers.set(db, (byProvider = new Map()));
  let batcher = byProvider.get(provider);
  if (!batcher) byProvider.set(provider, (batcher = { waiting: [], running: false }));
  const b = batcher;
  return new Promise((done, failed) => {
    b.waiting.push({ event, done, failed });
    if (!b.running) void drain(db, provider, b);
  });
}

async function drain(db: Db, provider: string, b: Batcher) {
  b.running = true;
  try {
    while (b.waiting.length > 0) {
      const batch = b.waiting.splice(0, maxBatch);
      try {
        const outcomes = await applyPaymentEvents(db, provider, batch.map((w) => w.event));
        batch.forEach((w, i) => w.done(outcomes[i]));
      } catch (error) {
        if (batch.length === 1) {
          batch[0].failed(error);
          continue;
        }
        console.error(`a batch of ${batch.length} ${provider} events failed; applying them one by one`, error);
        for (const w of batch) {
          await applyPaymentEvents(db, provider, [w.event]).then(([outcome]) => w.done(outcome), w.failed);
        }
      }
    }
  } finally {
    b.running = false;
  }
}
