// The data protection officer (issue 21; docs/adr/0012): an administrator grants the duty to an
// account beside its role, as the partnership view is granted (migration 031). The officer answers
// subject access requests for their organisation and, to find everything about a person, searches
// every case in the partnership, as the partnership view counts them. An administrator cannot hold
// it: they work on no family's record, and the one who grants it must not be able to give
// themselves every record.
import type { Role } from '../shared/roles.ts';

export function mayBeDataProtectionOfficer(role: Role): boolean {
  return role !== 'admin';
}
