// Small factories for profile tests: a baby, people, evidence from each source, assessments and
// events, and a fully assessed profile to start from so a test changes one thing at a time.
import { factorDefinition, factorsFor } from '../catalogue/catalogue.ts';
import { evaluateProfile } from './evaluate-profile.ts';
import type { FactorId } from '../catalogue/factor-ids.ts';
import type { FindingId } from '../catalogue/finding-definitions.ts';
import type { FactorStatus } from '../catalogue/statuses.ts';
import type { EventKindId } from '../catalogue/event-kinds.ts';
import type {
  Evidence,
  EvidenceDirection,
  FactorAssessment,
  Finding,
  InfantFacts,
  ProfileEvaluation,
  ProfileEvent,
  ProfileFacts,
  ProfilePerson,
} from './profile.types.ts';

export const TODAY = '2026-11-22';

/** A baby girl born at term, three months ago, not yet mobile, growing along the 50th centile; the health visitor has seen that no other child lives with her. */
export function baby(overrides: Partial<InfantFacts> = {}): InfantFacts {
  return {
    status: 'born',
    name: 'Ruby Okafor',
    dateOfBirth: '2026-08-22',
    expectedDeliveryDate: '2026-08-20',
    gestationAtBirthWeeks: 40,
    birthWeightGrams: 3400,
    multipleBirth: false,
    independentlyMobile: false,
    sex: 'female',
    measurements: [{ id: 'weighed-at-12-weeks', kind: 'weight', value: 5700, measuredOn: '2026-11-15', recordedBy: 'Nell Hart', agency: 'Health visiting' }],
    householdChildren: { answer: 'none', source: 'observed', recordedAt: '2026-11-15T10:00:00.000Z', recordedBy: 'Nell Hart', agency: 'Health visiting' },
    ...overrides,
  };
}

export function unbornBaby(expectedDeliveryDate: string, overrides: Partial<InfantFacts> = {}): InfantFacts {
  return baby({
    status: 'unborn',
    name: 'Unborn baby Okafor',
    dateOfBirth: null,
    expectedDeliveryDate,
    gestationAtBirthWeeks: null,
    birthWeightGrams: null,
    multipleBirth: null,
    independentlyMobile: null,
    ...overrides,
  });
}

/** Someone who lives with and cares for the baby, known, history checked. */
export function person(id: string, overrides: Partial<ProfilePerson> = {}): ProfilePerson {
  return {
    id,
    name: id,
    relationshipToInfant: 'mother',
    livesInHousehold: true,
    caresForInfant: true,
    visitsRegularly: false,
    identityKnown: true,
    dateOfBirth: '1995-03-01',
    historyChecked: true,
    sex: 'female',
    ...overrides,
  };
}

export const mother = (overrides: Partial<ProfilePerson> = {}) => person('mother', { name: 'Grace Okafor', ...overrides });
export const father = (overrides: Partial<ProfilePerson> = {}) =>
  person('father', { name: 'Daniel Okafor', relationshipToInfant: 'father', sex: 'male', dateOfBirth: '1993-07-12', ...overrides });

function evidence(source: Evidence['source'], indicates: EvidenceDirection | undefined, note: string, extra: Partial<Evidence> = {}): Evidence {
  return {
    source,
    note,
    recordedAt: '2026-11-01',
    recordedBy: 'A practitioner',
    agency: 'Health visiting',
    ...(indicates === undefined ? {} : { indicates }),
    ...extra,
  };
}

export const carerSays = (indicates: EvidenceDirection | undefined, note = 'What the carer says', extra: Partial<Evidence> = {}) =>
  evidence('carer-account', indicates, note, extra);
export const seen = (indicates: EvidenceDirection | undefined, note = 'Seen at a home visit', extra: Partial<Evidence> = {}) =>
  evidence('observed', indicates, note, extra);
export const record = (indicates: EvidenceDirection | undefined, note = 'Agency record', extra: Partial<Evidence> = {}) =>
  evidence('agency-record', indicates, note, { agency: 'Police', ...extra });
export const familySays = (indicates: EvidenceDirection | undefined, note = 'Wider family', extra: Partial<Evidence> = {}) =>
  evidence('third-party', indicates, note, extra);

export interface AssessOptions {
  personId?: string;
  evidence?: readonly Evidence[];
  detail?: string;
  pattern?: FactorAssessment['pattern'];
  reason?: string;
  protection?: FactorAssessment['protection'];
}

/** An assessment with the subject the catalogue gives the factor, and sensible evidence for the status. */
export function assess(factorId: FactorId, status: FactorStatus, options: AssessOptions = {}): FactorAssessment {
  const definition = factorDefinition(factorId);
  const defaultEvidence =
    status === 'excluded' ? [record('absent', 'Checked: nothing held')] : status === 'present' ? [seen('present', 'Seen')] : [];
  return {
    factorId,
    subject: definition.subject,
    ...(options.personId === undefined ? {} : { personId: options.personId }),
    status,
    ...(options.detail !== undefined ? { detail: options.detail } : status === 'present' ? { detail: `${definition.label}: details` } : {}),
    ...(options.pattern !== undefined ? { pattern: options.pattern } : {}),
    ...(options.reason !== undefined ? { reason: options.reason } : status === 'cannot-assess' ? { reason: 'Will not see professionals' } : {}),
    ...(options.protection !== undefined ? { protection: options.protection } : {}),
    evidence: options.evidence ?? defaultEvidence,
  };
}

/** Every assessable risk factor of the baby, the household and the named adults excluded on an agency record. */
export function everythingExcluded(personIds: readonly string[]): FactorAssessment[] {
  const once = (subject: 'infant' | 'household') =>
    factorsFor(subject, 'risk')
      .filter((f) => !f.derived)
      .map((f) => assess(f.id, 'excluded'));
  const adults = personIds.flatMap((personId) =>
    factorsFor('adult', 'risk')
      .filter((f) => !f.derived)
      .map((f) => assess(f.id, 'excluded', { personId })),
  );
  return [...once('infant'), ...adults, ...once('household')];
}

/** Replaces (or adds) the assessment for the same factor and person. */
export function withAssessment(assessments: readonly FactorAssessment[], changed: FactorAssessment): FactorAssessment[] {
  const same = (a: FactorAssessment) => a.factorId === changed.factorId && a.personId === changed.personId;
  return [...assessments.filter((a) => !same(a)), changed];
}

export function event(id: string, kind: EventKindId, overrides: Partial<ProfileEvent> = {}): ProfileEvent {
  return { id, kind, occurredAt: '2026-11-20', recordedBy: 'A practitioner', agency: 'Health visiting', ...overrides };
}

/** A born baby with a known mother, everything excluded on evidence, reviewed today. */
export function facts(overrides: Partial<ProfileFacts> = {}): ProfileFacts {
  return {
    today: TODAY,
    infant: baby(),
    people: [mother()],
    assessments: everythingExcluded(['mother']),
    events: [],
    lastReviewedAt: TODAY,
    reviewDueOn: null,
    ...overrides,
  };
}

export function findingIds(evaluation: ProfileEvaluation): FindingId[] {
  return evaluation.findings.map((f) => f.id);
}

export function findingOf(evaluation: ProfileEvaluation, id: FindingId): Finding | undefined {
  return evaluation.findings.find((f) => f.id === id);
}

/** Evaluates and returns the one finding, or undefined. */
export function finding(input: ProfileFacts, id: FindingId): Finding | undefined {
  return findingOf(evaluateProfile(input), id);
}
