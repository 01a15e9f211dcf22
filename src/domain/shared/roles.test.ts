import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkPassword } from './password-policy.ts';
import { isOrganisationKind } from './organisation-kinds.ts';
import { isRole, roleAllows, ROLES } from './roles.ts';

describe('roles', () => {
  it('gives account management and the audit trail to administrators only', () => {
    for (const role of ROLES) {
      assert.equal(roleAllows(role, 'manage-accounts'), role === 'admin', role);
      assert.equal(roleAllows(role, 'read-audit-trail'), role === 'admin', role);
    }
  });

  it('lets every role but the administrator make records for babies', () => {
    for (const role of ROLES) assert.equal(roleAllows(role, 'create-records'), role !== 'admin', role);
  });

  it('recognises the four roles and nothing else', () => {
    assert.deepEqual(ROLES.filter(isRole), [...ROLES]);
    assert.equal(isRole('superuser'), false);
    assert.equal(isRole('toString'), false);
  });
});

describe('organisation kinds', () => {
  it('knows the agencies of a safeguarding partnership', () => {
    for (const kind of ['midwifery', 'health-visiting', 'gp', 'hospital', 'childrens-social-care', 'police', 'housing', 'adult-mental-health', 'substance-misuse']) {
      assert.equal(isOrganisationKind(kind), true, kind);
    }
    assert.equal(isOrganisationKind('constructor'), false);
    assert.equal(isOrganisationKind('bank'), false);
  });
});

describe('password policy', () => {
  it('asks for at least 12 characters and at most 256', () => {
    assert.equal(checkPassword('eleven-char'), 'too-short');
    assert.equal(checkPassword('twelve-chars'), null);
    assert.equal(checkPassword('x'.repeat(257)), 'too-long');
  });
});
