import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { escalationRecipients, teamRecipients, type TeamMemberFacts } from './recipients.ts';

const lead: TeamMemberFacts = { userId: 'social-worker', role: 'lead-professional' };
const members: TeamMemberFacts[] = [
  { userId: 'health-visitor', role: 'member' },
  { userId: 'hospital-nurse', role: 'member' },
];

describe('who an alert reaches', () => {
  it('reaches the lead professional and every member, each once, the lead first', () => {
    assert.deepEqual(teamRecipients([...members, lead], 'nobody-in-team'), [
      { userId: 'social-worker', reachedAs: 'lead-professional', acknowledgedAutomatically: false },
      { userId: 'health-visitor', reachedAs: 'team-member', acknowledgedAutomatically: false },
      { userId: 'hospital-nurse', reachedAs: 'team-member', acknowledgedAutomatically: false },
    ]);
  });

  it('lists the person who raised it as acknowledged automatically', () => {
    const recipients = teamRecipients([lead, ...members], 'hospital-nurse');
    assert.deepEqual(recipients.filter((r) => r.acknowledgedAutomatically).map((r) => r.userId), ['hospital-nurse']);
  });

  it('reaches a lead professional who raised it once, as the lead, acknowledged automatically', () => {
    assert.deepEqual(teamRecipients([lead, ...members], 'social-worker')[0], { userId: 'social-worker', reachedAs: 'lead-professional', acknowledgedAutomatically: true });
  });

  it('reaches someone listed twice once, as the lead when either says so', () => {
    const recipients = teamRecipients([{ userId: 'social-worker', role: 'member' }, lead, lead], null);
    assert.deepEqual(recipients, [{ userId: 'social-worker', reachedAs: 'lead-professional', acknowledgedAutomatically: false }]);
  });

  it('reaches nobody when there is no team', () => {
    assert.deepEqual(teamRecipients([], 'someone'), []);
  });

  it('reaches every user in any team exactly once', () => {
    const team = fc.array(fc.record({ userId: fc.constantFrom('a', 'b', 'c', 'd', 'e'), role: fc.constantFrom('lead-professional' as const, 'member' as const) }), { maxLength: 12 });
    fc.assert(
      fc.property(team, fc.option(fc.constantFrom('a', 'b', 'z')), (members, raisedBy) => {
        const recipients = teamRecipients(members, raisedBy);
        assert.deepEqual(recipients.map((r) => r.userId).sort(), [...new Set(members.map((m) => m.userId))].sort());
        for (const r of recipients) assert.equal(r.reachedAs === 'lead-professional', members.some((m) => m.userId === r.userId && m.role === 'lead-professional'));
        assert.ok(recipients.filter((r) => r.acknowledgedAutomatically).every((r) => r.userId === raisedBy));
      }),
    );
  });

  it('escalates to each safeguarding lead not yet reached, once', () => {
    assert.deepEqual(escalationRecipients(['lead-a', 'lead-b', 'lead-a', 'social-worker'], new Set(['social-worker'])), [
      { userId: 'lead-a', reachedAs: 'safeguarding-lead', acknowledgedAutomatically: false },
      { userId: 'lead-b', reachedAs: 'safeguarding-lead', acknowledgedAutomatically: false },
    ]);
    assert.deepEqual(escalationRecipients([], new Set()), []);
  });
});
