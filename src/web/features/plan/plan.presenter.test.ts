import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { presentActions } from './plan.presenter.ts';
import type { PlanAction, PlanVersion } from '../../../domain/plan/plan.types.ts';

const team = { 'user-1': 'Tom Adeyemi', 'user-2': 'Gina Member' };

function ownerOf(owner: PlanAction['owner'], names: Record<string, string> = team): string {
  const action: PlanAction = { id: 'a1', text: 'Visit', owner, dueOn: '2026-12-10', status: 'open' };
  const plan = { actions: [action] } as unknown as PlanVersion;
  return presentActions(plan, names, '2026-12-08')[0]?.owner ?? '';
}

describe('who will do an action, in words', () => {
  it('names a team member chosen by account', () => {
    assert.equal(ownerOf({ userId: 'user-1' }), 'Tom Adeyemi');
  });

  it('says so when the account is no longer in the service', () => {
    assert.equal(ownerOf({ userId: 'user-9' }), 'An account no longer in the service');
  });

  it('does not call a team member typed by name "outside the service", whatever the case and spacing', () => {
    assert.equal(ownerOf({ name: 'Tom Adeyemi' }), 'Tom Adeyemi');
    assert.equal(ownerOf({ name: 'tom  ADEYEMI ' }), 'tom  ADEYEMI ');
  });

  it('says "outside the service" for a name that is nobody on the team, or only part of a name', () => {
    assert.equal(ownerOf({ name: 'Dr Patel' }), 'Dr Patel (outside the service)');
    assert.equal(ownerOf({ name: 'Tom' }), 'Tom (outside the service)');
    assert.equal(ownerOf({ name: 'Tom Adeyemi' }, {}), 'Tom Adeyemi (outside the service)');
  });
});
