import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { factorsFor } from '../../catalogue/catalogue.ts';
import { everythingExcluded, facts, father, finding, mother, person } from '../profile.test-support.ts';

const motherOnly = everythingExcluded(['mother']);
const fatherFactors = everythingExcluded(['father']).filter((a) => a.personId === 'father');

describe('adult-not-assessed', () => {
  it('fires, attention, for a father who lives with the baby and has nothing assessed', () => {
    const found = finding(facts({ people: [mother(), father()], assessments: motherOnly }), 'adult-not-assessed');
    assert.equal(found?.severity, 'attention');
    assert.equal(found?.rationale, "Daniel Okafor (father) lives in the baby's household, but 14 of 14 factors are not assessed.");
    assert.deepEqual(found?.personIds, ['father']);
  });

  it('puts fathers and partners before mothers', () => {
    const found = finding(facts({ people: [mother(), father()], assessments: [] }), 'adult-not-assessed');
    assert.deepEqual(found?.personIds, ['father', 'mother']);
  });

  it('fires for a carer who does not live with the baby', () => {
    const childminder = person('gran', { name: 'Ada Okafor', relationshipToInfant: 'grandparent', livesInHousehold: false, caresForInfant: true });
    assert.match(finding(facts({ people: [mother(), childminder], assessments: motherOnly }), 'adult-not-assessed')?.rationale ?? '', /Ada Okafor \(grandparent\) cares for the baby/);
  });

  it('does not fire when most factors are assessed: seven of fourteen open is not most', () => {
    const assessable = factorsFor('adult', 'risk').filter((f) => !f.derived);
    assert.equal(assessable.length, 14);
    const half = fatherFactors.slice(0, 7);
    assert.equal(finding(facts({ people: [mother(), father()], assessments: [...motherOnly, ...half] }), 'adult-not-assessed'), undefined);
    const lessThanHalf = fatherFactors.slice(0, 6);
    assert.ok(finding(facts({ people: [mother(), father()], assessments: [...motherOnly, ...lessThanHalf] }), 'adult-not-assessed'));
  });

  it('does not fire for a visitor, or a father who neither lives with nor cares for the baby', () => {
    const visitor = person('friend', { relationshipToInfant: 'friend', livesInHousehold: false, caresForInfant: false, visitsRegularly: true });
    const apart = father({ livesInHousehold: false, caresForInfant: false });
    assert.equal(finding(facts({ people: [mother(), visitor, apart], assessments: motherOnly }), 'adult-not-assessed'), undefined);
  });
});
