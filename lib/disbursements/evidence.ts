/** Receipts, invoices and sign-offs: jpg, png or pdf, recognised by their first bytes, at most 5 MB, 5 to a payment. */
export const maxEvidenceBytes = 5 * 1024 * 1024;
export const maxEvidenceFiles = 5; // with the form, within next.config.js's limit on what an action is sent

const signatures: { mime: 'image/jpeg' | 'image/png' | 'application/pdf'; bytes: number[] }[] = [
  { mime: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { mime: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mime: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
];

export type EvidenceCheck = { ok: true; mime: (typeof signatures)[number]['mime'] } | { ok: false; error: 'evidence_type' | 'evidence_size' | 'evidence_empty' };

/** The declared type and the file name are ignored: only the content decides. */
export function checkEvidence(content: Uint8Array): EvidenceCheck {
  if (content.length === 0) return { ok: false, error: 'evidence_empty' };
  if (content.length > maxEvidenceBytes) return { ok: false, error: 'evidence_size' };
  const match = signatures.find((s) => s.bytes.every((b, i) => content[i] === b));
  return match ? { ok: true, mime: match.mime } : { ok: false, error: 'evidence_type' };
}

/** A payment's n-th piece of evidence, named by its place and type only (evidence-1.png). */
export function evidenceFileName(n: number, mime: string): string {
  const ext = mime === 'application/pdf' ? 'pdf' : mime === 'image/png' ? 'png' : 'jpg';
  return `evidence-${n}.${ext}`;
}
