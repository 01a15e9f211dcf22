import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assess, baby, event, everythingExcluded, facts, finding, mother, person, seen, withAssessment } from '../profile.test-support.ts';
import type { FactorAssessment, ProfileEvent, ProfileFacts } from '../profile.types.ts';

// Today is 22 November 2026. Grace Okafor's drinking was first seen on 1 November 2026.
const drinking = assess('alcohol-misuse', 'present', { personId: 'mother', pattern: 'stable', evidence: [seen('present', 'Drinking at the visit', { recordedAt: '2026-11-01T10:00:00Z' })] });
const drinkingRecorded = withAssessment(everythingExcluded(['mother']), drinking);
const told = (on: string, id = 'told', over: Partial<ProfileEvent> = {}) => event(id, 'gp-informed', { occurredAt: on, agency: "Children's social care", agencyKind: 'childrens-social-care', ...over });
const withDrinking = (events: ProfileEvent[], overrides: Partial<ProfileFacts> = {}) => facts({ assessments: drinkingRecorded, events, ...overrides });
const fires = (input: ProfileFacts) => finding(input, 'gp-not-informed');

describe('gp-not-informed', () => {
  it('fires, attention, when a carer’s risk factor is present and nothing records the GP being told', () => {
    const found = fires(withDrinking([]));
    assert.equal(found?.severity, 'attention');
    assert.equal(found?.rationale, "No entry records that the GP has been told of Grace Okafor's alcohol misuse (from 1 November 2026).");
    assert.deepEqual(found?.facts, ["Grace Okafor's alcohol misuse (from 1 November 2026)", 'No entry records that the GP has been told of the concerns']);
    assert.deepEqual([found?.factorIds, found?.personIds], [['alcohol-misuse'], ['mother']]);
  });

  it('fires when the GP was told the day before the factor first appeared', () => {
    const found = fires(withDrinking([told('2026-10-31')]));
    assert.equal(found?.rationale, "The GP was last told of the concerns on 31 October 2026, before Grace Okafor's alcohol misuse (from 1 November 2026).");
  });

  it('does not fire when the GP was told the same day or after', () => {
    assert.equal(fires(withDrinking([told('2026-11-01')])), undefined);
    assert.equal(fires(withDrinking([told('2026-11-01T08:00:00Z')])), undefined, 'the same day, even earlier in it');
    assert.equal(fires(withDrinking([told('2026-11-15')])), undefined);
    assert.equal(fires(withDrinking([told('2026-10-01', 'early'), told('2026-11-15', 'late')])), undefined);
  });

  it('counts the GP told by any agency, the GP practice itself included', () => {
    assert.equal(fires(withDrinking([told('2026-11-15', 'told', { agency: 'Health visiting', agencyKind: 'health-visiting' })])), undefined);
    assert.equal(fires(withDrinking([told('2026-11-15', 'told', { agency: 'Riverside surgery', agencyKind: 'gp' })])), undefined);
  });

  it('does not count the GP told on a day after today', () => {
    assert.ok(fires(withDrinking([told('2026-11-23')])));
  });

  it('does not fire with no risk factor present', () => {
    assert.equal(fires(facts()), undefined);
    assert.equal(fires(facts({ assessments: withAssessment(everythingExcluded(['mother']), assess('alcohol-misuse', 'not-assessed', { personId: 'mother' })) })), undefined);
  });

  it('does not fire when the GP recorded the evidence of it: the GP knows', () => {
    const gpNote = event('gp1', 'case-note', { occurredAt: '2026-11-05', agency: 'Riverside surgery', agencyKind: 'gp', personIds: ['mother'], indicates: [{ factorId: 'mental-health', personId: 'mother' }] });
    assert.equal(fires(facts({ events: [gpNote] })), undefined);
    const hvNote: ProfileEvent = { ...gpNote, agency: 'Health visiting', agencyKind: 'health-visiting' };
    assert.match(fires(facts({ events: [hvNote] }))?.rationale ?? '', /Grace Okafor's mental ill health \(from 5 November 2026\)/);
  });

  it('dates a factor from the first entry that is evidence of it, and asks again after a later concern', () => {
    const police = event('p1', 'substance-use-increase', { occurredAt: '2026-11-10', agency: 'Police', agencyKind: 'police', personIds: ['mother'], substance: 'drugs' });
    const found = fires(withDrinking([told('2026-11-05'), police]));
    assert.deepEqual(found?.factorIds, ['drug-misuse']);
    assert.match(found?.rationale ?? '', /last told of the concerns on 5 November 2026, before Grace Okafor's drug misuse \(from 10 November 2026\)\.$/);
    assert.equal(fires(withDrinking([police, told('2026-11-10')])), undefined);
  });

  it('reads the baby’s and the household’s factors, not those of an adult who is not a carer', () => {
    const visitor = person('uncle', { name: 'Lee Okafor', relationshipToInfant: 'uncle', livesInHousehold: false, caresForInfant: false, visitsRegularly: true, sex: 'male' });
    const visitorDrinks = withAssessment(everythingExcluded(['mother', 'uncle']), assess('alcohol-misuse', 'present', { personId: 'uncle', pattern: 'stable' }));
    assert.equal(fires(facts({ people: [mother(), visitor], assessments: visitorDrinks })), undefined);
    const housing: FactorAssessment = assess('housing-instability', 'present', { evidence: [seen('present', 'Sofa surfing', { recordedAt: '2026-11-02' })] });
    assert.match(fires(facts({ assessments: withAssessment(everythingExcluded(['mother']), housing) }))?.rationale ?? '', /the household's unstable housing \(from 2 November 2026\)/i);
    const feeding: FactorAssessment = assess('feeding-difficulty', 'present', { evidence: [seen('present', 'Poor feeding', { recordedAt: '2026-11-03' })] });
    assert.ok(fires(facts({ assessments: withAssessment(everythingExcluded(['mother']), feeding) })));
  });

  it('leaves out derived factors: the GP holds the birth record and the ages', () => {
    assert.equal(fires(facts({ infant: baby({ gestationAtBirthWeeks: 32, birthWeightGrams: 1800 }) })), undefined);
    assert.equal(fires(facts({ people: [mother({ dateOfBirth: '2009-01-01' })] })), undefined);
  });

  it('counts faltering growth, derived from weights other agencies record, from the day of the weight', () => {
    const weighed = { id: 'hv-weight', kind: 'weight' as const, value: 4300, measuredOn: '2026-11-15', recordedBy: 'Nell Hart', agency: 'Health visiting' };
    const faltering = facts({ infant: baby({ measurements: [weighed] }) });
    assert.match(fires(faltering)?.rationale ?? '', /faltering growth/);
    assert.equal(fires({ ...faltering, events: [told('2026-11-15')] }), undefined);
  });

  it('counts evidence pointing to a factor recorded as excluded (risk is assumed)', () => {
    const disputed = assess('alcohol-misuse', 'excluded', { personId: 'mother', evidence: [seen('absent', 'Says she does not drink', { recordedAt: '2026-10-01' }), seen('present', 'Cans in the bin', { recordedAt: '2026-11-12' })] });
    assert.match(fires(facts({ assessments: withAssessment(everythingExcluded(['mother']), disputed) }))?.rationale ?? '', /\(from 12 November 2026\)/);
  });

  it('takes a factor recorded as present with no dated evidence as covered by any earlier telling', () => {
    const undated = withAssessment(everythingExcluded(['mother']), assess('mental-health', 'present', { personId: 'mother', evidence: [] }));
    assert.equal(fires(facts({ assessments: undated }))?.rationale, "No entry records that the GP has been told of Grace Okafor's mental ill health.");
    assert.equal(fires(facts({ assessments: undated, events: [told('2026-06-01')] })), undefined);
  });

  it('names every factor not told, the first three in the line', () => {
    const many = [
      drinking,
      assess('mental-health', 'present', { personId: 'mother' }),
      assess('housing-instability', 'present'),
      assess('feeding-difficulty', 'present'),
    ].reduce(withAssessment, everythingExcluded(['mother']));
    const found = fires(facts({ assessments: many }));
    assert.equal(found?.factorIds.length, 4);
    assert.equal(found?.facts.length, 5);
    assert.match(found?.rationale ?? '', /and 1 more\.$/);
  });
});
