// Who may do what with a quality assurance audit (issue 16): a safeguarding lead starts one and works
// through its cases; the safeguarding leads and managers of the organisation whose cases it audits
// read it and its report. Nobody from another organisation, no practitioner, no administrator. Pure.
import { OVERSIGHT_ROLES } from '../access/case-access.ts';
import type { Role } from '../shared/roles.ts';

export interface AuditReader {
  role: Role;
  organisationId: string;
}

export function mayStartAudit(reader: AuditReader): boolean {
  return reader.role === 'safeguarding-lead';
}

export function mayReadAudit(reader: AuditReader, audit: { organisationId: string }): boolean {
  return OVERSIGHT_ROLES.includes(reader.role) && reader.organisationId === audit.organisationId;
}

export function mayAnswerAudit(reader: AuditReader, audit: { organisationId: string }): boolean {
  return mayStartAudit(reader) && reader.organisationId === audit.organisationId;
}
