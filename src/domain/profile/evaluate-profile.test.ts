import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { factorsFor } from '../catalogue/catalogue.ts';
import { evaluateProfile } from './evaluate-profile.ts';
import {
  TODAY, assess, baby, carerSays, event, everythingExcluded, facts, father, findingIds, mother, person, record, seen, withAssessment,
} from './profile.test-support.ts';

const sibling = person('toby', { name: 'Toby', relationshipToInfant: 'sibling', dateOfBirth: '2022-01-01' });
const grandparent = person('gran', { name: 'Ada', relationshipToInfant: 'grandparent', livesInHousehold: false, caresForInfant: false, visitsRegularly: false });
const visitor = person('friend', { name: 'Lee', relationshipToInfant: 'friend', livesInHousehold: false, caresForInfant: false, visitsRegularly: true });
const unknownAdult = person('unknown', { name: "Mother's new partner, name unknown", relationshipToInfant: 'mothers-partner', identityKnown: false, historyChecked: false });

describe('the subjects of a profile', () => {
  it('are the baby, every significant adult in record order, and the household', () => {
    const evaluation = evaluateProfile(facts({ people: [mother(), sibling, grandparent, visitor, unknownAdult, father({ livesInHousehold: false, caresForInfant: false })] }));
    assert.deepEqual(
      evaluation.subjects.map((s) => [s.subject, s.personId ?? null]),
      [['infant', null], ['adult', 'mother'], ['adult', 'friend'], ['adult', 'unknown'], ['adult', 'father'], ['household', null]],
    );
  });

  it('give each adult every adult factor, and the baby and household theirs once', () => {
    const evaluation = evaluateProfile(facts({ people: [mother(), father()] }));
    const [infant, motherProfile, fatherProfile, household] = evaluation.subjects;
    assert.deepEqual(infant?.risk.map((f) => f.factorId), factorsFor('infant', 'risk').map((f) => f.id));
    assert.deepEqual(fatherProfile?.risk.map((f) => f.factorId), factorsFor('adult', 'risk').map((f) => f.id));
    assert.deepEqual(fatherProfile?.protective.map((f) => f.factorId), factorsFor('adult', 'protective').map((f) => f.id));
    assert.equal(motherProfile?.risk.length, 16);
    assert.deepEqual(household?.protective.map((f) => f.factorId), ['supportive-wider-family', 'safe-sleep-space']);
    assert.equal(evaluation.summary.total, 15 + 16 + 16 + 11);
  });

  it('start every factor not assessed (risk assumed) except those the record fills', () => {
    const evaluation = evaluateProfile(facts({ assessments: [] }));
    const open = evaluation.subjects.flatMap((s) => s.risk).filter((f) => f.effectiveStatus === 'not-assessed');
    assert.ok(open.every((f) => !f.derived));
    assert.equal(evaluation.complete, false);
    assert.deepEqual(evaluation.summary, { total: 42, notAssessed: 35, excluded: 7, present: 0, cannotAssess: 0, unverified: 0, conflicts: 0 });
  });

  it('mark who is a carer and their census category', () => {
    const evaluation = evaluateProfile(facts({ people: [mother(), visitor, person('lodger', { relationshipToInfant: 'friend', caresForInfant: false })] }));
    const adults = evaluation.subjects.filter((s) => s.subject === 'adult');
    assert.deepEqual(adults.map((s) => [s.personId, s.carer, s.cinHolder]), [
      ['mother', true, 'parent-or-carer'],
      ['friend', false, 'other'],
      ['lodger', true, 'household-member'],
    ]);
  });
});

describe('the summary and completeness', () => {
  it('counts each risk factor once by the status it counts as, and conflicts across all factors', () => {
    const assessments = [
      assess('alcohol-misuse', 'excluded', { personId: 'mother', evidence: [carerSays('absent'), record('present')] }),
      assess('mental-health', 'present', { personId: 'mother' }),
      assess('drug-misuse', 'cannot-assess', { personId: 'mother' }),
      assess('learning-disability', 'excluded', { personId: 'mother' }),
      assess('supportive-wider-family', 'present', { evidence: [familyPresent(), carerSays('absent')] }),
    ].reduce(withAssessment, everythingExcluded(['mother']).filter((a) => a.personId !== 'mother'));
    const { summary } = evaluateProfile(facts({ assessments }));
    // Excluded: the baby's 15 and the household's 11, the mother's two derived factors and her learning disability.
    assert.deepEqual(summary, { total: 42, notAssessed: 10, excluded: 15 + 11 + 2 + 1, present: 1, cannotAssess: 1, unverified: 1, conflicts: 2 });
  });

  it('is complete when nothing is open or unverified', () => {
    assert.equal(evaluateProfile(facts()).complete, true);
  });

  it('is not complete while nobody has said who the other children at home are: an empty record excludes nothing', () => {
    const evaluation = evaluateProfile(facts({ infant: baby({ householdChildren: null }) }));
    const sibling = evaluation.subjects[0]!.risk.find((f) => f.factorId === 'sibling-under-two')!;
    assert.deepEqual([sibling.effectiveStatus, evaluation.complete, evaluation.summary.notAssessed], ['not-assessed', false, 1]);
  });

  it('shows an answer on the carer’s word alone as not verified', () => {
    const infant = baby({ householdChildren: { answer: 'none', source: 'carer-account', givenBy: 'her mother', recordedAt: '2026-11-20T10:00:00.000Z', recordedBy: 'Nell Hart', agency: 'Health visiting' } });
    const sibling = evaluateProfile(facts({ infant })).subjects[0]!.risk.find((f) => f.factorId === 'sibling-under-two')!;
    assert.deepEqual([sibling.effectiveStatus, sibling.verified, sibling.excludedOnCarerAccountOnly], ['excluded', false, true]);
  });
});

