// Opening a case: the access check, the record itself (infant, people, relationships, team), and
// the audit entry saying who looked and on what basis. Restricted details are withheld here.
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { CaseAccess, TeamRole } from '../../domain/access/case-access.ts';
import type { YesNoNotKnown } from '../../domain/people/person-rules.ts';
import type { InfantStatus } from '../../domain/people/record-matching.ts';
import type { PersonRelationshipKind } from '../../domain/people/relationships.ts';
import type { UserActor } from '../actor.ts';
import { recordAuditAlone } from '../audit.ts';
import type { AppContext } from '../context.ts';
import { compiledOnce } from '../../infrastructure/db/compiled-once.ts';
import { infantDetailsOf, personDetailsOf } from '../people/person-details.ts';
import { fail, ok } from '../result.ts';
import { loadCaseAccess } from './case-access.ts';
import { shownRecordDetails, type ShownRecordDetails } from './case-details.ts';
import { refusedForIntent, refusedOutsideTeam, type CaseIntent } from './case-intent.ts';

export interface CaseRecord {
  id: string;
  version: number;
  status: InfantStatus;
  givenName: string | null;
  familyName: string | null;
  sex: string | null;
  nhsNumber: string | null;
  dateOfBirth: string | null;
  expectedDeliveryDate: string | null;
  gestationAtBirthWeeks: number | null;
  /** Days past the completed weeks (29+3: 3); null when only the weeks were recorded. */
  gestationAtBirthDays: number | null;
  birthWeightGrams: number | null;
  multipleBirth: boolean | null;
  independentlyMobile: boolean | null;
  level: string;
  /** The household's address (withheld when restricted: only its audited reveal shows it), GP practice, birth hospital, mother's NHS number. */
  details: ShownRecordDetails;
}

export interface CasePerson {
  id: string;
  version: number;
  givenName: string | null;
  familyName: string | null;
  dateOfBirth: string | null;
  nhsNumber: string | null;
  sex: string | null;
  relationshipToInfant: string;
  livesInHousehold: boolean;
  caresForInfant: boolean;
  visitsRegularly: boolean;
  /** "not-known" is an answer; null, never answered (person-rules.ts). */
  parentalResponsibility: YesNoNotKnown | null;
  paternityConfirmed: YesNoNotKnown | null;
  identityKnown: boolean;
  description: string | null;
  deceased: boolean;
  /** Null when there is none, or when it is restricted and the viewer may not see it. */
  address: string | null;
  addressRestricted: boolean;
  /** Checked with police, children's social care and health records. */
  historyChecked: boolean;
}

export interface CaseTeamMember {
  userId: string;
  name: string;
  email: string;
  organisationName: string;
  organisationKind: string;
  role: TeamRole;
}

export interface CaseRelationship {
  id: string;
  personId: string;
  otherPersonId: string;
  kind: PersonRelationshipKind;
}

export interface CaseView {
  access: Extract<CaseAccess, { allowed: true }>;
  record: CaseRecord;
  people: CasePerson[];
  relationships: CaseRelationship[];
  team: CaseTeamMember[];
  /** The profile's version as the record was read: what the kept profile is looked up by (profile-cache.ts). */
  profileVersion: number;
}

export type ViewCaseResult =
  | { ok: true; value: CaseView }
  | { ok: false; code: 'not-found'; message: string }
  | { ok: false; code: 'forbidden'; message: string };

/**
 * The case with its people, their relationships and the team, in one statement, each list built as
 * JSON by the database (issue 12: every statement costs the page a round trip). Read before the
 * access check decides, and dropped unread when it refuses.
 */
const caseWithPeople = compiledOnce((db, caseId: string) =>
  db
    .selectFrom('cases')
    .selectAll('cases')
    .select((eb) => [
      jsonArrayFrom(eb.selectFrom('people').selectAll().where('case_id', '=', caseId).orderBy('created_at').orderBy('id')).as('people'),
      jsonArrayFrom(eb.selectFrom('person_relationships').select(['id', 'person_id', 'other_person_id', 'kind']).where('case_id', '=', caseId).orderBy('created_at')).as('relationships'),
      jsonArrayFrom(
        eb
          .selectFrom('case_team')
          .innerJoin('users', 'users.id', 'case_team.user_id')
          .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
          .select(['users.id', 'users.name', 'users.email', 'organisations.name as organisation_name', 'organisations.kind as organisation_kind', 'case_team.role'])
          .where('case_team.case_id', '=', caseId)
          .orderBy('case_team.role')
          .orderBy('users.name'),
      ).as('team'),
    ])
    .where('cases.id', '=', caseId),
);

/** The case; with an intent, refused (and audited under its action) unless the user may also do that. */
export async function viewCase(ctx: AppContext, actor: UserActor, caseId: string, intent?: CaseIntent): Promise<ViewCaseResult> {
  const result = await readCaseForView(ctx, actor, caseId, intent);
  if (result.ok) await recordAuditAlone(ctx, actor, { action: 'case.view', caseId, subjectType: 'case', subjectId: caseId, details: { basis: result.value.access.basis } });
  return result;
}

/**
 * The case as viewCase shows it, with a refusal or a missing case audited; an allowed view is not,
 * so that a use case showing the case with other things writes one entry naming all it showed.
 */
export async function readCaseForView(ctx: AppContext, actor: UserActor, caseId: string, intent?: CaseIntent): Promise<ViewCaseResult> {
  const now = ctx.clock.now();
  const [row] = await caseWithPeople(ctx.db, caseId);
  if (!row) {
    await recordAuditAlone(ctx, actor, { action: 'case.view', outcome: 'failure', subjectType: 'case', subjectId: caseId, details: { reason: 'not-found' } });
    return fail('not-found', 'There is no record at this address.');
  }
  const access = await loadCaseAccess(ctx.db, actor, caseId, now);
  if (!access.allowed) return refusedOutsideTeam(ctx, actor, caseId, { action: 'case.view' }, intent);
  if (await refusedForIntent(ctx, actor, caseId, access, intent)) return fail('forbidden', 'Your access to this record does not allow this.');
  const { people, relationships, team } = row;
  return ok({
    access,
    record: {
      id: row.id,
      version: row.version,
      ...infantDetailsOf(row),
      level: row.level,
      details: shownRecordDetails(row),
    },
    people: people.map((p) => ({
      // Its timestamps come as JSON text; the details do not show them.
      ...personDetailsOf({ ...p, created_at: new Date(p.created_at), updated_at: new Date(p.updated_at) }),
      version: p.version,
      address: p.address_restricted && !access.canSeeRestricted ? null : p.address,
      historyChecked: p.history_checked,
    })),
    relationships: relationships.map((r) => ({ id: r.id, personId: r.person_id, otherPersonId: r.other_person_id, kind: r.kind })),
    team: team.map((m) => ({ userId: m.id, name: m.name, email: m.email, organisationName: m.organisation_name, organisationKind: m.organisation_kind, role: m.role })),
    profileVersion: row.profile_version,
  });
}
