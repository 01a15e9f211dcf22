import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assess, event, everythingExcluded, facts, father, finding, mother, person, withAssessment } from '../profile.test-support.ts';

const visitor = person('uncle', { name: 'Sam Okafor', relationshipToInfant: 'other-relative', livesInHousehold: false, caresForInfant: false, visitsRegularly: true, sex: 'male' });
const people = [mother(), father({ caresForInfant: false }), visitor];
const base = everythingExcluded(['mother', 'father', 'uncle']);
const using = (personId: string, id: 'alcohol-misuse' | 'drug-misuse', pattern?: 'stable' | 'chaotic') =>
  facts({ people, assessments: withAssessment(base, assess(id, 'present', { personId, ...(pattern ? { pattern } : {}) })) });

describe('chaotic-substance-use', () => {
  it('fires, high, for a carer whose drinking is chaotic', () => {
    const found = finding(using('mother', 'alcohol-misuse', 'chaotic'), 'chaotic-substance-use');
    assert.equal(found?.severity, 'high');
    assert.equal(found?.rationale, "Grace Okafor's alcohol misuse is chaotic.");
  });

  it('fires for chaotic drug use by an adult who lives with the baby without caring for it', () => {
    assert.deepEqual(finding(using('father', 'drug-misuse', 'chaotic'), 'chaotic-substance-use')?.personIds, ['father']);
  });

  it('does not fire for stable use', () => {
    assert.equal(finding(using('mother', 'alcohol-misuse', 'stable'), 'chaotic-substance-use'), undefined);
  });

  it('treats use with no pattern recorded as chaotic until it is shown to be stable', () => {
    assert.match(finding(using('mother', 'drug-misuse'), 'chaotic-substance-use')?.rationale ?? '', /treated as chaotic until shown to be stable/);
  });

  it('does not fire for a visitor who neither lives with nor cares for the baby', () => {
    assert.equal(finding(using('uncle', 'alcohol-misuse', 'chaotic'), 'chaotic-substance-use'), undefined);
  });

  it('does not fire when excluded', () => {
    assert.equal(finding(facts({ people, assessments: base }), 'chaotic-substance-use'), undefined);
  });

  it('fires on a rise in drinking reported for a carer not yet assessed, but not for one assessed as stable', () => {
    const rise = event('e1', 'substance-use-increase', { personIds: ['mother'], substance: 'alcohol' });
    const open = base.filter((a) => !(a.factorId === 'alcohol-misuse' && a.personId === 'mother'));
    assert.ok(finding(facts({ people, assessments: open, events: [rise] }), 'chaotic-substance-use'));
    const stable = withAssessment(base, assess('alcohol-misuse', 'present', { personId: 'mother', pattern: 'stable' }));
    assert.equal(finding(facts({ people, assessments: stable, events: [rise] }), 'chaotic-substance-use'), undefined);
  });
});
