// Checking the parts of a transfer record (version 2) beyond the baby, people and entries: how the
// people are related, the factor assessments with their evidence, the plan, the meetings and the
// disputes. Each part is checked by the rules that check it when it is recorded here (assessment,
// plan, meeting and dispute rules), and every id it names must name a person, entry or meeting of
// the same pack. Pure: problems as paths in the record and what is wrong.
import { factorById } from '../catalogue/catalogue.ts';
import { isEvidenceSource, type EvidenceSource } from '../catalogue/evidence-sources.ts';
import type { FactorId } from '../catalogue/factor-ids.ts';
import { isFactorStatus } from '../catalogue/statuses.ts';
import { checkDispute, DISPUTE_PROBLEM_MESSAGES } from '../chronology/dispute-rules.ts';
import { checkMeeting, MEETING_PROBLEM_MESSAGES } from '../meetings/meeting-rules.ts';
import type { MeetingDraft } from '../meetings/meeting.types.ts';
import { PERSON_RELATIONSHIP_KINDS } from '../people/relationships.ts';
import { checkPlanDraft, PLAN_PROBLEM_MESSAGES } from '../plan/plan-rules.ts';
import type { Plan, PlanDraft } from '../plan/plan.types.ts';
import { checkAssessment } from '../profile/assessment-rules.ts';
import type { FactorAssessment } from '../profile/profile.types.ts';
import type { TransferredAssessment } from './transfer-record.ts';

export interface PartProblem {
  path: string;
  text: string;
}

/** The ids the rest of the pack holds: what a part may name. */
export interface PackIds {
  people: ReadonlySet<string>;
  entries: ReadonlySet<string>;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';
const isDateTime = (value: unknown) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value));

/** A list at `path`, each item an object: the items with their paths, or a problem. */
function listAt(problems: PartProblem[], value: unknown, path: string): [Json, string][] {
  if (!Array.isArray(value)) {
    problems.push({ path, text: 'must be a list' });
    return [];
  }
  return value.flatMap((item: unknown, index): [Json, string][] => {
    const at = `${path}/${String(index)}`;
    if (isObject(item)) return [[item, at]];
    problems.push({ path: at, text: 'must be an object' });
    return [];
  });
}

function checkRelationships(problems: PartProblem[], value: unknown, ids: PackIds): void {
  for (const [relationship, at] of listAt(problems, value, '/relationships')) {
    for (const field of ['personId', 'otherPersonId'] as const) {
      if (!ids.people.has(relationship[field] as string)) problems.push({ path: `${at}/${field}`, text: 'must name a person in the pack' });
    }
    if (relationship['personId'] === relationship['otherPersonId']) problems.push({ path: at, text: 'must be between two different people' });
    if (!Object.hasOwn(PERSON_RELATIONSHIP_KINDS, String(relationship['kind']))) problems.push({ path: `${at}/kind`, text: `must be one of ${Object.keys(PERSON_RELATIONSHIP_KINDS).join(', ')}` });
  }
}

function checkEvidence(problems: PartProblem[], value: unknown, path: string, ids: PackIds): void {
  for (const [evidence, at] of listAt(problems, value, path)) {
    if (!isEvidenceSource(String(evidence['source']))) problems.push({ path: `${at}/source`, text: 'is not a source of evidence' });
    if (typeof evidence['note'] !== 'string') problems.push({ path: `${at}/note`, text: 'is missing' });
    if (evidence['indicates'] !== 'present' && evidence['indicates'] !== 'absent') problems.push({ path: `${at}/indicates`, text: 'must be present or absent' });
    if (evidence['givenBy'] !== null && typeof evidence['givenBy'] !== 'string') problems.push({ path: `${at}/givenBy`, text: 'must be text or null' });
    if (!isDateTime(evidence['recordedAt'])) problems.push({ path: `${at}/recordedAt`, text: 'must be a date and time' });
    for (const field of ['recordedBy', 'agency'] as const) if (!isText(evidence[field])) problems.push({ path: `${at}/${field}`, text: 'is missing' });
    if (evidence['entryId'] !== undefined && !ids.entries.has(evidence['entryId'] as string)) problems.push({ path: `${at}/entryId`, text: 'must name an entry in the pack' });
    if (evidence['seenOn'] !== undefined && !(typeof evidence['seenOn'] === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(evidence['seenOn']))) problems.push({ path: `${at}/seenOn`, text: 'must be a date (YYYY-MM-DD)' });
  }
}

function checkAssessor(problems: PartProblem[], value: unknown, path: string): void {
  if (value === null) return;
  if (!isObject(value) || !['name', 'role', 'agency', 'agencyKind'].every((field) => isText(value[field]))) problems.push({ path, text: 'must be null or name who assessed, with their role, agency and its kind' });
}

