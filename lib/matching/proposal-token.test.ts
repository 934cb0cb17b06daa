import { describe, expect, it } from 'vitest';
import { proposalLifetimeMs, readProposal, signProposal } from './proposal-token';

const secret = 'a-test-secret-that-is-long-enough-to-use';
const claim = { needId: '11111111-1111-4111-8111-111111111111', projectId: '22222222-2222-4222-8222-222222222222', kind: 'batch' as const };
const at = Date.UTC(2026, 10, 27, 2);

describe('proposal tokens', () => {
  it('round-trip for the person they were issued to', () => {
    expect(readProposal(signProposal(claim, 'worker-a', at, secret), 'worker-a', at + 1000, secret)).toEqual(claim);
  });

  it('are refused for another person, after they expire, with another secret, or when altered', () => {
    const token = signProposal(claim, 'worker-a', at, secret);
    expect(readProposal(token, 'worker-b', at, secret)).toBeNull();
    expect(readProposal(token, 'worker-a', at + proposalLifetimeMs + 1, secret)).toBeNull();
    expect(readProposal(token, 'worker-a', at, `${secret}x`)).toBeNull();
    const otherProject = token.replace(claim.projectId, '33333333-3333-4333-8333-333333333333');
    expect(readProposal(otherProject, 'worker-a', at, secret)).toBeNull();
    expect(readProposal(token.replace('.batch.', '.top.'), 'worker-a', at, secret)).toBeNull();
    expect(readProposal('not-a-token', 'worker-a', at, secret)).toBeNull();
  });
});
