// The profile as it stood at the end of an assessment's day, for the Children in Need census return
// (issue 16): the census asks for the factors identified at the end of assessment, not the profile's
// factors now. Pure: the caller gives the profile's facts now and the factor versions made after the
// end of that day; each factor changed since goes back to how the first of those versions found it
// (its `before`: never recorded, or recorded as it was). Evidence recorded after the end of the day,
// chronology events of later days, and a birth after it (with the weights since) are left out.
// What is not versioned by factor stays as it is now: the people around the baby (docs/domain.md,
// "Reports and the Children in Need census return").
import { dayOf } from '../shared/calendar-date.ts';
import type { FactorSnapshot } from '../profile/profile-history.ts';
import type { FactorAssessment, InfantFacts, ProfileFacts } from '../profile/profile.types.ts';
import type { FactorStatus } from '../catalogue/statuses.ts';

/** A factor version made after some moment: how the factor stood before it. */
export interface LaterFactorChange {
  version: number;
  factorId: string;
  /** `infant`, `household` or the person's id, as the profile's versions key a factor. */
  subjectKey: string;
  /** ISO date-time the version was made. */
  changedAt: string;
  /** Null when the factor had never been recorded before this version. */
  before: FactorSnapshot | null;
}

const keyOf = (factorId: string, subjectKey: string) => `${factorId}|${subjectKey}`;

/** The first change after the end, by factor and subject: the one whose `before` held at the end. */
function firstChangesAfter(changes: readonly LaterFactorChange[], endsAt: number): Map<string, LaterFactorChange> {
  const first = new Map<string, LaterFactorChange>();
  for (const change of changes) {
    if (Date.parse(change.changedAt) < endsAt) continue;
    const key = keyOf(change.factorId, change.subjectKey);
    const seen = first.get(key);
    if (!seen || change.version < seen.version) first.set(key, change);
  }
  return first;
}

function rewound(assessment: FactorAssessment, before: FactorSnapshot | null): FactorAssessment {
  const { factorId, subject, personId, evidence } = assessment;
  const base = { factorId, subject, ...(personId === undefined ? {} : { personId }), evidence };
  if (before === null) return { ...base, status: 'not-assessed' };
  return {
    ...base,
    status: before.status as FactorStatus,
    ...(before.detail ? { detail: before.detail } : {}),
    ...(before.pattern === 'stable' || before.pattern === 'chaotic' ? { pattern: before.pattern } : {}),
    ...(before.reason ? { reason: before.reason } : {}),
    ...(before.responses ? { responses: before.responses as FactorAssessment['responses'] } : {}),
  };
}

function infantOn(infant: InfantFacts, day: string): InfantFacts {
  const born = dayOf(infant.dateOfBirth);
  if (infant.status === 'born' && born !== null && born > day) {
    return { ...infant, status: 'unborn', dateOfBirth: null, gestationAtBirthWeeks: null, birthWeightGrams: null, measurements: [] };
  }
  return { ...infant, measurements: (infant.measurements ?? []).filter((m) => m.measuredOn <= day) };
}

/**
 * The facts of the profile in force at the end of `day` (YYYY-MM-DD), which ends at `endsAt` (an ISO
 * date-time: the next London day's first moment). `changes`: the case's factor versions, at least
 * those made at or after `endsAt`; earlier ones are ignored.
 */
export function profileFactsAtEndOf(facts: ProfileFacts, day: string, endsAt: string, changes: readonly LaterFactorChange[]): ProfileFacts {
  const end = Date.parse(endsAt);
  const first = firstChangesAfter(changes, end);
  const assessments = facts.assessments.map((assessment) => {
    const evidence = assessment.evidence.filter((e) => Date.parse(e.recordedAt) < end);
    const change = first.get(keyOf(assessment.factorId, assessment.personId ?? assessment.subject));
    return change ? rewound({ ...assessment, evidence }, change.before) : { ...assessment, evidence };
  });
  return {
    ...facts,
    today: day,
    infant: infantOn(facts.infant, day),
    assessments,
    events: facts.events.filter((event) => (dayOf(event.occurredAt) ?? event.occurredAt) <= day),
    lastReviewedAt: facts.lastReviewedAt !== null && (dayOf(facts.lastReviewedAt) ?? '') > day ? null : facts.lastReviewedAt,
    reviewDueOn: null,
    patterns: [],
  };
}
