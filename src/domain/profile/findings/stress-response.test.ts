import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { STRESS_RESPONSES, STRESS_RESPONSE_IDS, isHarmfulStressResponse } from '../../catalogue/stress-responses.ts';
import { FACTOR_STATUS_IDS } from '../../catalogue/statuses.ts';
import { assess, event, everythingExcluded, facts, father, finding, mother, person, record, withAssessment } from '../profile.test-support.ts';
import type { StressResponseId } from '../../catalogue/stress-responses.ts';
import type { FactorAssessment } from '../profile.types.ts';

const visitor = person('gran', { name: 'Ada Okafor', relationshipToInfant: 'grandparent', livesInHousehold: false, caresForInfant: false, visitsRegularly: true });
const people = [mother(), visitor];
const base = everythingExcluded(['mother', 'gran']);
const withAll = (...changes: FactorAssessment[]) => facts({ people, assessments: changes.reduce(withAssessment, base) });
const angry = (personId = 'mother') => assess('harmful-stress-response', 'present', { personId, detail: 'Shouts and throws things when tired' });

describe('stress-response', () => {
  it('fires, high, for a carer’s harmful response to stress and a baby who is hard to settle', () => {
    const found = finding(withAll(angry(), assess('hard-to-soothe', 'present')), 'stress-response');
    assert.equal(found?.severity, 'high');
    assert.equal(found?.rationale, 'Grace Okafor is known to respond to stress harmfully (Shouts and throws things when tired), and the home is under pressure from crying or being hard to settle.');
    assert.deepEqual(found?.factorIds, ['harmful-stress-response', 'hard-to-soothe']);
  });

  it('fires for a toddler at home, filled in from the record', () => {
    const toddler = person('toby', { name: 'Toby', relationshipToInfant: 'sibling', dateOfBirth: '2025-09-01' });
    const found = finding({ ...withAll(angry()), people: [...people, toddler] }, 'stress-response');
    assert.match(found?.rationale ?? '', /another child under two at home/);
  });

  it('fires for a household pressure: poverty, housing, conflict, a child with additional needs', () => {
    for (const id of ['material-hardship', 'housing-instability', 'parental-conflict', 'child-with-additional-needs', 'bereavement'] as const) {
      assert.ok(finding(withAll(angry(), assess(id, 'present')), 'stress-response'), id);
    }
  });

  it('fires for feeding difficulty or a baby’s complex health needs', () => {
    assert.ok(finding(withAll(angry(), assess('feeding-difficulty', 'present')), 'stress-response'));
    assert.ok(finding(withAll(angry(), assess('disability-or-complex-health', 'present')), 'stress-response'));
  });

  it('does not fire for a harmful response with no stressor present', () => {
    assert.equal(finding(withAll(angry()), 'stress-response'), undefined);
  });

  it('does not count unsafe sleep or smoking as stressors: they are hazards', () => {
    assert.equal(finding(withAll(angry(), assess('unsafe-sleep', 'present'), assess('smoking-in-home', 'present')), 'stress-response'), undefined);
  });

  it('does not fire for stressors when no carer’s response is harmful', () => {
    assert.equal(finding(withAll(assess('hard-to-soothe', 'present'), assess('material-hardship', 'present')), 'stress-response'), undefined);
  });

  it('does not fire for a visitor’s harmful response', () => {
    assert.equal(finding(withAll(angry('gran'), assess('hard-to-soothe', 'present')), 'stress-response'), undefined);
  });
});

