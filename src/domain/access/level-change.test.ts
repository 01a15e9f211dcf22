import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CASE_LEVEL_IDS, type CaseLevel } from '../shared/case-levels.ts';
import type { AccessBasis } from './case-access.ts';
import { decideLevelChange, followingConference, isStatutoryLevel, mayDecideLevelProposal, protectionPlanConference, type MeetingForLevel } from './level-change.ts';

const BASES: AccessBasis[] = ['lead-professional', 'organisation-oversight', 'team-member', 'break-glass'];
const pairs = CASE_LEVEL_IDS.flatMap((from) => CASE_LEVEL_IDS.filter((to) => to !== from).map((to) => [from, to] as [CaseLevel, CaseLevel]));

describe('who may change the level of support', () => {
  it('lets a housing officer in the team change no level at all', () => {
    for (const [from, to] of pairs) assert.equal(decideLevelChange({ basis: 'team-member', organisationKind: 'housing', from, to }).allowed, false, `${from} → ${to}`);
  });

  it('refuses a move into or out of child protection to a lead professional outside children’s social care', () => {
    assert.deepEqual(decideLevelChange({ basis: 'lead-professional', organisationKind: 'health-visiting', from: 'early-help', to: 'child-protection' }), { allowed: false, reason: 'statutory-level' });
    assert.deepEqual(decideLevelChange({ basis: 'organisation-oversight', organisationKind: 'midwifery', from: 'child-protection', to: 'universal' }), { allowed: false, reason: 'statutory-level' });
  });

  it('lets children’s social care in the team, lead, member or oversight, record any statutory move', () => {
    for (const basis of ['lead-professional', 'organisation-oversight', 'team-member'] as const) {
      for (const [from, to] of pairs.filter(([a, b]) => isStatutoryLevel(a) || isStatutoryLevel(b))) {
        assert.equal(decideLevelChange({ basis, organisationKind: 'childrens-social-care', from, to }).allowed, true, `${basis} ${from} → ${to}`);
      }
    }
  });

  it('lets the lead professional or oversight of any agency move between universal and early help, and no one else', () => {
    for (const basis of BASES) {
      for (const [from, to] of [['universal', 'early-help'], ['early-help', 'universal']] as const) {
        const expected = basis === 'lead-professional' || basis === 'organisation-oversight';
        assert.equal(decideLevelChange({ basis, organisationKind: 'health-visiting', from, to }).allowed, expected, `${basis} ${from} → ${to}`);
      }
    }
  });

  it('never lets emergency (break-glass) access change a level, whatever the agency', () => {
    for (const [from, to] of pairs) assert.equal(decideLevelChange({ basis: 'break-glass', organisationKind: 'childrens-social-care', from, to }).allowed, false);
  });
});

describe('the conference a move to child protection follows', () => {
  const meeting = (id: string, kind: string, heldOn: string, protectionPlan?: boolean): MeetingForLevel => ({ id, kind, heldOn, ...(protectionPlan === undefined ? {} : { protectionPlan }) });
  const today = '2027-03-10';

  it('is the latest conference held by today that decided on a plan, named in words', () => {
    const meetings = [meeting('a', 'pre-birth-conference', '2027-01-20', true), meeting('b', 'initial-conference', '2027-03-03', true), meeting('c', 'strategy-discussion', '2027-03-05')];
    const found = protectionPlanConference(meetings, today);
    assert.ok(found);
    assert.equal(found.id, 'b');
    assert.equal(followingConference(found), 'following the initial child protection conference of 3 March 2027');
    assert.equal(followingConference(meeting('r', 'review-conference', '2027-06-01', true)), 'following the review child protection conference of 1 June 2027');
  });

  it('is none without a plan decided, an unknown answer, a meeting that is not a conference, or one dated after today (near misses)', () => {
    assert.equal(protectionPlanConference([meeting('a', 'initial-conference', '2027-03-03', false)], today), null);
    assert.equal(protectionPlanConference([meeting('a', 'initial-conference', '2027-03-03')], today), null);
    assert.equal(protectionPlanConference([meeting('a', 'strategy-discussion', '2027-03-03', true), meeting('b', 'core-group', '2027-03-04', true)], today), null);
    assert.equal(protectionPlanConference([meeting('a', 'review-conference', '2027-03-11', true)], today), null);
    assert.equal(protectionPlanConference([], today), null);
  });
});

describe('who answers a proposal to change the level', () => {
  it('is the lead professional, whatever their role, or a safeguarding lead overseeing the case', () => {
    assert.equal(mayDecideLevelProposal('lead-professional', 'practitioner'), true);
    assert.equal(mayDecideLevelProposal('organisation-oversight', 'safeguarding-lead'), true);
  });
  it('is not a manager, a team member (even a safeguarding lead in the team), or emergency access (near misses)', () => {
    assert.equal(mayDecideLevelProposal('organisation-oversight', 'manager'), false);
    assert.equal(mayDecideLevelProposal('team-member', 'safeguarding-lead'), false);
    assert.equal(mayDecideLevelProposal('team-member', 'practitioner'), false);
    assert.equal(mayDecideLevelProposal('break-glass', 'safeguarding-lead'), false);
  });
});
