// One supervision of a case (issue 16), with what the profile shows changed between the supervision
// before it and this one (both kept the profile's version when recorded). Read only by the
// practitioner, the supervisor and a safeguarding lead who may open the case
// (domain/supervision/supervision-access.ts): the rest of the team is refused. The look, a refusal
// and a missing case or supervision are each one audit entry (supervision.view).
import { infantDisplayName } from '../../domain/people/infant-name.ts';
import { isParty, mayOpenSupervisionPage, mayReadSupervision } from '../../domain/supervision/supervision-access.ts';
import { changesSinceLast, type ChangesSinceLast } from '../../domain/supervision/supervision-changes.ts';
import type { RecordedSupervision } from '../../domain/supervision/supervision.types.ts';
import type { UserActor } from '../actor.ts';
import { recordAuditAlone } from '../audit.ts';
import { loadCaseAccess } from '../cases/case-access.ts';
import type { AppContext } from '../context.ts';
import { readSubjectNames } from '../profile/view-profile-history.ts';
import { readSupervisions, readVersionsBetween } from './supervision-rows.ts';

export interface SupervisionView {
  caseId: string;
  babyName: string;
  supervision: RecordedSupervision;
  /** The day of the supervision before it, if any. */
  previousHeldOn: string | null;
  changes: ChangesSinceLast;
  subjectNames: Map<string, string>;
}

export type ViewSupervisionResult = { ok: true; value: SupervisionView } | { ok: false; code: 'not-found' | 'forbidden'; message: string };

const NOT_FOUND = { ok: false, code: 'not-found', message: 'There is no supervision at this address.' } as const;
const FORBIDDEN = { ok: false, code: 'forbidden', message: 'Supervision notes are for the practitioner, the supervisor and safeguarding leads only.' } as const;

export async function viewSupervision(ctx: AppContext, actor: UserActor, caseId: string, supervisionId: string): Promise<ViewSupervisionResult> {
  const now = ctx.clock.now();
  const subject = { subjectType: 'supervision', subjectId: supervisionId };
  const theCase = await ctx.db.selectFrom('cases').select(['status', 'given_name', 'family_name']).where('id', '=', caseId).executeTakeFirst();
  if (!theCase) {
    await recordAuditAlone(ctx, actor, { action: 'supervision.view', outcome: 'failure', ...subject, details: { reason: 'not-found' } });
    return NOT_FOUND;
  }
  const [caseAccess, all] = await Promise.all([loadCaseAccess(ctx.db, actor, caseId, now), readSupervisions(ctx.db, caseId)]);
  const reader = { userId: actor.userId, role: actor.role, caseAccess };
  const index = all.findIndex((s) => s.id === supervisionId);
  const supervision = all[index];
  // Whether it exists is told only to someone who may open the case's supervision page.
  if (!supervision && mayOpenSupervisionPage(reader, all)) {
    await recordAuditAlone(ctx, actor, { action: 'supervision.view', outcome: 'failure', caseId, ...subject, details: { reason: 'not-found' } });
    return NOT_FOUND;
  }
  if (!supervision || !mayReadSupervision(reader, supervision)) {
    await recordAuditAlone(ctx, actor, { action: 'supervision.view', outcome: 'denied', caseId, ...subject });
    return FORBIDDEN;
  }
  const babyName = infantDisplayName({ status: theCase.status, givenName: theCase.given_name, familyName: theCase.family_name });
  // The latest first: the one before it is the next in the list.
  const previous = all[index + 1] ?? null;
  const [versions, subjectNames] = await Promise.all([readVersionsBetween(ctx.db, caseId, previous?.profileVersion ?? null, supervision.profileVersion), readSubjectNames(ctx.db, caseId, babyName)]);
  await recordAuditAlone(ctx, actor, {
    action: 'supervision.view',
    caseId,
    ...subject,
    details: { basis: caseAccess.allowed ? caseAccess.basis : 'named-supervisor', party: isParty(reader, supervision) },
  });
  return {
    ok: true,
    value: { caseId, babyName, supervision, previousHeldOn: previous?.heldOn ?? null, changes: changesSinceLast(versions, previous?.profileVersion ?? null, supervision.profileVersion), subjectNames },
  };
}
