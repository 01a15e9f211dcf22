// Properties of the profile over arbitrary records: it never throws, its output holds together,
// and recording more evidence of risk never makes a serious finding go away.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { FACTORS, factorById } from '../catalogue/catalogue.ts';
import { EVENT_KIND_IDS } from '../catalogue/event-kinds.ts';
import { EVIDENCE_SOURCE_IDS } from '../catalogue/evidence-sources.ts';
import { FINDING_IDS } from '../catalogue/finding-definitions.ts';
import { FACTOR_STATUS_IDS } from '../catalogue/statuses.ts';
import { RELATIONSHIPS_TO_INFANT } from '../people/relationships.ts';
import { evaluateProfile } from './evaluate-profile.ts';
import type { FactorId } from '../catalogue/factor-ids.ts';
import type { FindingId } from '../catalogue/finding-definitions.ts';
import type { Evidence, FactorAssessment, Finding, ProfileEvaluation, ProfileEvent, ProfileFacts, ProfilePerson } from './profile.types.ts';

const PERSON_IDS = ['p1', 'p2', 'p3', 'p4', 'p5'];
const FACTOR_IDS = FACTORS.map((f) => f.id);
/** Factors the rules lean on most, drawn more often so rare findings (fresh start) get exercised. */
const HOT: readonly FactorId[] = [
  'previous-child-harmed-or-removed', 'childhood-adversity', 'sibling-on-plan', 'alcohol-misuse', 'drug-misuse', 'mental-health',
  'harmful-stress-response', 'unsafe-sleep', 'injury', 'supportive-partner', 'hard-to-soothe', 'domestic-abuse-victim',
];
const factorIdArb = fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...HOT) }, { weight: 3, arbitrary: fc.constantFrom(...FACTOR_IDS) });

const day = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const instant = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());
/** Mostly real dates, sometimes a date-time, sometimes rubbish. */
const someDate = fc.oneof({ weight: 6, arbitrary: day }, { weight: 2, arbitrary: instant }, { weight: 1, arbitrary: fc.constantFrom('', 'not a date', '2026-02-31') });
const maybeDate = fc.option(someDate, { nil: null });
const someNumber = fc.oneof(fc.integer({ min: -10, max: 5000 }), fc.double(), fc.constant(Number.NaN));
const text = fc.oneof(fc.constant(''), fc.constant('  '), fc.string({ maxLength: 20 }));

/** Without the keys fast-check left undefined, as optional fields are when absent. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const personArb = (id: string): fc.Arbitrary<ProfilePerson> =>
  fc.record({
    id: fc.constant(id),
    name: fc.constantFrom('Sarah Hartley', 'Mark Hartley', "Mother's partner, name unknown", 'Ada'),
    relationshipToInfant: fc.constantFrom(...Object.keys(RELATIONSHIPS_TO_INFANT), 'cousin'),
    livesInHousehold: fc.boolean(),
    caresForInfant: fc.boolean(),
    visitsRegularly: fc.boolean(),
    identityKnown: fc.boolean(),
    dateOfBirth: maybeDate,
    historyChecked: fc.boolean(),
    sex: fc.constantFrom('female', 'male', 'unknown', null, undefined),
  }).map(defined);

const evidenceArb = (explicit: boolean): fc.Arbitrary<Evidence> =>
  fc
    .record({
      source: fc.constantFrom(...EVIDENCE_SOURCE_IDS),
      note: text,
      recordedAt: someDate,
      recordedBy: fc.constant('A practitioner'),
      agency: fc.constantFrom('Police', 'Health visiting', ''),
      eventId: fc.option(fc.constantFrom('e1', 'e2', 'e3'), { nil: undefined }),
      indicates: explicit ? fc.constantFrom('present' as const, 'absent' as const) : fc.constantFrom('present' as const, 'absent' as const, undefined),
      givenBy: fc.option(fc.constantFrom('her sister', 'her husband'), { nil: undefined }),
    })
    .map((e) => defined(e) as Evidence);

/** The key under which the profile stores an assessment: adult factors per person, others once. */
function keyOf(factorId: string, personId: string | undefined): string {
  return factorById(factorId)?.subject === 'adult' ? `${factorId}|${personId ?? ''}` : factorId;
}