function checkAssessments(problems: PartProblem[], value: unknown, ids: PackIds): void {
  const seen = new Set<string>();
  for (const [assessment, at] of listAt(problems, value, '/assessments')) {
    const before = problems.length;
    const factor = factorById(String(assessment['factorId']));
    if (!factor) problems.push({ path: `${at}/factorId`, text: 'is not a factor in the catalogue' });
    if (!isFactorStatus(String(assessment['status']))) problems.push({ path: `${at}/status`, text: 'is not a status of a factor' });
    const personId = assessment['personId'];
    if (personId !== undefined && !ids.people.has(personId as string)) problems.push({ path: `${at}/personId`, text: 'must name a person in the pack' });
    if (!isDateTime(assessment['assessedAt'])) problems.push({ path: `${at}/assessedAt`, text: 'must be a date and time' });
    checkAssessor(problems, assessment['assessedBy'], `${at}/assessedBy`);
    checkEvidence(problems, assessment['evidence'], `${at}/evidence`, ids);
    if (problems.length > before || !factor) continue;
    const key = `${factor.id}|${typeof personId === 'string' ? personId : ''}`;
    if (seen.has(key)) problems.push({ path: at, text: 'assesses a factor (for that person) already assessed in the pack' });
    seen.add(key);
    const typed = assessment as unknown as TransferredAssessment;
    // As for a factor recorded here (profile/assessment-rules.ts).
    const asHere: FactorAssessment = {
      ...typed,
      factorId: typed.factorId as FactorId,
      subject: factor.subject,
      responses: (typed.responses ?? []) as FactorAssessment['responses'],
      evidence: typed.evidence.map((e) => ({ source: e.source as EvidenceSource, note: e.note, indicates: e.indicates, recordedAt: e.recordedAt, recordedBy: e.recordedBy, agency: e.agency })),
    };
    for (const problem of checkAssessment(asHere)) problems.push({ path: at, text: `is not right (${problem})` });
  }
}

function checkMeetings(problems: PartProblem[], value: unknown, today: string): Set<string> {
  const ids = new Set<string>();
  for (const [meeting, at] of listAt(problems, value, '/meetings')) {
    if (!isText(meeting['id']) || ids.has(meeting['id'])) problems.push({ path: `${at}/id`, text: 'must be an id not already in the pack' });
    else ids.add(meeting['id']);
    if (!isDateTime(meeting['recordedAt'])) problems.push({ path: `${at}/recordedAt`, text: 'must be a date and time' });
    if (!isText(meeting['recordedBy'])) problems.push({ path: `${at}/recordedBy`, text: 'is missing' });
    const checked = checkMeeting(meeting as unknown as MeetingDraft, today);
    if (!checked.ok) for (const problem of checked.problems) problems.push({ path: `${at}${problem.path}`, text: `is not right: ${MEETING_PROBLEM_MESSAGES[problem.code]}` });
  }
  return ids;
}

function checkPlan(problems: PartProblem[], plan: unknown, ids: PackIds, meetingIds: ReadonlySet<string>, today: string): void {
  if (plan === null) return;
  if (!isObject(plan) || !['outcomes', 'checkItems', 'actions', 'visits'].every((field) => Array.isArray(plan[field]))) {
    problems.push({ path: '/plan', text: 'must be null or a plan with its outcomes, check items, actions and visits' });
    return;
  }
  if (!isDateTime(plan['recordedAt'])) problems.push({ path: '/plan/recordedAt', text: 'must be a date and time' });
  if (!isText(plan['recordedBy'])) problems.push({ path: '/plan/recordedBy', text: 'is missing' });
  const actions = (plan['actions'] as unknown[]).filter(isObject);
  actions.forEach((action, index) => {
    const owner = action['owner'];
    if (isObject(owner) && owner['userId'] !== undefined) problems.push({ path: `/plan/actions/${String(index)}/owner`, text: 'must name its owner in words, not by an account' });
    const meeting = action['fromMeeting'];
    if (meeting !== undefined && !(isObject(meeting) && meetingIds.has(meeting['id'] as string))) problems.push({ path: `/plan/actions/${String(index)}/fromMeeting`, text: 'must name a meeting in the pack' });
  });
  // As for a plan saved here (plan/plan-rules.ts), every item and action already known by its id.
  const checked = checkPlanDraft(plan as unknown as PlanDraft, { today, personIds: ids.people, userIds: new Set(), current: plan as unknown as Plan, newId: () => '' });
  if (!checked.ok) for (const problem of checked.problems) problems.push({ path: `/plan${problem.path}`, text: `is not right: ${PLAN_PROBLEM_MESSAGES[problem.code]}` });
}

function checkDisputes(problems: PartProblem[], value: unknown, ids: PackIds): void {
  for (const [dispute, at] of listAt(problems, value, '/disputes')) {
    if (!ids.entries.has(dispute['entryId'] as string)) problems.push({ path: `${at}/entryId`, text: 'must name an entry in the pack' });
    if (!isDateTime(dispute['recordedAt'])) problems.push({ path: `${at}/recordedAt`, text: 'must be a date and time' });
    for (const field of ['recordedBy', 'agency'] as const) if (!isText(dispute[field])) problems.push({ path: `${at}/${field}`, text: 'is missing' });
    const checked = checkDispute({ disputedBy: typeof dispute['disputedBy'] === 'string' ? dispute['disputedBy'] : '', text: typeof dispute['text'] === 'string' ? dispute['text'] : '' });
    if (!checked.ok) for (const problem of checked.problems) problems.push({ path: `${at}${problem.path}`, text: `is not right: ${DISPUTE_PROBLEM_MESSAGES[problem.code]}` });
  }
}

/** Every problem of a version 2 record's relationships, assessments, plan, meetings and disputes. */
export function recordPartProblems(record: Json, ids: PackIds, today: string): PartProblem[] {
  const problems: PartProblem[] = [];
  checkRelationships(problems, record['relationships'], ids);
  checkAssessments(problems, record['assessments'], ids);
  const meetingIds = checkMeetings(problems, record['meetings'], today);
  checkPlan(problems, record['plan'], ids, meetingIds, today);
  checkDisputes(problems, record['disputes'], ids);
  return problems;
}
