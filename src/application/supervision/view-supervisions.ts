// A case's supervision page (issue 16): the supervisions the caller may read (their own, as
// practitioner or supervisor; every one for a safeguarding lead), how many others there are, and
// for the form to record one, who may be named and what the profile shows changed since the case's
// last supervision. Who may open it: domain/supervision/supervision-access.ts (the team and
// organisation oversight, not emergency access; a supervisor named in one). The look, a refusal and
// a missing case are each one audit entry (supervision.list); opening the form without the right to
// change the case is refused under supervision.record.
import type { AccessBasis } from '../../domain/access/case-access.ts';
import { infantDisplayName } from '../../domain/people/infant-name.ts';
import { isRole, ROLE_LABELS } from '../../domain/shared/roles.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import { mayOpenSupervisionPage, mayReadSupervision } from '../../domain/supervision/supervision-access.ts';
import { changesSinceLast, type ChangesSinceLast } from '../../domain/supervision/supervision-changes.ts';
import type { RecordedSupervision } from '../../domain/supervision/supervision.types.ts';
import type { UserActor } from '../actor.ts';
import { recordAuditAlone } from '../audit.ts';
import { loadCaseAccess } from '../cases/case-access.ts';
import { refusedForIntent, type CaseIntent } from '../cases/case-intent.ts';
import type { AppContext } from '../context.ts';
import { readSubjectNames } from '../profile/view-profile-history.ts';
import { readSupervisions, readVersionsBetween } from './supervision-rows.ts';

export interface Choice {
  id: string;
  name: string;
  /** "Manager", "Safeguarding lead" or "Practitioner": the account's role. */
  role: string;
}

export interface SupervisionsView {
  caseId: string;
  babyName: string;
  /** The ones the caller may read, the latest held first. */
  supervisions: RecordedSupervision[];
  /** Supervisions of the case the caller may not read (other practitioners'). */
  notShown: number;
  basis: AccessBasis | null;
  canRecord: boolean;
  /** Team members in the caller's organisation: whoever records is one of the two, and both are in one organisation. */
  practitioners: Choice[];
  /** Accounts in the caller's organisation that may supervise. */
  supervisors: Choice[];
  /** The profile now against the case's last supervision. */
  changes: ChangesSinceLast;
  lastHeldOn: string | null;
  subjectNames: Map<string, string>;
  /** The service's day. */
  today: string;
}

export type ViewSupervisionsResult = { ok: true; value: SupervisionsView } | { ok: false; code: 'not-found' | 'forbidden'; message: string };

export async function viewSupervisions(ctx: AppContext, actor: UserActor, caseId: string, intent?: CaseIntent): Promise<ViewSupervisionsResult> {
  const now = ctx.clock.now();
  const theCase = await ctx.db.selectFrom('cases').select(['status', 'given_name', 'family_name', 'profile_version']).where('id', '=', caseId).executeTakeFirst();
  if (!theCase) {
    await recordAuditAlone(ctx, actor, { action: 'supervision.list', outcome: 'failure', subjectType: 'case', subjectId: caseId, details: { reason: 'not-found' } });
    return { ok: false, code: 'not-found', message: 'There is no case with this id.' };
  }
  const [caseAccess, all] = await Promise.all([loadCaseAccess(ctx.db, actor, caseId, now), readSupervisions(ctx.db, caseId)]);
  const reader = { userId: actor.userId, role: actor.role, caseAccess };
  if (!mayOpenSupervisionPage(reader, all)) {
    // Audited as what was refused: the form's recording when the caller came to record one.
    await recordAuditAlone(ctx, actor, { action: intent?.action ?? 'supervision.list', outcome: 'denied', caseId, subjectType: 'case', subjectId: caseId });
    return { ok: false, code: 'forbidden', message: 'Only the team around the baby, their managers and safeguarding leads can see its supervision.' };
  }
  if (await refusedForIntent(ctx, actor, caseId, caseAccess, intent)) return { ok: false, code: 'forbidden', message: 'Your access to this record does not allow this.' };
  const babyName = infantDisplayName({ status: theCase.status, givenName: theCase.given_name, familyName: theCase.family_name });
  const shown = all.filter((s) => mayReadSupervision(reader, s));
  const canRecord = caseAccess.allowed && caseAccess.canChange;
  const last = all[0] ?? null;
  const [choices, versions, subjectNames] = await Promise.all([
    canRecord ? readChoices(ctx, actor, caseId) : { practitioners: [], supervisors: [] },
    readVersionsBetween(ctx.db, caseId, last?.profileVersion ?? null, theCase.profile_version),
    readSubjectNames(ctx.db, caseId, babyName),
  ]);
  await recordAuditAlone(ctx, actor, { action: 'supervision.list', caseId, subjectType: 'case', subjectId: caseId, details: { basis: caseAccess.allowed ? caseAccess.basis : 'named-supervisor', shown: shown.length, notShown: all.length - shown.length } });
  return {
    ok: true,
    value: {
      caseId,
      babyName,
      supervisions: shown,
      notShown: all.length - shown.length,
      basis: caseAccess.allowed ? caseAccess.basis : null,
      canRecord,
      ...choices,
      changes: changesSinceLast(versions, last?.profileVersion ?? null, theCase.profile_version),
      lastHeldOn: last?.heldOn ?? null,
      subjectNames,
      today: serviceToday(now),
    },
  };
}

async function readChoices(ctx: AppContext, actor: UserActor, caseId: string): Promise<{ practitioners: Choice[]; supervisors: Choice[] }> {
  const [team, colleagues] = await Promise.all([
    ctx.db
      .selectFrom('case_team')
      .innerJoin('users', 'users.id', 'case_team.user_id')
      .select(['users.id', 'users.name', 'users.role'])
      .where('case_team.case_id', '=', caseId)
      .where('users.organisation_id', '=', actor.organisationId)
      .where('users.disabled_at', 'is', null)
      .orderBy('users.name')
      .execute(),
    ctx.db
      .selectFrom('users')
      .select(['id', 'name', 'role'])
      .where('organisation_id', '=', actor.organisationId)
      .where('role', '!=', 'admin')
      .where('disabled_at', 'is', null)
      .orderBy('name')
      .execute(),
  ]);
  const choice = (u: { id: string; name: string; role: string }): Choice => ({ id: u.id, name: u.name, role: isRole(u.role) ? ROLE_LABELS[u.role] : u.role });
  // Managers and safeguarding leads first: the usual supervisors; any colleague may be named.
  const rank = (role: string) => (role === 'practitioner' ? 1 : 0);
  return { practitioners: team.map(choice), supervisors: [...colleagues].sort((a, b) => rank(a.role) - rank(b.role)).map(choice) };
}
