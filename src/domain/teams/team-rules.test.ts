import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkTeamName, mayManageTeams, TEAM_NAME_MAX_LENGTH } from './team-rules.ts';

describe('teams within an organisation', () => {
  it('lets an administrator manage any organisation’s teams, a manager only their own, and nobody else', () => {
    assert.equal(mayManageTeams({ role: 'admin', organisationId: 'a' }, 'b'), true);
    assert.equal(mayManageTeams({ role: 'manager', organisationId: 'a' }, 'a'), true);
    assert.equal(mayManageTeams({ role: 'manager', organisationId: 'a' }, 'b'), false);
    assert.equal(mayManageTeams({ role: 'safeguarding-lead', organisationId: 'a' }, 'a'), false);
    assert.equal(mayManageTeams({ role: 'practitioner', organisationId: 'a' }, 'a'), false);
    assert.equal(mayManageTeams('operator', 'a'), true);
  });

  it('keeps a name trimmed, with its inner spaces made one, and refuses one empty or too long', () => {
    assert.deepEqual(checkTeamName('  Assessment   team '), { ok: true, name: 'Assessment team' });
    assert.deepEqual(checkTeamName('   '), { ok: false, problem: 'empty' });
    assert.deepEqual(checkTeamName('x'.repeat(TEAM_NAME_MAX_LENGTH)), { ok: true, name: 'x'.repeat(TEAM_NAME_MAX_LENGTH) });
    assert.deepEqual(checkTeamName('x'.repeat(TEAM_NAME_MAX_LENGTH + 1)), { ok: false, problem: 'too-long' });
    assert.deepEqual(checkTeamName('é'.repeat(TEAM_NAME_MAX_LENGTH)), { ok: true, name: 'é'.repeat(TEAM_NAME_MAX_LENGTH) }, 'counted in characters, not bytes');
  });
});