describe('stress-response: the responses each carer is known to have', () => {
  const hardToSoothe = assess('hard-to-soothe', 'present');
  const responding = (status: FactorAssessment['status'], responses: readonly StressResponseId[], options: Parameters<typeof assess>[2] = {}): FactorAssessment => ({
    ...assess('harmful-stress-response', status, { personId: 'mother', ...(status === 'present' ? { detail: '' } : {}), ...options }),
    responses,
  });
  const helpfulPhrases = STRESS_RESPONSE_IDS.filter((id) => !isHarmfulStressResponse(id)).map((id) => STRESS_RESPONSES[id].phrase);

  it('names the harmful responses in plain words, then the stressors', () => {
    const found = finding(withAll(responding('present', ['anger-or-aggression', 'drinks-alcohol']), hardToSoothe), 'stress-response');
    assert.equal(found?.rationale, 'Grace Okafor is known to respond to stress with anger or aggression and drinking, and the home is under pressure from crying or being hard to settle.');
    assert.deepEqual(found?.facts, ['Grace Okafor is known to respond to stress with anger or aggression and drinking', 'the home is under pressure from crying or being hard to settle']);
    assert.deepEqual(found?.personIds, ['mother']);
    assert.deepEqual(found?.factorIds, ['harmful-stress-response', 'hard-to-soothe']);
  });

  it('lists the responses in catalogue order, each once, whatever order they were ticked in', () => {
    const found = finding(withAll(responding('present', ['self-harm', 'drinks-alcohol', 'anger-or-aggression', 'drinks-alcohol']), hardToSoothe), 'stress-response');
    assert.match(found?.rationale ?? '', /^Grace Okafor is known to respond to stress with anger or aggression, drinking and self-harm, and /);
  });

  it('uses every harmful response’s phrase', () => {
    for (const id of STRESS_RESPONSE_IDS.filter(isHarmfulStressResponse)) {
      const found = finding(withAll(responding('present', [id]), hardToSoothe), 'stress-response');
      assert.ok(found?.rationale.startsWith(`Grace Okafor is known to respond to stress with ${STRESS_RESPONSES[id].phrase}, and `), id);
    }
  });

  it('adds what is known after the responses', () => {
    const found = finding(withAll(responding('present', ['anger-or-aggression'], { detail: 'Shouts when the baby will not settle.' }), hardToSoothe), 'stress-response');
    assert.match(found?.rationale ?? '', /^Grace Okafor is known to respond to stress with anger or aggression \(Shouts when the baby will not settle\), and /);
  });

  it('never lists a helpful response as a risk', () => {
    const found = finding(withAll(responding('present', ['seeks-help', 'anger-or-aggression', 'takes-a-break-safely']), hardToSoothe), 'stress-response');
    assert.match(found?.rationale ?? '', /with anger or aggression, and the home/);
    for (const phrase of helpfulPhrases) assert.ok(!found?.facts.some((fact) => fact.includes(phrase)), phrase);
  });

  it('keeps the words for a response known only from the detail, when the responses ticked are all helpful', () => {
    const found = finding(withAll(responding('present', ['seeks-help'], { detail: 'Punched a wall last month' }), hardToSoothe), 'stress-response');
    assert.equal(found?.rationale, 'Grace Okafor is known to respond to stress harmfully (Punched a wall last month), and the home is under pressure from crying or being hard to settle.');
  });

  it('does not fire for a carer whose only responses are helpful and whose factor is not indicated', () => {
    for (const status of ['not-assessed', 'excluded', 'cannot-assess'] as const) {
      assert.equal(finding(withAll(responding(status, ['seeks-help', 'takes-a-break-safely']), hardToSoothe), 'stress-response'), undefined, status);
    }
  });

  it('fires on a harmful response named while the factor is not yet assessed or cannot be assessed: risk is assumed', () => {
    for (const status of ['not-assessed', 'cannot-assess'] as const) {
      const found = finding(withAll(responding(status, ['rough-handling']), hardToSoothe), 'stress-response');
      assert.match(found?.rationale ?? '', /^Grace Okafor is known to respond to stress with rough handling, /, status);
    }
  });

  it('fires when evidence says the response is harmful, though it is recorded as not assessed', () => {
    const evidenced = assess('harmful-stress-response', 'not-assessed', { personId: 'mother', evidence: [record('present', 'Arrested for assault when under pressure')] });
    assert.match(finding(withAll(evidenced, hardToSoothe), 'stress-response')?.rationale ?? '', /^Grace Okafor is known to respond to stress harmfully, and /);
  });

  it('does not fire for harmful responses with no stressor at home', () => {
    assert.equal(finding(withAll(responding('present', ['anger-or-aggression'])), 'stress-response'), undefined);
  });

  it('does not fire for a visitor’s harmful responses', () => {
    const gran: FactorAssessment = { ...responding('present', ['anger-or-aggression']), personId: 'gran' };
    assert.equal(finding(withAll(gran, hardToSoothe), 'stress-response'), undefined);
  });

  it('names each carer in turn, then every stressor', () => {
    const dad = father();
    const input = facts({
      people: [mother(), dad],
      assessments: [
        responding('present', ['anger-or-aggression']),
        { ...responding('present', ['uses-drugs', 'seeks-help']), personId: 'father' },
        hardToSoothe,
        assess('material-hardship', 'present'),
      ].reduce(withAssessment, everythingExcluded(['mother', 'father'])),
    });
    const found = finding(input, 'stress-response');
    assert.deepEqual(found?.personIds, ['mother', 'father']);
    assert.deepEqual(found?.factorIds, ['harmful-stress-response', 'hard-to-soothe', 'material-hardship']);
    assert.equal(
      found?.rationale,
      'Grace Okafor is known to respond to stress with anger or aggression; Daniel Okafor is known to respond to stress with using drugs, and the home is under pressure from crying or being hard to settle and poverty or lack of essentials.',
    );
  });

  it('counts a stressor that only evidence shows', () => {
    const hardship = assess('material-hardship', 'not-assessed', { evidence: [record('present', 'Food bank referral')] });
    assert.ok(finding(withAll(responding('present', ['drinks-alcohol']), hardship), 'stress-response'));
    const moved = event('e1', 'change-of-address');
    assert.ok(finding({ ...withAll(responding('present', ['drinks-alcohol']), assess('housing-instability', 'not-assessed')), events: [moved] }, 'stress-response'));
  });

  it('fires exactly when a carer responds harmfully, and helpful responses never change it', () => {
    const responses = fc.uniqueArray(fc.constantFrom(...STRESS_RESPONSE_IDS), { maxLength: STRESS_RESPONSE_IDS.length });
    fc.assert(
      fc.property(fc.constantFrom(...FACTOR_STATUS_IDS), responses, fc.boolean(), (status, ticked, detail) => {
        const given = responding(status, ticked, detail ? { detail: 'Shouts' } : {});
        const found = finding(withAll(given, hardToSoothe), 'stress-response');
        const harmfulOnly = finding(withAll({ ...given, responses: ticked.filter(isHarmfulStressResponse) }, hardToSoothe), 'stress-response');
        assert.deepEqual(found, harmfulOnly);
        const harmful = ticked.some(isHarmfulStressResponse);
        assert.equal(found !== undefined, status === 'present' || harmful);
        for (const phrase of helpfulPhrases) assert.ok(!found?.rationale.includes(phrase), phrase);
      }),
      { numRuns: 200 },
    );
  });
});
