// The FHIR export of one case (issue 15): the baby's record as UK Core resources, for a caller who
// may see it. Behind the same access check as every look at the record (readCaseForView: a refusal
// or a missing case audited there), and audited as a look itself, naming what was exported. The
// access log (AuditEvent) only for those who may see "Who has looked at this record": asking for it
// alone without that right is refused and audited; in $everything it is left out.
import { mayManageTeam } from '../../domain/access/case-access.ts';
import { auditEventResource } from '../../domain/fhir/export/audit-event.ts';
import { carePlanResource } from '../../domain/fhir/export/care-plan.ts';
import { careTeamResource } from '../../domain/fhir/export/care-team.ts';
import { consentResources } from '../../domain/fhir/export/consent.ts';
import { encounterResources } from '../../domain/fhir/export/encounter.ts';
import type { ResourceBase } from '../../domain/fhir/export/fhir-types.ts';
import { flagResources } from '../../domain/fhir/export/flag.ts';
import { birthObservations } from '../../domain/fhir/export/observation.ts';
import { patientResource } from '../../domain/fhir/export/patient.ts';
import { relatedPersonResource } from '../../domain/fhir/export/related-person.ts';
import { EXPORTED_RESOURCE_TYPES, type ExportedResourceType } from '../../domain/fhir/export/uk-core.ts';
import { isRelationshipToInfant, RELATIONSHIPS_TO_INFANT } from '../../domain/people/relationships.ts';
import type { UserActor } from '../actor.ts';
import { recordAuditAlone } from '../audit.ts';
import { readCaseForView, type CaseView } from '../cases/view-case.ts';
import { readConsents } from '../consent/consent-rows.ts';
import type { AppContext } from '../context.ts';
import { readCurrentPlan } from '../plan/plan-rows.ts';
import { fail, ok, type Result } from '../result.ts';
import { readAccessLog } from './export-access-log.ts';

/** Access log entries a page: as many as asked, up to 500; 100 when not asked. */
export const ACCESS_LOG_PAGE = { default: 100, max: 500 } as const;

export type FhirExportRequest =
  | { kind: 'patient' }
  | { kind: 'everything' }
  | { kind: 'search'; type: Exclude<ExportedResourceType, 'Patient'>; count?: number; page?: number };

export interface CaseFhirExport {
  /** The resources of each type asked for (and allowed), in the export's order. */
  resources: Partial<Record<ExportedResourceType, ResourceBase[]>>;
  /** The access log's page and size, when it was exported. */
  accessLog?: { total: number; page: number; count: number };
  /** True when $everything left the access log out: the caller may not read it. */
  accessLogWithheld: boolean;
}

export type ExportCaseResult = Result<CaseFhirExport, 'not-found' | 'forbidden'>;

const ACCESS_LOG_REFUSED = 'Only the lead professional and the safeguarding leads and managers who oversee the case can see who has looked at this record.';