function familyPresent() {
  return { ...seen('present'), source: 'third-party' as const };
}

describe('evidence from the chronology', () => {
  it('adds an event’s evidence to the factor for the people it names', () => {
    const evaluation = evaluateProfile(facts({ people: [mother(), father()], events: [event('e1', 'mental-health-deterioration', { personIds: ['father'], agency: 'GP surgery' })] }));
    const fatherHealth = evaluation.subjects.find((s) => s.personId === 'father')?.risk.find((f) => f.factorId === 'mental-health');
    assert.deepEqual(fatherHealth?.evidence.map((e) => [e.source, e.indicates, e.eventId, e.agency]), [['agency-record', 'present', 'e1', 'GP surgery']]);
    assert.equal(fatherHealth?.indicated, true);
  });

  it('does not count an event twice once its evidence is stored with the assessment', () => {
    const stored = assess('injury', 'present', { evidence: [{ ...seen('present'), eventId: 'e1' }] });
    const evaluation = evaluateProfile(facts({ assessments: withAssessment(everythingExcluded(['mother']), stored), events: [event('e1', 'injury-observed')] }));
    assert.equal(evaluation.subjects[0]?.risk.find((f) => f.factorId === 'injury')?.evidence.length, 1);
  });

  it('lists trigger events since the last review, oldest first', () => {
    const events = [event('b', 'change-of-address', { occurredAt: '2026-11-20' }), event('a', 'police-incident', { occurredAt: '2026-11-18' }), event('c', 'home-visit', { occurredAt: '2026-11-19' }), event('old', 'birth', { occurredAt: '2026-08-22' })];
    assert.deepEqual(evaluateProfile(facts({ lastReviewedAt: '2026-11-01', events })).triggersSinceReview.map((e) => e.id), ['a', 'b']);
  });
});

describe('findings', () => {
  it('come critical, then high, then attention, in catalogue order within each', () => {
    const assessments = [
      assess('injury', 'present'),
      assess('alcohol-misuse', 'excluded', { personId: 'mother', evidence: [carerSays('absent')] }),
      assess('domestic-abuse-victim', 'present', { personId: 'mother' }),
      assess('previous-child-harmed-or-removed', 'present', { personId: 'mother' }),
    ].reduce(withAssessment, everythingExcluded(['mother']));
    const evaluation = evaluateProfile(facts({ assessments, reviewDueOn: '2026-11-01', people: [mother(), unknownAdult] }));
    assert.deepEqual(findingIds(evaluation), [
      'non-mobile-injury', 'previous-child-removed', 'domestic-abuse', 'hidden-risk', 'fresh-start', 'unverified-exclusion', 'adult-not-assessed', 'reassessment-due', 'gp-not-informed',
    ]);
    const ranks = evaluation.findings.map((f) => ['critical', 'high', 'attention'].indexOf(f.severity));
    assert.deepEqual(ranks, [...ranks].sort());
  });

  it('give each a one-line rationale, guidance and a suggested action', () => {
    const evaluation = evaluateProfile(facts({ assessments: [], people: [mother(), unknownAdult], reviewDueOn: TODAY }));
    assert.ok(evaluation.findings.length > 0);
    for (const finding of evaluation.findings) {
      assert.doesNotMatch(finding.rationale, /\n/);
      assert.match(finding.rationale, /^[A-Z0-9].*\.$/);
      assert.ok(finding.citations.length > 0 && finding.suggestedAction && finding.title);
    }
  });

  it('are none for a fully assessed profile with nothing present', () => {
    assert.deepEqual(findingIds(evaluateProfile(facts())), []);
  });
});

describe('problems in the stored record', () => {
  it('are reported, never thrown, and the rest of the profile still evaluates', () => {
    const evaluation = evaluateProfile(
      facts({
        people: [mother(), mother()],
        assessments: [
          assess('prematurity', 'present'),
          { ...assess('alcohol-misuse', 'present', { personId: 'mother' }), subject: 'household' },
          { ...assess('drug-misuse', 'excluded'), personId: undefined },
          assess('mental-health', 'excluded', { personId: 'nobody' }),
          assess('injury', 'excluded', { evidence: [] }),
          assess('hard-to-soothe', 'present', { detail: ' ' }),
          assess('alcohol-misuse', 'present', { personId: 'mother' }),
          assess('isolation', 'cannot-assess', { reason: '' }),
          assess('isolation', 'present'),
        ],
        events: [event('e1', 'mental-health-deterioration')],
      }),
    );
    assert.deepEqual(
      evaluation.problems.map((p) => p.code),
      ['duplicate-person', 'derived-factor-stored', 'subject-mismatch', 'pattern-needed', 'person-needed', 'unknown-person', 'exclusion-needs-evidence', 'detail-needed', 'pattern-needed', 'reason-needed', 'duplicate-assessment', 'event-names-nobody'],
    );
    const infant = evaluation.subjects[0]!;
    assert.equal(infant.risk.find((f) => f.factorId === 'prematurity')?.status, 'excluded', 'the record wins over a hand-stored derived factor');
    assert.equal(infant.risk.find((f) => f.factorId === 'injury')?.effectiveStatus, 'not-assessed', 'an exclusion without evidence stays open');
  });
});
