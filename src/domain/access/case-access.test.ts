import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Role } from '../shared/roles.ts';
import { decideCaseAccess, mayManageTeam, type CaseAccessFacts, type TeamMember } from './case-access.ts';

const now = new Date('2026-11-22T09:00:00Z');
const later = new Date('2026-11-22T13:00:00Z');
const earlier = new Date('2026-11-22T08:59:59Z');

const lead: TeamMember = { userId: 'lead', organisationId: 'hv', role: 'lead-professional' };
const member: TeamMember = { userId: 'member', organisationId: 'gp', role: 'member' };

function facts(userId: string, role: Role, organisationId: string, extra: Partial<CaseAccessFacts> = {}): CaseAccessFacts {
  return { requester: { userId, role, organisationId }, team: [lead, member], breakGlass: [], now, ...extra };
}

describe('case access', () => {
  it('lets the lead professional see and change everything, restricted details included', () => {
    assert.deepEqual(decideCaseAccess(facts('lead', 'practitioner', 'hv')), { allowed: true, basis: 'lead-professional', canChange: true, canSeeRestricted: true });
  });

  it('lets a team member see and change the case, but not restricted details', () => {
    assert.deepEqual(decideCaseAccess(facts('member', 'practitioner', 'gp')), { allowed: true, basis: 'team-member', canChange: true, canSeeRestricted: false });
  });

  it("lets a safeguarding lead or manager oversee the cases their organisation's practitioners work on", () => {
    for (const role of ['safeguarding-lead', 'manager'] as const) {
      const access = decideCaseAccess(facts('oversight', role, 'gp'));
      assert.deepEqual(access, { allowed: true, basis: 'organisation-oversight', canChange: true, canSeeRestricted: true }, role);
    }
  });

  it("refuses a safeguarding lead from an organisation with nobody in the team", () => {
    assert.deepEqual(decideCaseAccess(facts('oversight', 'safeguarding-lead', 'police')), { allowed: false });
  });

  it('refuses a practitioner of the same organisation who is not in the team', () => {
    assert.deepEqual(decideCaseAccess(facts('colleague', 'practitioner', 'hv')), { allowed: false });
  });

  it('gives an administrator no access to records by role alone', () => {
    assert.deepEqual(decideCaseAccess(facts('admin', 'admin', 'hv')), { allowed: false });
  });

  it('lets a practitioner with live break-glass access read, not change, and not see restricted details', () => {
    const access = decideCaseAccess(facts('outsider', 'practitioner', 'police', { breakGlass: [{ userId: 'outsider', expiresAt: later }] }));
    assert.deepEqual(access, { allowed: true, basis: 'break-glass', canChange: false, canSeeRestricted: false, breakGlassExpiresAt: later });
  });

  it('ends break-glass access when it expires, and never shares it with someone else', () => {
    assert.deepEqual(decideCaseAccess(facts('outsider', 'practitioner', 'police', { breakGlass: [{ userId: 'outsider', expiresAt: now }] })), { allowed: false });
    assert.deepEqual(decideCaseAccess(facts('outsider', 'practitioner', 'police', { breakGlass: [{ userId: 'outsider', expiresAt: earlier }] })), { allowed: false });
    assert.deepEqual(decideCaseAccess(facts('other', 'practitioner', 'police', { breakGlass: [{ userId: 'outsider', expiresAt: later }] })), { allowed: false });
  });

  it('prefers the strongest basis when several apply', () => {
    const both = decideCaseAccess(facts('member', 'practitioner', 'gp', { breakGlass: [{ userId: 'member', expiresAt: later }] }));
    assert.equal(both.allowed && both.basis, 'team-member');
  });

  it('refuses everyone on a case with no team, bar break-glass', () => {
    assert.deepEqual(decideCaseAccess(facts('oversight', 'safeguarding-lead', 'hv', { team: [] })), { allowed: false });
  });

  it('lets only the lead professional and organisation oversight manage the team', () => {
    assert.equal(mayManageTeam(decideCaseAccess(facts('lead', 'practitioner', 'hv'))), true);
    assert.equal(mayManageTeam(decideCaseAccess(facts('oversight', 'manager', 'gp'))), true);
    assert.equal(mayManageTeam(decideCaseAccess(facts('member', 'practitioner', 'gp'))), false);
    assert.equal(mayManageTeam(decideCaseAccess(facts('x', 'practitioner', 'x', { breakGlass: [{ userId: 'x', expiresAt: later }] }))), false);
    assert.equal(mayManageTeam({ allowed: false }), false);
  });
});