const assessmentArb = (explicit: boolean): fc.Arbitrary<FactorAssessment> =>
  fc
    .record({
      factorId: factorIdArb,
      personId: fc.constantFrom(...PERSON_IDS, 'stranger'),
      wrongSubject: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
      status: fc.constantFrom(...FACTOR_STATUS_IDS),
      detail: fc.option(text, { nil: undefined }),
      pattern: fc.constantFrom('stable' as const, 'chaotic' as const, undefined),
      reason: fc.option(text, { nil: undefined }),
      protection: fc.option(fc.record({ how: text, whenPresent: text }), { nil: undefined }),
      evidence: fc.array(evidenceArb(explicit), { maxLength: 4 }),
    })
    .map(({ factorId, personId, wrongSubject, ...rest }): FactorAssessment => {
      const subject = factorById(factorId)!.subject;
      return defined({
        ...rest,
        factorId,
        // Now and then a subject that does not fit, which the profile must report, not trip over.
        subject: wrongSubject ? (subject === 'household' ? 'infant' : 'household') : subject,
        personId: subject === 'adult' ? personId : undefined,
      });
    });

const eventArb: fc.Arbitrary<ProfileEvent> = fc
  .record({
    id: fc.constantFrom('e1', 'e2', 'e3', 'e4'),
    kind: fc.constantFrom(...EVENT_KIND_IDS),
    occurredAt: someDate,
    recordedBy: fc.constant('A practitioner'),
    agency: fc.constant('Police'),
    source: fc.constantFrom(...EVIDENCE_SOURCE_IDS, undefined),
    note: fc.option(text, { nil: undefined }),
    personIds: fc.option(fc.subarray([...PERSON_IDS, 'stranger']), { nil: undefined }),
    victimIds: fc.option(fc.subarray(PERSON_IDS), { nil: undefined }),
    perpetratorIds: fc.option(fc.subarray(PERSON_IDS), { nil: undefined }),
    substance: fc.constantFrom('alcohol' as const, 'drugs' as const, undefined),
    indicates: fc.option(fc.subarray(FACTOR_IDS, { maxLength: 3 }), { nil: undefined }),
    gestationWeeks: fc.option(someNumber, { nil: undefined }),
  })
  .map((e) => defined(e) as ProfileEvent);

const factsArb = (explicit = false): fc.Arbitrary<ProfileFacts> =>
  fc.record({
    today: fc.oneof({ weight: 9, arbitrary: day }, { weight: 1, arbitrary: fc.constantFrom('', 'today') }),
    infant: fc.record({
      status: fc.constantFrom('unborn' as const, 'born' as const),
      name: fc.option(fc.constantFrom('Baby Hartley', ''), { nil: undefined }),
      dateOfBirth: maybeDate,
      expectedDeliveryDate: maybeDate,
      gestationAtBirthWeeks: fc.option(fc.oneof(fc.integer({ min: 22, max: 43 }), someNumber), { nil: null }),
      birthWeightGrams: fc.option(someNumber, { nil: null }),
      multipleBirth: fc.option(fc.boolean(), { nil: null }),
      independentlyMobile: fc.option(fc.boolean(), { nil: null }),
    }).map(defined),
    people: fc.subarray(PERSON_IDS).chain((ids) => fc.tuple(...ids.map(personArb))).map((people) => [...people]),
    assessments: fc.uniqueArray(assessmentArb(explicit), { maxLength: 25, selector: (a) => keyOf(a.factorId, a.personId) }),
    events: fc.array(eventArb, { maxLength: 6 }),
    lastReviewedAt: maybeDate,
    reviewDueOn: maybeDate,
    settings: fc.option(fc.record({ preBirthMilestoneWeeks: someNumber, preBirthNoticeWeeks: someNumber, lateBookingAfterWeeks: someNumber }, { requiredKeys: [] }), { nil: undefined }),
  }).map(defined);

/**
 * Records that already hold a fresh start (a carer with a child removed, and drinking excluded on
 * her word alone) and an unverified exclusion, so the properties test those rarer findings too.
 */
