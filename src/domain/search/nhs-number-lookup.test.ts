import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ORGANISATION_KINDS } from '../shared/organisation-kinds.ts';
import { ROLES } from '../shared/roles.ts';
import { lookedUpAs, mayLookUpNhsNumbers } from './nhs-number-lookup.ts';

describe('who may look up an NHS number', () => {
  it('answers hospitals, midwives, GPs, the police and children’s social care', () => {
    for (const kind of ['hospital', 'midwifery', 'gp', 'police', 'childrens-social-care']) {
      for (const role of ['practitioner', 'safeguarding-lead', 'manager'] as const) assert.equal(mayLookUpNhsNumbers(role, kind), true, `${role} ${kind}`);
    }
  });

  it('refuses every other agency, which searches instead', () => {
    const others = Object.keys(ORGANISATION_KINDS).filter((kind) => !['hospital', 'midwifery', 'gp', 'police', 'childrens-social-care'].includes(kind));
    assert.deepEqual(others, ['health-visiting', 'housing', 'adult-mental-health', 'substance-misuse', 'early-help', 'education']);
    for (const kind of others) assert.equal(mayLookUpNhsNumbers('practitioner', kind), false, kind);
    assert.equal(mayLookUpNhsNumbers('practitioner', 'not-a-kind'), false);
  });

  it('refuses an administrator, even of a hospital or the police', () => {
    assert.ok(ROLES.includes('admin'));
    assert.equal(mayLookUpNhsNumbers('admin', 'hospital'), false);
    assert.equal(mayLookUpNhsNumbers('admin', 'police'), false);
  });
});

describe('what the person looked up is to each baby', () => {
  it('is the baby, by its own NHS number', () => {
    assert.deepEqual(lookedUpAs(['nhs-number'], []), ['baby']);
  });

  it("is the mother, by her number on the unborn baby's record or as a person around the baby, said once", () => {
    assert.deepEqual(lookedUpAs(['mother-nhs-number'], []), ['mother']);
    assert.deepEqual(lookedUpAs(['mother-nhs-number'], [{ relationship: 'mother', on: ['nhs-number'] }]), ['mother']);
  });

  it('is each relationship a person with that number has to the baby, in the listed order', () => {
    assert.deepEqual(lookedUpAs([], [{ relationship: 'mothers-partner', on: ['nhs-number'] }, { relationship: 'father', on: ['nhs-number'] }]), ['father', 'mothers-partner']);
  });

  it('leaves out what did not match by NHS number', () => {
    assert.deepEqual(lookedUpAs(['postcode', 'name'], [{ relationship: 'father', on: ['name'] }]), []);
  });
});
