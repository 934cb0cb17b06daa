import { describe, expect, it } from 'vitest';
import { recurringPlans } from '@/db/schema';
import { useTestDb } from '@/db/test-db';
import { completeDemoCheckout } from './demo-checkout';
import { fulfilDonation } from './fulfil';
import { donationOutcome, planOutcome } from './outcome';
import { newPendingDonation, newProject, newUser } from './testing/fixtures';
import { thanksPath, thanksToken } from './thanks-link';

const db = useTestDb();

describe('the thank-you page', () => {
  it('shows the certificate only with the return address token or to the signed-in donor', async () => {
    const project = await newProject(db);
    const donor = await newUser(db);
    const d = await newPendingDonation(db, { projectId: project.id, donorId: donor.id });
    await fulfilDonation(db, d.id, { providerPaymentId: `demo_pi_${d.id}` });

    // Donation ids are public: the id alone (or a wrong, or someone else's, token) gives only the status.
    for (const viewer of [{}, { token: 'x' }, { token: thanksToken(project.id) }, { actor: { userId: (await newUser(db)).id } }]) {
      expect(await donationOutcome(db, d.id, viewer)).toMatchObject({ state: 'paid', certificate: null });
    }
    expect((await donationOutcome(db, d.id, { token: thanksToken(d.id) }))?.certificate?.no).toMatch(/^AZJB-/);
    expect((await donationOutcome(db, d.id, { actor: { userId: donor.id } }))?.certificate).not.toBeNull();
    expect(thanksPath('donation', d.id)).toBe(`/donate/thanks/${d.id}?t=${thanksToken(d.id)}`);
  });

  it('does the same for a monthly plan, whose demo checkout returns with the token', async () => {
    const donor = await newUser(db);
    const project = await newProject(db);
    const [plan] = await db
      .insert(recurringPlans)
      .values({ donorId: donor.id, projectId: project.id, amountFen: 2000, provider: 'demo', providerSessionId: `demo_cs_${crypto.randomUUID()}` })
      .returning();
    expect(await completeDemoCheckout(db, plan.providerSessionId!)).toBe(thanksPath('plan', plan.id));
    expect(await planOutcome(db, plan.id)).toMatchObject({ state: 'paid', certificate: null });
    expect((await planOutcome(db, plan.id, { token: thanksToken(plan.id) }))?.certificate?.no).toMatch(/^AZJB-/);
  });
});
