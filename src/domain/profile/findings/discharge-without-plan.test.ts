import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TODAY, baby, event, facts, finding, unbornBaby } from '../profile.test-support.ts';
import type { ProfileEvent, ProfileFacts } from '../profile.types.ts';

// Ruby Okafor, born 22 August 2026; today is 22 November 2026.
const withSocialWorker = (events: ProfileEvent[], overrides: Partial<ProfileFacts> = {}) => facts({ events, teamAgencies: ['health-visiting', 'childrens-social-care'], ...overrides });
const admitted = (on: string, id = 'adm') => event(id, 'hospital-admission', { occurredAt: on, agency: "Children's ward", agencyKind: 'hospital' });
const discharged = (on: string, id = 'dis') => event(id, 'hospital-discharge', { occurredAt: on, agency: "Children's ward", agencyKind: 'hospital' });
const plan = (on: string, id = 'plan') => event(id, 'discharge-plan', { occurredAt: on, agency: "Children's ward", agencyKind: 'hospital' });
const fires = (input: ProfileFacts) => finding(input, 'discharge-without-plan');

describe('discharge-without-plan', () => {
  it('fires, high, for a discharge with a social worker in the team and no discharge plan for the stay', () => {
    const found = fires(withSocialWorker([admitted('2026-11-10'), discharged('2026-11-18T15:00:00Z')]));
    assert.equal(found?.severity, 'high');
    assert.equal(found?.rationale, 'Ruby Okafor went home from hospital on 18 November 2026 with no discharge plan recorded for the stay, and a social worker in the team around the family.');
    assert.deepEqual(found?.facts, [
      'Ruby Okafor went home from hospital on 18 November 2026',
      'Admitted to hospital on 10 November 2026',
      "Children's social care is in the team around the family",
      'No discharge plan is recorded for this stay',
    ]);
    assert.match(found?.suggestedAction ?? '', /who sees the baby first at home and by when.*tell the social worker/);
  });

  it('fires for a neonatal discharge, naming the neonatal stay', () => {
    const found = fires(withSocialWorker([event('n1', 'neonatal-admission', { occurredAt: '2026-08-22' }), event('n2', 'neonatal-discharge', { occurredAt: '2026-10-01' })]));
    assert.match(found?.rationale ?? '', /went home from a neonatal unit on 1 October 2026/);
    assert.deepEqual(found?.factorIds, ['neonatal-unit-stay']);
  });

  it('does not fire without children’s social care in the team', () => {
    assert.equal(fires(facts({ events: [admitted('2026-11-10'), discharged('2026-11-18')], teamAgencies: ['health-visiting', 'hospital'] })), undefined);
    assert.equal(fires(facts({ events: [admitted('2026-11-10'), discharged('2026-11-18')] })), undefined);
  });

  it('does not fire once a discharge plan for the stay is recorded, before the discharge or after it', () => {
    assert.equal(fires(withSocialWorker([admitted('2026-11-10'), plan('2026-11-17'), discharged('2026-11-18')])), undefined);
    assert.equal(fires(withSocialWorker([admitted('2026-11-10'), discharged('2026-11-18'), plan('2026-11-20')])), undefined);
    assert.equal(fires(withSocialWorker([admitted('2026-11-10'), plan('2026-11-10'), discharged('2026-11-18')])), undefined, 'on the day of admission');
  });

  it('does not count a plan made before the stay’s admission', () => {
    assert.ok(fires(withSocialWorker([plan('2026-11-09'), admitted('2026-11-10'), discharged('2026-11-18')])));
  });

  it('does not count a plan dated after today', () => {
    assert.ok(fires(withSocialWorker([admitted('2026-11-10'), discharged('2026-11-18'), plan('2026-11-23')])));
  });

  it('reads only the latest discharge: a readmission needs its own plan', () => {
    const first = [admitted('2026-10-01', 'a1'), plan('2026-10-05', 'p1'), discharged('2026-10-08', 'd1')];
    const found = fires(withSocialWorker([...first, admitted('2026-11-10', 'a2'), discharged('2026-11-18', 'd2')]));
    assert.ok(found?.facts.includes('Admitted to hospital on 10 November 2026, after an earlier stay that ended on 8 October 2026'));
    assert.equal(fires(withSocialWorker([...first, admitted('2026-11-10', 'a2'), plan('2026-11-17', 'p2'), discharged('2026-11-18', 'd2')])), undefined);
  });

  it('clears an earlier unplanned discharge once a later stay has its plan', () => {
    assert.equal(fires(withSocialWorker([admitted('2026-10-01', 'a1'), discharged('2026-10-08', 'd1'), admitted('2026-11-10', 'a2'), plan('2026-11-17', 'p2'), discharged('2026-11-18', 'd2')])), undefined);
  });

  describe('with no admission recorded', () => {
    it('counts a plan up to 28 days before the discharge', () => {
      assert.equal(fires(withSocialWorker([plan('2026-10-21'), discharged('2026-11-18')])), undefined);
      const found = fires(withSocialWorker([plan('2026-10-20'), discharged('2026-11-18')]));
      assert.ok(found?.facts.includes('No discharge plan is recorded from 21 October 2026'));
    });

    it('does not count a plan for the stay before, inside those 28 days', () => {
      assert.ok(fires(withSocialWorker([plan('2026-11-01', 'p1'), discharged('2026-11-02', 'd1'), discharged('2026-11-18', 'd2')])));
      assert.equal(fires(withSocialWorker([discharged('2026-11-02', 'd1'), plan('2026-11-03', 'p2'), discharged('2026-11-18', 'd2')])), undefined);
    });
  });

  it('does not fire for an unborn baby, or for a discharge before the birth (the mother’s stay)', () => {
    assert.equal(fires(withSocialWorker([admitted('2026-11-10'), discharged('2026-11-18')], { infant: unbornBaby('2027-01-20') })), undefined);
    assert.equal(fires(withSocialWorker([admitted('2026-08-10'), discharged('2026-08-12')])), undefined);
  });

  it('does not fire for a discharge dated after today, nor for an admission alone', () => {
    assert.equal(fires(withSocialWorker([admitted('2026-11-20'), discharged('2026-11-23')])), undefined);
    assert.equal(fires(withSocialWorker([admitted('2026-11-20')])), undefined);
  });

  it('reads a baby with no date of birth recorded as born', () => {
    assert.ok(fires(withSocialWorker([discharged('2026-11-18')], { infant: baby({ dateOfBirth: null }) })));
  });

  it('is evaluated on the day given', () => {
    assert.equal(TODAY, '2026-11-22');
    assert.equal(fires(withSocialWorker([discharged('2026-11-18')], { today: '2026-11-17' })), undefined);
  });
});
