import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { protectionStatusOf } from './protection-status.ts';

const TODAY = '2026-11-22';
const conference = (kind: 'initial-conference' | 'review-conference' | 'pre-birth-conference', heldOn: string, protectionPlan?: boolean) => ({ kind, heldOn, ...(protectionPlan === undefined ? {} : { protectionPlan }) });
const none = { childProtectionPlan: false, planStartedOn: null, latestPlanEndedOn: null, lookedAfter: false };

describe('a baby’s child protection status for the NHS number lookup', () => {
  it('says nothing of a plan when no conference made one and the level is not child protection', () => {
    assert.deepEqual(protectionStatusOf('universal', [], TODAY), none);
    assert.deepEqual(protectionStatusOf('child-in-need', [conference('initial-conference', '2026-10-01', false)], TODAY), none);
  });

  it('a plan from the initial conference, running: since that day', () => {
    assert.deepEqual(protectionStatusOf('child-protection', [conference('initial-conference', '2026-10-01', true)], TODAY), { ...none, childProtectionPlan: true, planStartedOn: '2026-10-01' });
  });

  it('an unborn baby’s plan from the pre-birth conference', () => {
    assert.deepEqual(protectionStatusOf('child-protection', [conference('pre-birth-conference', '2026-09-15', true)], TODAY), { ...none, childProtectionPlan: true, planStartedOn: '2026-09-15' });
  });

  it('a conference that does not say counts as keeping a plan (as the census return reads it)', () => {
    assert.deepEqual(protectionStatusOf('child-in-need', [conference('initial-conference', '2026-10-01')], TODAY), { ...none, childProtectionPlan: true, planStartedOn: '2026-10-01' });
  });

  it('a plan kept by its review conference still runs from its first day', () => {
    const conferences = [conference('initial-conference', '2026-06-01', true), conference('review-conference', '2026-09-01', true)];
    assert.deepEqual(protectionStatusOf('child-protection', conferences, TODAY), { ...none, childProtectionPlan: true, planStartedOn: '2026-06-01' });
  });

  it('a plan ended by a review conference: no plan now, and the day it ended', () => {
    const conferences = [conference('initial-conference', '2026-06-01', true), conference('review-conference', '2026-09-01', false)];
    assert.deepEqual(protectionStatusOf('child-in-need', conferences, TODAY), { ...none, latestPlanEndedOn: '2026-09-01' });
  });

  it('a second plan after one ended: since the second', () => {
    const conferences = [conference('initial-conference', '2026-01-05', true), conference('review-conference', '2026-04-01', false), conference('initial-conference', '2026-10-20', true)];
    assert.deepEqual(protectionStatusOf('child-protection', conferences, TODAY), { ...none, childProtectionPlan: true, planStartedOn: '2026-10-20' });
  });

  it('the child protection level is a plan even with no conference recorded, its start not known', () => {
    assert.deepEqual(protectionStatusOf('child-protection', [], TODAY), { ...none, childProtectionPlan: true });
    const ended = [conference('initial-conference', '2026-06-01', true), conference('review-conference', '2026-09-01', false)];
    assert.deepEqual(protectionStatusOf('child-protection', ended, TODAY), { ...none, childProtectionPlan: true }, 'the level still says so: no end date to mislead');
  });

  it('a conference after today is not counted (a meeting recorded ahead of its day)', () => {
    assert.deepEqual(protectionStatusOf('early-help', [conference('initial-conference', '2026-11-23', true)], TODAY), none);
    assert.deepEqual(protectionStatusOf('early-help', [conference('initial-conference', TODAY, true)], TODAY), { ...none, childProtectionPlan: true, planStartedOn: TODAY });
  });

  it('meetings that are not conferences make no plan', () => {
    assert.deepEqual(protectionStatusOf('child-in-need', [{ kind: 'strategy-discussion' as const, heldOn: '2026-10-01' }, { kind: 'core-group' as const, heldOn: '2026-10-10' }], TODAY), none);
  });

  it('looked after: by the level, whatever the plans', () => {
    assert.deepEqual(protectionStatusOf('looked-after', [], TODAY), { ...none, lookedAfter: true });
    assert.equal(protectionStatusOf('child-protection', [], TODAY).lookedAfter, false);
  });
});
