import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { alreadyOnRecord, type PersonOnRecord } from './already-on-record.ts';

const leah: PersonOnRecord = { id: 'leah', nhsNumber: '9434765919', relationshipToInfant: 'mother' };
const dan: PersonOnRecord = { id: 'dan', nhsNumber: null, relationshipToInfant: 'father' };

describe('alreadyOnRecord', () => {
  it('finds a person added again with an NHS number on the record, spaces ignored', () => {
    assert.deepEqual(alreadyOnRecord({ id: null, nhsNumber: '943 476 5919', relationshipToInfant: 'grandparent' }, [dan, leah]), [
      { problem: 'nhs-number-already-on-record', field: 'nhsNumber', existingPersonId: 'leah' },
    ]);
  });

  it("finds a second mother, and both repeats together, in the form's order (relationship, then NHS number)", () => {
    assert.deepEqual(alreadyOnRecord({ id: null, nhsNumber: null, relationshipToInfant: 'mother' }, [leah]), [{ problem: 'mother-already-on-record', field: 'relationshipToInfant', existingPersonId: 'leah' }]);
    assert.deepEqual(
      alreadyOnRecord({ id: null, nhsNumber: '9434765919', relationshipToInfant: 'mother' }, [leah]).map((found) => found.problem),
      ['mother-already-on-record', 'nhs-number-already-on-record'],
    );
  });

  it('finds a person changed to take another one’s NHS number or to be a second mother', () => {
    assert.deepEqual(alreadyOnRecord({ id: 'dan', nhsNumber: '9434765919', relationshipToInfant: 'father' }, [leah, dan]).map((found) => found.existingPersonId), ['leah']);
    assert.deepEqual(alreadyOnRecord({ id: 'dan', nhsNumber: null, relationshipToInfant: 'mother' }, [leah, dan]).map((found) => found.problem), ['mother-already-on-record']);
  });

  it('does not fire for a person saved again as they are, a first mother, other mother figures, or no NHS number', () => {
    assert.deepEqual(alreadyOnRecord({ id: 'leah', nhsNumber: '9434765919', relationshipToInfant: 'mother' }, [leah, dan]), []);
    assert.deepEqual(alreadyOnRecord({ id: null, nhsNumber: '9434765919', relationshipToInfant: 'mother' }, [dan]), []);
    for (const relationship of ['mothers-partner', 'fathers-partner', 'grandparent', 'other-relative', 'professional-carer', 'unknown']) {
      assert.deepEqual(alreadyOnRecord({ id: null, nhsNumber: null, relationshipToInfant: relationship }, [leah]), [], relationship);
    }
    assert.deepEqual(alreadyOnRecord({ id: null, nhsNumber: null, relationshipToInfant: 'father' }, [{ ...dan, id: 'other' }, { id: 'x', nhsNumber: null, relationshipToInfant: 'sibling' }]), []);
    assert.deepEqual(alreadyOnRecord({ id: null, nhsNumber: '4857773457', relationshipToInfant: 'father' }, [leah]), []);
  });
});
