// The start of every change to cases: the cases' rows locked by one statement, in id order (two
// changes over the same cases cannot deadlock), the caller's access to each decided from one more
// (the teams, with their addresses for alerts, and any emergency access), who records the change
// read with the lock, and a refusal returned for each case the caller may not
// change, with its audit event for the caller to append with the rest. What was read is handed on,
// so the rest of the change does not read the cases, the teams or the baby's name again. A case
// closed for transfer is refused too (domain/transfer/closed-for-transfer.ts), unless the change
// says it may still be made there.
import { jsonObjectFrom } from 'kysely/helpers/postgres';
import { decideCaseAccess, type AccessBasis } from '../../domain/access/case-access.ts';
import { infantDisplayName } from '../../domain/people/infant-name.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import { closedForTransferMessage, mayChangeCase, type ClosedForTransfer } from '../../domain/transfer/closed-for-transfer.ts';
import type { Tx } from '../../infrastructure/db/schema.ts';
import type { UserActor } from '../actor.ts';
import type { AuditEvent } from '../audit.ts';
import { recorderFor, type Recorder } from '../recorder.ts';
import { readAccessFacts, type AccessFacts } from './case-access.ts';

export interface TeamMemberForChange {
  userId: string;
  organisationId: string;
  role: 'lead-professional' | 'member';
  /** A switched-off account is still in the team but gets no alerts. */
  disabled: boolean;
  /** Where its alerts are sent. */
  email: string;
}

export interface CaseForChange {
  id: string;
  level: string;
  /** Why the caller may change it: the lead professional, a team member or oversight. */
  basis: AccessBasis;
  /** May see restricted details (an address kept from the rest of the team). */
  canSeeRestricted: boolean;
  profileVersion: number;
  reviewedAt: Date | null;
  babyName: string;
  /** Whether the birth is recorded, and the date of birth the record holds: a Birth entry must agree (chronology/entry-rules.ts). */
  status: 'unborn' | 'born';
  dateOfBirth: string | null;
  /** In the order they joined. */
  team: TeamMemberForChange[];
}

export interface CaseRefusal {
  code: 'not-found' | 'forbidden';
  message: string;
}

/** The case was closed for transfer (a conflict with the case's state, not with who is asking). */
export interface ClosedCaseRefusal {
  code: 'closed-for-transfer';
  message: string;
  closed: ClosedForTransfer;
}

export interface LockedCases {
  /** Who records the change. */
  recorder: Recorder;
  cases: Map<string, CaseForChange>;
  refused: Map<string, CaseRefusal | ClosedCaseRefusal>;
  /** The refusals' audit events (a case that does not exist is not audited as a case). */
  refusalAudit: AuditEvent[];
}

const NOT_FOUND: CaseRefusal = { code: 'not-found', message: 'There is no case with this id.' };
/** What a refused change was, in its refusal's words, by the action audited (docs/domain.md, Access). */
const REFUSED_CHANGE: Readonly<Record<string, string>> = {
  'chronology.record': 'add to the chronology',
  'case.level-change': 'change the level',
  'case.level-proposal': 'propose a level',
};

/** Outside the team, or access that stops short of a change (reading in an emergency). */
function forbidden(action: string): CaseRefusal {
  const what = REFUSED_CHANGE[action] ?? (action.startsWith('profile.') ? 'change the profile' : 'change this record');
  return { code: 'forbidden', message: `Only the team around the family can ${what}.` };
}

/**
 * `onClosedCase`: whether the change may still be made on a case closed for transfer (recording the
 * receipt, a legal hold); every other change is refused there. `readFacts`: how the access facts of the
 * cases found are read once they are locked, when the change reads more of its own by the same
 * statement (record-batch.ts: the entries' duplicates and the cases' people); by themselves otherwise.
 */
export async function lockCasesForChange(
  trx: Tx,
  actor: UserActor,
  caseIds: readonly string[],
  action: string,
  now: Date,
  onClosedCase: 'allowed' | 'refused' = 'refused',
  readFacts: (found: readonly string[], recorder: Recorder) => Promise<AccessFacts> = (found) => readAccessFacts(trx, found, actor.userId, now),
): Promise<LockedCases> {
  const ids = [...new Set(caseIds)].sort();
  if (ids.length === 0) return { recorder: await recorderFor(trx, actor), cases: new Map(), refused: new Map(), refusalAudit: [] };
  const rows = await trx
    .selectFrom('cases')
    // The closure is the row's own (migration 050): a row re-fetched after waiting for the lock is its
    // newest version, where a sub-select would see the database as it was before the wait.
    .select(['id', 'level', 'profile_version', 'profile_reviewed_at', 'status', 'given_name', 'family_name', 'date_of_birth', 'closed_for_transfer_to', 'closed_for_transfer_at'])
    .select((eb) => [
      // Who records the change, read once by the same statement (a subquery of no case: evaluated once).
      jsonObjectFrom(
        eb
          .selectFrom('users')
          .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
          .select(['users.name', 'organisations.id as organisationId', 'organisations.name as organisation', 'organisations.kind as organisationKind'])
          .where('users.id', '=', actor.userId),
      ).as('recorder'),
    ])
    .where('id', 'in', ids)
    .orderBy('id')
    .forUpdate()
    .execute();
  const found = rows.map((row) => row.id);
  const recorded = rows[0]?.recorder;
  const locked: LockedCases = { recorder: recorded ? { userId: actor.userId, ...recorded } : await recorderFor(trx, actor), cases: new Map(), refused: new Map(), refusalAudit: [] };
  const { team, breakGlass } = await readFacts(found, locked.recorder);
  for (const id of ids) if (!found.includes(id)) locked.refused.set(id, NOT_FOUND);
  for (const row of rows) {
    const members = team.filter((member) => member.caseId === row.id).map((m) => ({ userId: m.userId, organisationId: m.organisationId, role: m.role, disabled: m.disabledAt !== null, email: m.email }));
    const access = decideCaseAccess({
      requester: { userId: actor.userId, organisationId: actor.organisationId, role: actor.role },
      team: members,
      breakGlass: breakGlass.filter((grant) => grant.caseId === row.id),
      now,
    });
    if (!access.allowed || !access.canChange) {
      locked.refused.set(row.id, forbidden(action));
      locked.refusalAudit.push({ action, outcome: 'denied', caseId: row.id, subjectType: 'case', subjectId: row.id });
      continue;
    }
    const closed = row.closed_for_transfer_to && row.closed_for_transfer_at ? { toArea: row.closed_for_transfer_to, closedOn: serviceToday(new Date(row.closed_for_transfer_at)) } : null;
    if (closed && !mayChangeCase(closed, onClosedCase)) {
      locked.refused.set(row.id, { code: 'closed-for-transfer', message: closedForTransferMessage(closed), closed });
      locked.refusalAudit.push({ action, outcome: 'denied', caseId: row.id, subjectType: 'case', subjectId: row.id, details: { reason: 'closed-for-transfer' } });
      continue;
    }
    locked.cases.set(row.id, {
      id: row.id,
      level: row.level,
      basis: access.basis,
      canSeeRestricted: access.canSeeRestricted,
      profileVersion: row.profile_version,
      reviewedAt: row.profile_reviewed_at,
      babyName: infantDisplayName({ status: row.status, givenName: row.given_name, familyName: row.family_name }),
      status: row.status,
      dateOfBirth: row.date_of_birth,
      team: members,
    });
  }
  return locked;
}
