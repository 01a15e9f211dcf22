// Practitioner roles and what each may do beyond their own cases. Pure data and predicates.
export const ROLES = ['practitioner', 'safeguarding-lead', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  practitioner: 'Practitioner',
  'safeguarding-lead': 'Safeguarding lead',
  manager: 'Manager',
  admin: 'Administrator',
};

export type Permission = 'manage-accounts' | 'manage-settings' | 'read-audit-trail' | 'create-records';

const GRANTS: Record<Role, readonly Permission[]> = {
  practitioner: ['create-records'],
  'safeguarding-lead': ['create-records'],
  manager: ['create-records'],
  // Administrators manage accounts, the area's settings and the audit trail; they do not work on families' records.
  admin: ['manage-accounts', 'manage-settings', 'read-audit-trail'],
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function roleAllows(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}