export async function exportCaseFhir(ctx: AppContext, actor: UserActor, caseId: string, request: FhirExportRequest): Promise<ExportCaseResult> {
  const opened = await readCaseForView(ctx, actor, caseId);
  if (!opened.ok) return fail(opened.code, opened.message);
  const view = opened.value;
  const mayReadLog = mayManageTeam(view.access);
  if (request.kind === 'search' && request.type === 'AuditEvent' && !mayReadLog) {
    await recordAuditAlone(ctx, actor, { action: 'case.audit-view', outcome: 'denied', caseId, subjectType: 'case', subjectId: caseId });
    return fail('forbidden', ACCESS_LOG_REFUSED);
  }
  const wanted = new Set<ExportedResourceType>(
    request.kind === 'patient' ? ['Patient'] : request.kind === 'search' ? [request.type] : EXPORTED_RESOURCE_TYPES.filter((type) => type !== 'AuditEvent' || mayReadLog),
  );
  const count = request.kind === 'search' ? Math.min(Math.max(request.count ?? ACCESS_LOG_PAGE.default, 1), ACCESS_LOG_PAGE.max) : ACCESS_LOG_PAGE.default;
  const page = request.kind === 'search' ? Math.max(request.page ?? 1, 1) : 1;

  const resources: Partial<Record<ExportedResourceType, ResourceBase[]>> = {};
  const personIds = new Set(view.people.map((person) => person.id));
  if (wanted.has('Patient')) resources.Patient = [patientOf(view)];
  if (wanted.has('RelatedPerson')) resources.RelatedPerson = view.people.map((person) => relatedPersonResource({ ...person, relationshipWords: relationshipWords(person.relationshipToInfant) }, caseId));
  if (wanted.has('Flag') || wanted.has('Encounter')) {
    const evaluated = await ctx.profiles.read(ctx, caseId);
    if (wanted.has('Flag')) resources.Flag = flagResources(evaluated?.evaluation.findings ?? [], caseId);
    if (wanted.has('Encounter')) resources.Encounter = encounterResources(evaluated?.stored.chronology ?? [], personIds, caseId);
  }
  if (wanted.has('CarePlan')) {
    const plan = await readCurrentPlan(ctx.db, caseId);
    resources.CarePlan = plan ? [carePlanResource(plan, await ownerNames(ctx, view, plan.actions), caseId)] : [];
  }
  if (wanted.has('Observation')) {
    const { id, status, dateOfBirth, gestationAtBirthWeeks, gestationAtBirthDays } = view.record;
    resources.Observation = birthObservations({ id, status, dateOfBirth, gestationAtBirthWeeks, gestationAtBirthDays });
  }
  if (wanted.has('CareTeam')) resources.CareTeam = [careTeamResource(view.team.map((member) => ({ name: member.name, organisationName: member.organisationName, role: member.role })), caseId)];
  if (wanted.has('Consent')) resources.Consent = consentResources(await readConsents(ctx.db, caseId), personIds, caseId);
  let accessLog: CaseFhirExport['accessLog'];
  if (wanted.has('AuditEvent')) {
    const log = await readAccessLog(ctx.db, caseId, { count, offset: (page - 1) * count });
    resources.AuditEvent = log.entries.map((entry) => auditEventResource(entry, caseId));
    accessLog = { total: log.total, page, count };
  }

  const exported = EXPORTED_RESOURCE_TYPES.filter((type) => wanted.has(type));
  await recordAuditAlone(ctx, actor, {
    action: wanted.has('AuditEvent') && request.kind === 'search' ? 'case.audit-view' : 'case.view',
    caseId,
    subjectType: 'case',
    subjectId: caseId,
    details: { basis: view.access.basis, fhir: request.kind === 'search' ? request.type : request.kind, showed: exported, ...(accessLog && page > 1 ? { page } : {}) },
  });
  return ok({ resources, ...(accessLog ? { accessLog } : {}), accessLogWithheld: request.kind === 'everything' && !mayReadLog });
}

function patientOf(view: CaseView) {
  const { record } = view;
  return patientResource({
    id: record.id,
    status: record.status,
    givenName: record.givenName,
    familyName: record.familyName,
    sex: record.sex,
    nhsNumber: record.nhsNumber,
    dateOfBirth: record.dateOfBirth,
    expectedDeliveryDate: record.expectedDeliveryDate,
    multipleBirth: record.multipleBirth,
    address: record.details.address,
    postcode: record.details.postcode,
    gpPracticeName: record.details.gpPracticeName,
    gpPracticeOdsCode: record.details.gpPracticeOdsCode,
  });
}

const relationshipWords = (relationship: string) => (isRelationshipToInfant(relationship) ? RELATIONSHIPS_TO_INFANT[relationship] : relationship);

/** The names of the accounts owning the plan's actions: the team's from the case, any others read. */
async function ownerNames(ctx: AppContext, view: CaseView, actions: readonly { owner: { userId: string } | { name: string } }[]): Promise<Record<string, string>> {
  const names: Record<string, string> = Object.fromEntries(view.team.map((member) => [member.userId, member.name]));
  const others = [...new Set(actions.flatMap((action) => ('userId' in action.owner ? [action.owner.userId] : [])))].filter((id) => !(id in names));
  if (others.length > 0) for (const user of await ctx.db.selectFrom('users').select(['id', 'name']).where('id', 'in', others).execute()) names[user.id] = user.name;
  return names;
}
