import { describe, expect, it } from 'vitest';
import { can, permissionTable, roles } from './permissions';

describe('the role → permission table', () => {
  it('keeps donors out of cases, personal data and money movements', () => {
    for (const p of ['case:read', 'case:read_pii', 'case:act', 'disbursement:request', 'disbursement:decide', 'donation:refund'] as const) {
      expect(can('donor', p)).toBe(false);
    }
    expect(can('donor', 'own_giving:read')).toBe(true);
  });

  it('lets social workers run cases but not approve payments or manage staff', () => {
    expect(can('social_worker', 'case:act')).toBe(true);
    expect(can('social_worker', 'case:read_pii')).toBe(true);
    expect(can('social_worker', 'disbursement:request')).toBe(true);
    expect(can('social_worker', 'disbursement:decide')).toBe(false);
    expect(can('social_worker', 'staff:manage')).toBe(false);
    expect(can('social_worker', 'case:purge_pii')).toBe(false);
  });

  it('gives administrators every permission', () => {
    for (const p of Object.keys(permissionTable) as (keyof typeof permissionTable)[]) expect(can('admin', p)).toBe(true);
  });

  it('names only known roles', () => {
    for (const allowed of Object.values(permissionTable)) for (const r of allowed) expect(roles).toContain(r);
  });
});
