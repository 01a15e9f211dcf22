// The plan around the baby as a UK Core CarePlan: active, a plan (not a proposal), with its level of
// support, the outcomes wanted for the baby (as notes), and one activity for each action (its owner,
// due date and status), each check item every visitor looks at and each visiting commitment. One
// current plan a case, so the CarePlan's id is the case's and its version the plan's.
import { ACTION_STATUS_LABELS, CHECK_FREQUENCY_LABELS, everyDaysInWords, type ActionStatus, type PlanAction, type PlanVersion } from '../../plan/plan.types.ts';
import { caseLevelLabel } from '../../shared/case-levels.ts';
import { ORGANISATION_KINDS } from '../../shared/organisation-kinds.ts';
import type { CodeableConcept, Reference, ResourceBase } from './fhir-types.ts';
import { narrative } from './narrative.ts';
import { UK_CORE_PROFILES } from './uk-core.ts';

type ActivityStatus = 'in-progress' | 'completed' | 'cancelled';

interface Activity {
  detail: {
    description: string;
    status: ActivityStatus;
    statusReason?: CodeableConcept;
    scheduledString?: string;
    scheduledTiming?: { repeat: { frequency: 1; period: number; periodUnit: 'd' } };
    performer?: Reference[];
  };
}

export interface CarePlanResource extends ResourceBase {
  resourceType: 'CarePlan';
  status: 'active';
  intent: 'plan';
  category: CodeableConcept[];
  title: string;
  description: string;
  subject: Reference;
  created: string;
  author?: Reference;
  careTeam: Reference[];
  activity?: Activity[];
  note?: { text: string }[];
}

/** Open actions are under way; done ones completed; dropped ones cancelled, with why. */
const ACTIVITY_STATUS: Readonly<Record<ActionStatus, ActivityStatus>> = { open: 'in-progress', done: 'completed', dropped: 'cancelled' };

function actionActivity(action: PlanAction, ownerNames: Readonly<Record<string, string>>): Activity {
  const owner = 'userId' in action.owner ? ownerNames[action.owner.userId] : action.owner.name;
  return {
    detail: {
      description: action.text,
      status: ACTIVITY_STATUS[action.status],
      ...(action.status === 'dropped' && action.droppedReason ? { statusReason: { text: action.droppedReason } } : {}),
      scheduledString: `Due by ${action.dueOn}`,
      ...(owner ? { performer: [{ display: owner }] } : {}),
    },
  };
}

/** The plan, with the names of its actions' owners by user id. */
export function carePlanResource(plan: PlanVersion, ownerNames: Readonly<Record<string, string>>, patientId: string): CarePlanResource {
  const levelWords = caseLevelLabel(plan.level);
  const activity: Activity[] = [
    ...plan.actions.map((action) => actionActivity(action, ownerNames)),
    ...plan.checkItems.map((item) => ({
      detail: {
        description: `Check at visits: ${item.text}. ${item.question}`,
        status: 'in-progress' as const,
        scheduledString: `${CHECK_FREQUENCY_LABELS[item.frequency]}, since ${item.since}`,
        ...(item.checkedBy.length > 0 ? { performer: item.checkedBy.map((kind) => ({ display: ORGANISATION_KINDS[kind] })) } : {}),
      },
    })),
    ...plan.visits.map((visit) => ({
      detail: {
        description: `Visit: ${everyDaysInWords(visit.everyDays)}${visit.babySeen ? ', the baby seen' : ''}, since ${visit.since}`,
        status: 'in-progress' as const,
        scheduledTiming: { repeat: { frequency: 1 as const, period: visit.everyDays, periodUnit: 'd' as const } },
        performer: [{ display: visit.who ? `${visit.who} (${ORGANISATION_KINDS[visit.agencyKind]})` : ORGANISATION_KINDS[visit.agencyKind] }],
      },
    })),
  ];
  return {
    resourceType: 'CarePlan',
    id: patientId,
    meta: { profile: [UK_CORE_PROFILES.CarePlan], versionId: String(plan.version) },
    text: narrative([
      `Plan around the baby, version ${String(plan.version)}, at ${levelWords}`,
      ...plan.outcomes.map((outcome) => `Outcome wanted: ${outcome}`),
      ...plan.actions.map((action) => `Action (${ACTION_STATUS_LABELS[action.status]}, due by ${action.dueOn}): ${action.text}`),
    ]),
    status: 'active',
    intent: 'plan',
    category: [{ text: 'Multi-agency plan around the baby' }],
    title: 'Plan around the baby',
    description: `Level of support: ${levelWords}`,
    subject: { reference: `Patient/${patientId}` },
    created: plan.recordedAt,
    ...(plan.recordedBy ? { author: { display: plan.recordedBy } } : {}),
    careTeam: [{ reference: `CareTeam/${patientId}` }],
    ...(activity.length > 0 ? { activity } : {}),
    ...(plan.outcomes.length > 0 ? { note: plan.outcomes.map((outcome) => ({ text: `Outcome wanted for the baby: ${outcome}` })) } : {}),
  };
}
