import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dayInWords } from '../shared/calendar-date.ts';
import { checkHoldReason, checkHoldRule, holdRuleInWords, mayHoldCase } from './legal-holds.ts';

const orgs = new Set(['org-1']);
const draft = { organisationId: '', bornFrom: '', bornTo: '', reason: 'Inquiry' };

describe('legal holds', () => {
  it('are set on a case by safeguarding leads and managers, not practitioners or administrators', () => {
    assert.deepEqual((['practitioner', 'safeguarding-lead', 'manager', 'admin'] as const).map(mayHoldCase), [false, true, true, false]);
  });

  it('say why, in 2000 characters or fewer', () => {
    assert.deepEqual(checkHoldReason('  Child safeguarding practice review  '), { ok: true, reason: 'Child safeguarding practice review' });
    assert.equal(checkHoldReason('   ').ok, false);
    assert.equal(checkHoldReason('x'.repeat(2000)).ok, true);
    assert.equal(checkHoldReason('x'.repeat(2001)).ok, false);
  });

  it('by rule name an organisation, dates of birth, or both', () => {
    assert.deepEqual(checkHoldRule({ ...draft, organisationId: 'org-1' }, orgs), { ok: true, rule: { organisationId: 'org-1', bornFrom: null, bornTo: null, reason: 'Inquiry' } });
    assert.deepEqual(checkHoldRule({ ...draft, bornFrom: '2020-01-01', bornTo: '2020-01-01' }, orgs), { ok: true, rule: { organisationId: null, bornFrom: '2020-01-01', bornTo: '2020-01-01', reason: 'Inquiry' } });
    assert.deepEqual(checkHoldRule({ ...draft, bornTo: '2021-06-30' }, orgs).ok, true);
  });

  it('refuse a rule that holds nothing in particular, an unknown organisation, dates that are not dates or run backwards', () => {
    const fields = (typed: typeof draft) => {
      const checked = checkHoldRule(typed, orgs);
      return checked.ok ? [] : checked.problems.map((p) => p.field);
    };
    assert.deepEqual(fields(draft), ['organisationId']);
    assert.deepEqual(fields({ ...draft, organisationId: 'org-2' }), ['organisationId']);
    assert.deepEqual(fields({ ...draft, bornFrom: '2021-02-29' }), ['bornFrom']);
    assert.deepEqual(fields({ ...draft, bornFrom: '2021-03-01', bornTo: '2021-02-28' }), ['bornTo']);
    assert.deepEqual(fields({ ...draft, bornTo: 'soon', reason: '' }), ['bornTo', 'reason']);
  });

  it('refuse a born or due date before 1900, naming the field, and take one from 1 January 1900 or reaching past today', () => {
    const checked = checkHoldRule({ ...draft, bornFrom: '1026-01-01', bornTo: '0202-12-31' }, orgs);
    assert.deepEqual(checked.ok ? [] : checked.problems, [
      { field: 'bornFrom', message: 'Born or due from must be in 1900 or later: check the year' },
      { field: 'bornTo', message: 'Born or due until must be in 1900 or later: check the year' },
    ]);
    assert.ok(checkHoldRule({ ...draft, bornFrom: '1900-01-01', bornTo: '2099-12-31' }, orgs).ok);
  });

  it('say in words what a rule holds', () => {
    assert.equal(holdRuleInWords({ organisationName: 'Northshire Council', bornFrom: '2020-01-01', bornTo: '2020-12-31' }, dayInWords), 'Every case with Northshire Council in the team, born or due from 1 January 2020 to 31 December 2020');
    assert.equal(holdRuleInWords({ organisationName: null, bornFrom: '2020-01-01', bornTo: null }, dayInWords), 'Every case born or due from 1 January 2020');
    assert.equal(holdRuleInWords({ organisationName: null, bornFrom: null, bornTo: '2020-01-01' }, dayInWords), 'Every case born or due until 1 January 2020');
  });
});
