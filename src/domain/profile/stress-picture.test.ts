import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { factorDefinition } from '../catalogue/catalogue.ts';
import { evaluateProfile } from './evaluate-profile.ts';
import { assess, carerSays, event, everythingExcluded, facts, father, mother, person, record, withAssessment } from './profile.test-support.ts';
import { stressPicture } from './stress-picture.ts';
import type { StressResponseId } from '../catalogue/stress-responses.ts';
import type { FactorAssessment, ProfileFacts } from './profile.types.ts';

const gran = person('gran', { name: 'Ada Okafor', relationshipToInfant: 'grandparent', livesInHousehold: false, caresForInfant: false, visitsRegularly: true });
const people = [mother(), father(), gran];
const base = everythingExcluded(['mother', 'father', 'gran']);
const picture = (changes: FactorAssessment[], more: Partial<ProfileFacts> = {}) =>
  stressPicture(evaluateProfile(facts({ people, assessments: changes.reduce(withAssessment, base), ...more })));
const responding = (personId: string, status: FactorAssessment['status'], responses: StressResponseId[], options: Parameters<typeof assess>[2] = {}): FactorAssessment => ({
  ...assess('harmful-stress-response', status, { personId, ...options }),
  responses,
});

describe('the stress picture: stressors', () => {
  it('has none when every stressor is excluded', () => {
    assert.deepEqual(picture([]).stressors, []);
  });

  it('lists the stressors present on the baby and the household, in catalogue order, with their labels', () => {
    const { stressors } = picture([assess('material-hardship', 'present'), assess('hard-to-soothe', 'present')]);
    assert.deepEqual(stressors, [
      { factorId: 'hard-to-soothe', subject: 'infant', label: factorDefinition('hard-to-soothe').label, status: 'present', onEvidenceOnly: false, derived: false },
      { factorId: 'material-hardship', subject: 'household', label: factorDefinition('material-hardship').label, status: 'present', onEvidenceOnly: false, derived: false },
    ]);
  });

  it('counts a stressor that evidence shows though it is recorded otherwise, and says so', () => {
    const { stressors } = picture([assess('isolation', 'excluded', { evidence: [carerSays('absent'), record('present', 'No family nearby, per GP')] })]);
    assert.deepEqual(
      stressors.map((s) => [s.factorId, s.status, s.onEvidenceOnly]),
      [['isolation', 'excluded', true]],
    );
    const moved = picture([assess('housing-instability', 'not-assessed')], { events: [event('e1', 'change-of-address')] });
    assert.deepEqual(moved.stressors.map((s) => [s.factorId, s.onEvidenceOnly]), [['housing-instability', true]]);
  });

  it('fills a sibling under two from the record, marked as derived', () => {
    const toddler = person('toby', { name: 'Toby', relationshipToInfant: 'sibling', dateOfBirth: '2025-09-01' });
    const { stressors } = stressPicture(evaluateProfile(facts({ people: [...people, toddler], assessments: base })));
    assert.deepEqual(stressors.map((s) => [s.factorId, s.derived]), [['sibling-under-two', true]]);
  });

  it('leaves out hazards that are not pressures: unsafe sleep and smoking', () => {
    assert.deepEqual(picture([assess('unsafe-sleep', 'present'), assess('smoking-in-home', 'present')]).stressors, []);
  });

  it('leaves out stressors not yet assessed: they are assumed, not known', () => {
    assert.deepEqual(picture([assess('isolation', 'not-assessed'), assess('feeding-difficulty', 'cannot-assess')]).stressors, []);
  });
});

describe('the stress picture: each carer’s responses', () => {
  it('lists each carer in record order and leaves out a visitor', () => {
    const { carers } = picture([]);
    assert.deepEqual(carers.map((c) => [c.personId, c.name, c.relationshipToInfant]), [['mother', 'Grace Okafor', 'mother'], ['father', 'Daniel Okafor', 'father']]);
  });

  it('splits harmful from helpful responses, each in catalogue order, once', () => {
    const { carers } = picture([responding('mother', 'present', ['seeks-help', 'drinks-alcohol', 'anger-or-aggression', 'seeks-help', 'takes-a-break-safely'], { detail: '' })]);
    assert.deepEqual(carers[0], {
      personId: 'mother',
      name: 'Grace Okafor',
      relationshipToInfant: 'mother',
      status: 'present',
      conflict: false,
      harmful: ['anger-or-aggression', 'drinks-alcohol'],
      helpful: ['seeks-help', 'takes-a-break-safely'],
      respondsHarmfully: true,
    });
  });

  it('gives the status as it counts, and what is known', () => {
    const { carers } = picture([
      responding('mother', 'excluded', ['seeks-help'], { evidence: [carerSays('absent', 'Says she goes for a walk')] }),
      responding('father', 'present', [], { detail: 'Shouts when tired.' }),
    ]);
    assert.deepEqual(carers.map((c) => [c.status, c.detail, c.respondsHarmfully]), [
      ['unverified-exclusion', undefined, false],
      ['present', 'Shouts when tired.', true],
    ]);
  });

  it('counts a named harmful response as responding harmfully whatever the status', () => {
    const { carers } = picture([responding('mother', 'not-assessed', ['self-harm']), responding('father', 'cannot-assess', ['seeks-help'])]);
    assert.deepEqual(carers.map((c) => [c.status, c.harmful, c.helpful, c.respondsHarmfully]), [
      ['not-assessed', ['self-harm'], [], true],
      ['cannot-assess', [], ['seeks-help'], false],
    ]);
  });

  it('shows a conflict when evidence points both ways', () => {
    const conflicted = assess('harmful-stress-response', 'excluded', { personId: 'mother', evidence: [carerSays('absent'), record('present', 'Police: assault at home')] });
    const [mum] = picture([conflicted]).carers;
    assert.equal(mum?.conflict, true);
    assert.equal(mum?.respondsHarmfully, true);
  });

  it('shows a carer with nothing recorded as not yet assessed, with no responses', () => {
    const { carers } = stressPicture(evaluateProfile(facts({ people: [mother()], assessments: [] })));
    assert.deepEqual(carers, [{ personId: 'mother', name: 'Grace Okafor', relationshipToInfant: 'mother', status: 'not-assessed', conflict: false, harmful: [], helpful: [], respondsHarmfully: false }]);
  });

  it('has no carers when nobody lives with or cares for the baby', () => {
    assert.deepEqual(stressPicture(evaluateProfile(facts({ people: [gran], assessments: [] }))).carers, []);
  });
});
