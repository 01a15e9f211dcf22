// Who may read a supervision (issue 16): narrower than the team. Its notes are the practitioner's
// and the supervisor's, and a safeguarding lead's who may open the case; the rest of the team, a
// manager who took no part and anyone under emergency access see none of them. Pure: the caller
// decides the case access (domain/access/case-access.ts) and passes it in.
import type { CaseAccess } from '../access/case-access.ts';
import type { Role } from '../shared/roles.ts';

export interface SupervisionReader {
  userId: string;
  role: Role;
  /** The reader's access to the case the supervision is about. */
  caseAccess: CaseAccess;
}

export interface SupervisionParties {
  practitionerId: string;
  supervisorId: string;
}

/** Access to the case that counts here: any but emergency access, which is for the baby's safety now. */
function mayOpenCase(access: CaseAccess): boolean {
  return access.allowed && access.basis !== 'break-glass';
}

export function isParty(reader: Pick<SupervisionReader, 'userId'>, supervision: SupervisionParties): boolean {
  return reader.userId === supervision.practitionerId || reader.userId === supervision.supervisorId;
}

/** The practitioner, the supervisor, and a safeguarding lead who may open the case. */
export function mayReadSupervision(reader: SupervisionReader, supervision: SupervisionParties): boolean {
  return isParty(reader, supervision) || (reader.role === 'safeguarding-lead' && mayOpenCase(reader.caseAccess));
}

/**
 * The case's supervision page (the list and the form to record one): anyone who may open and change
 * the case (the team and organisation oversight: each sees only what they may read), and a supervisor
 * named in one of its supervisions who is not in the team.
 */
export function mayOpenSupervisionPage(reader: SupervisionReader, supervisions: readonly SupervisionParties[]): boolean {
  return (reader.caseAccess.allowed && reader.caseAccess.canChange) || supervisions.some((s) => isParty(reader, s));
}
