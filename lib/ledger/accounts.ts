/** Stable account codes; project accounts carry the project's id. */
export const accountCodes = {
  clearing: 'clearing',
  generalFund: 'general_fund',
  refunds: 'refunds',
  processorFees: 'processor_fees',
  projectFund: (projectId: string) => `project_fund:${projectId}`,
  paymentsOut: (projectId: string) => `payments_out:${projectId}`,
};

export type AccountKind = 'clearing' | 'general_fund' | 'project_fund' | 'payments_out' | 'refunds' | 'processor_fees';

export function kindOfCode(code: string): { kind: AccountKind; projectId: string | null } {
  const [kind, projectId] = code.split(':');
  return { kind: kind as AccountKind, projectId: projectId ?? null };
}

/** The fund a donation credits: its project's restricted fund, or the general fund. */
export function fundFor(projectId: string | null): string {
  return projectId ? accountCodes.projectFund(projectId) : accountCodes.generalFund;
}
