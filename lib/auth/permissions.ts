/** Who may do what. Every lib/ function that touches protected data checks one of these. */
export const roles = ['donor', 'social_worker', 'admin'] as const;
export type Role = (typeof roles)[number];

export const permissionTable = {
  'case:read': ['social_worker', 'admin'],
  'case:read_pii': ['social_worker', 'admin'],
  'case:act': ['social_worker', 'admin'],
  'case:assign_others': ['admin'],
  'case:see_all_areas': ['admin'],
  'case:purge_pii': ['admin'],
  'pii_log:read': ['admin'],
  'staff:manage': ['admin'],
  'project:edit': ['admin'],
  'donation:read_all': ['admin'],
  'donation:refund': ['admin'],
  'receipt:issue': ['admin'],
  'disbursement:request': ['social_worker', 'admin'],
  'disbursement:decide': ['admin'],
  'evidence:read': ['social_worker', 'admin'],
  'ledger:allocate': ['admin'],
  'report:publish': ['admin'],
  'calendar:manage': ['admin'],
  'own_giving:read': ['donor', 'social_worker', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissionTable;

export function can(role: Role, permission: Permission): boolean {
  return (permissionTable[permission] as readonly Role[]).includes(role);
}

/** Where each role lands after signing in. */
export const homeFor: Record<Role, string> = {
  donor: '/me',
  social_worker: '/workspace',
  admin: '/admin',
};