const withFreshStart = (explicit = false): fc.Arbitrary<ProfileFacts> =>
  factsArb(explicit).map((facts) => {
    const carer: ProfilePerson = { id: 'p1', name: 'Sarah Hartley', relationshipToInfant: 'mother', livesInHousehold: true, caresForInfant: true, visitsRegularly: false, identityKnown: true, dateOfBirth: '1990-01-01', historyChecked: true, sex: 'female' };
    const own: Evidence = { source: 'carer-account', note: 'I have stopped', recordedAt: '2026-11-01', recordedBy: 'Midwife', agency: 'Maternity', indicates: 'absent' };
    const seeded: FactorAssessment[] = [
      { factorId: 'previous-child-harmed-or-removed', subject: 'adult', personId: 'p1', status: 'present', detail: 'Son adopted', evidence: [] },
      { factorId: 'alcohol-misuse', subject: 'adult', personId: 'p1', status: 'excluded', evidence: [own] },
    ];
    const seededKeys = new Set(seeded.map((a) => keyOf(a.factorId, a.personId)));
    return {
      ...facts,
      people: [carer, ...facts.people.filter((p) => p.id !== 'p1')],
      assessments: [...seeded, ...facts.assessments.filter((a) => !seededKeys.has(keyOf(a.factorId, a.personId)))],
    };
  });

const anyFacts = (explicit = false) => fc.oneof({ weight: 3, arbitrary: factsArb(explicit) }, { weight: 1, arbitrary: withFreshStart(explicit) });

const target = fc.record({ factorId: factorIdArb, personId: fc.constantFrom(...PERSON_IDS) });

/** The assessment for the same key, changed; or a new one for it. */
function change(facts: ProfileFacts, factorId: FactorId, personId: string, update: (a: FactorAssessment) => FactorAssessment): ProfileFacts {
  const key = keyOf(factorId, personId);
  const existing = facts.assessments.find((a) => keyOf(a.factorId, a.personId) === key);
  const subject = factorById(factorId)!.subject;
  const fresh: FactorAssessment = { factorId, subject, ...(subject === 'adult' ? { personId } : {}), status: 'not-assessed', evidence: [] };
  const assessments = existing ? facts.assessments.map((a) => (a === existing ? update(a) : a)) : [...facts.assessments, update(fresh)];
  return { ...facts, assessments };
}

const SERIOUS = (f: Finding) => f.severity === 'critical' || f.severity === 'high';

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

function assertHoldsTogether(evaluation: ProfileEvaluation): void {
  const { summary } = evaluation;
  assert.equal(summary.notAssessed + summary.excluded + summary.present + summary.cannotAssess + summary.unverified, summary.total);
  assert.equal(summary.total, evaluation.subjects.reduce((n, s) => n + s.risk.length, 0));
  assert.equal(evaluation.subjects[0]?.subject, 'infant');
  assert.equal(evaluation.subjects.at(-1)?.subject, 'household');
  const ids = evaluation.findings.map((f) => f.id);
  assert.equal(new Set(ids).size, ids.length, 'each finding once');
  const ranks = evaluation.findings.map((f) => ['critical', 'high', 'attention'].indexOf(f.severity));
  assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b), 'critical, then high, then attention');
  for (const finding of evaluation.findings) {
    assert.ok(FINDING_IDS.includes(finding.id));
    assert.doesNotMatch(finding.rationale, /[\n\r]/, 'one line');
    assert.ok(finding.rationale.length > 0 && finding.facts.length > 0);
  }
  for (const factor of evaluation.subjects.flatMap((s) => [...s.risk, ...s.protective])) {
    if (factor.verified) assert.equal(factor.status, 'excluded');
    if (factor.effectiveStatus === 'unverified-exclusion') assert.equal(factor.needsVerification, true);
  }
}

describe('the profile over arbitrary records', () => {
  it('never throws, and its output holds together', () => {
    fc.assert(
      fc.property(anyFacts(), (facts) => {
        assertHoldsTogether(evaluateProfile(facts));
      }),
      { numRuns: 400 },
    );
  });

  it('is pure: it changes nothing it is given and gives the same answer twice', () => {
    fc.assert(
      fc.property(factsArb(), (facts) => {
        // Both from clones, so the comparison is not thrown by fast-check's null-prototype records.
        const frozen = deepFreeze(structuredClone(facts));
        assert.deepEqual(evaluateProfile(frozen), evaluateProfile(structuredClone(facts)));
      }),
      { numRuns: 100 },
    );
  });
});

