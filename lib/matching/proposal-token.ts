import { createHmac, timingSafeEqual } from 'node:crypto';
import { env } from '@/lib/env';

/**
 * A suggestion or proposal as the server made it, signed so that accepting it needs no reason while
 * choosing anything else does. It binds the need, the project and the person it was shown to, and lasts
 * a working day; eligibility is checked again, fresh, when it is accepted, so the token only vouches for
 * "the matcher proposed this", never for "this still fits".
 */
export const proposalLifetimeMs = 12 * 3_600_000;

export type ProposalKind = 'top' | 'batch';
export type ProposalClaim = { needId: string; projectId: string; kind: ProposalKind };

function signature(claim: ProposalClaim, actorId: string, issuedAt: number, secret: string): string {
  const payload = ['matching-proposal', actorId, claim.needId, claim.projectId, claim.kind, issuedAt].join('|');
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

/** `needId.projectId.kind.issuedAt.signature` — ids are UUIDs, so '.' never occurs in them. */
export function signProposal(claim: ProposalClaim, actorId: string, issuedAt = Date.now(), secret = env().AUTH_SECRET): string {
  const { needId, projectId, kind } = claim;
  return [needId, projectId, kind, issuedAt, signature(claim, actorId, issuedAt, secret)].join('.');
}

/** The claim, when the token is intact, was issued to this actor and has not expired; otherwise null. */
export function readProposal(token: string, actorId: string, now = Date.now(), secret = env().AUTH_SECRET): ProposalClaim | null {
  const parts = token.split('.');
  if (parts.length !== 5) return null;
  const [needId, projectId, kind, issued, sig] = parts;
  if (kind !== 'top' && kind !== 'batch') return null;
  const claim: ProposalClaim = { needId, projectId, kind };
  const issuedAt = Number(issued);
  if (!Number.isSafeInteger(issuedAt)) return null;
  if (issuedAt > now + 60_000 || now - issuedAt > proposalLifetimeMs) return null;
  const expected = Buffer.from(signature(claim, actorId, issuedAt, secret));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return claim;
}
