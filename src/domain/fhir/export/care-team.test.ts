import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { careTeamResource } from './care-team.ts';
import { ukCoreProblems } from './uk-core-rules.test-support.ts';

describe('the team around the family as a UK Core CareTeam', () => {
  it('names each member, their place in the team and their organisation, and keeps the rules', () => {
    const team = careTeamResource([{ name: 'Hana Visitor', organisationName: 'Shire Health Visiting', role: 'lead-professional' }, { name: 'Gill Member', organisationName: 'Elm Surgery', role: 'member' }], 'case-1');
    assert.deepEqual(ukCoreProblems({ ...team }), []);
    assert.deepEqual(team.subject, { reference: 'Patient/case-1' });
    assert.deepEqual(team.participant?.[0], { role: [{ text: 'Lead professional' }], member: { type: 'Practitioner', display: 'Hana Visitor' }, onBehalfOf: { type: 'Organization', display: 'Shire Health Visiting' } });
    assert.equal(team.participant?.[1]?.role[0]?.text, 'Member of the team');
  });

  it('has no participants when the team is empty', () => {
    const team = careTeamResource([], 'case-1');
    assert.equal(team.participant, undefined);
    assert.deepEqual(ukCoreProblems({ ...team }), []);
  });
});