describe('recording more risk never hides a serious finding', () => {
  // Precisely: for any record, any factor for any subject and any piece of evidence that the factor
  // is present, adding that evidence leaves every critical and high finding in place (same id), and
  // each still names at least the people it named before.
  it('adding evidence of presence keeps every critical and high finding, and the people each names', () => {
    fc.assert(
      fc.property(anyFacts(), target, evidenceArb(true), (facts, { factorId, personId }, evidence) => {
        const before = evaluateProfile(facts).findings.filter(SERIOUS);
        const more = change(facts, factorId, personId, (a) => ({ ...a, evidence: [...a.evidence, { ...evidence, indicates: 'present' }] }));
        const after = new Map(evaluateProfile(more).findings.map((f) => [f.id, f]));
        for (const finding of before) {
          const still = after.get(finding.id);
          assert.ok(still, `${finding.id} went away after evidence of ${factorId} for ${personId}`);
          for (const id of finding.personIds) assert.ok(still.personIds.includes(id), `${finding.id} stopped naming ${id}`);
        }
      }),
      { numRuns: 600 },
    );
  });

  // Recording a factor as present can resolve findings about how it was assessed, and only those:
  // a conflict (the higher-risk account is accepted), a fresh start resting on that exclusion, or
  // hidden risk from a factor that could not be assessed. Everything else critical or high stays.
  // Evidence says which way it points here, so changing the status does not turn old evidence round.
  const RESOLVED_BY_RECORDING_PRESENT: readonly FindingId[] = ['conflicting-information', 'fresh-start', 'hidden-risk'];

  it('changing a factor to present keeps every critical and high finding except those it resolves', () => {
    fc.assert(
      fc.property(anyFacts(true), target, (facts, { factorId, personId }) => {
        const before = evaluateProfile(facts).findings.filter(SERIOUS);
        const present = change(facts, factorId, personId, (a) => ({ ...a, status: 'present', detail: a.detail ?? 'Recorded as present' }));
        const after = new Set(evaluateProfile(present).findings.map((f) => f.id));
        for (const finding of before) {
          const resolved = RESOLVED_BY_RECORDING_PRESENT.includes(finding.id) && finding.factorIds.includes(factorId);
          assert.ok(after.has(finding.id) || resolved, `${finding.id} went away when ${factorId} for ${personId} became present`);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('a worked example of a resolved conflict: accepting the police record over the carer’s word', () => {
    const facts: ProfileFacts = {
      today: '2026-11-22',
      infant: { status: 'born', dateOfBirth: '2026-08-01', expectedDeliveryDate: null, gestationAtBirthWeeks: 40, birthWeightGrams: 3400, multipleBirth: false, independentlyMobile: false },
      people: [{ id: 'p1', name: 'Sarah', relationshipToInfant: 'mother', livesInHousehold: true, caresForInfant: true, visitsRegularly: false, identityKnown: true, dateOfBirth: '1990-01-01', historyChecked: true }],
      assessments: [
        {
          factorId: 'alcohol-misuse',
          subject: 'adult',
          personId: 'p1',
          status: 'excluded',
          evidence: [{ source: 'agency-record', note: 'Drunk in charge of the children', recordedAt: '2026-11-01', recordedBy: 'PC', agency: 'Police', indicates: 'present' }],
        },
      ],
      events: [],
      lastReviewedAt: '2026-11-22',
      reviewDueOn: null,
    };
    assert.ok(evaluateProfile(facts).findings.some((f) => f.id === 'conflicting-information'));
    const accepted = change(facts, 'alcohol-misuse', 'p1', (a) => ({ ...a, status: 'present', pattern: 'chaotic', detail: 'Drinks heavily' }));
    const ids = evaluateProfile(accepted).findings.map((f) => f.id);
    assert.ok(!ids.includes('conflicting-information'));
    assert.ok(ids.includes('chaotic-substance-use'));
  });
});
