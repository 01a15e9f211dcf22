import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AUDIT_DAYS_PROBLEM_MESSAGES, auditDaysProblems } from './audit-filter-days.ts';

describe('the from and to days of the audit trail', () => {
  it('takes either, both, neither, the same day twice, from 1 January 1900 to far ahead', () => {
    assert.deepEqual(auditDaysProblems(undefined, undefined), []);
    assert.deepEqual(auditDaysProblems('1900-01-01', undefined), []);
    assert.deepEqual(auditDaysProblems(undefined, '2099-12-31'), []);
    assert.deepEqual(auditDaysProblems('2026-03-01', '2026-03-01'), []);
  });

  it('refuses a day before 1900 or not real, each on its own field', () => {
    assert.deepEqual(auditDaysProblems('1899-12-31', '0226-03-31'), [
      { field: 'from', code: 'from-too-early' },
      { field: 'to', code: 'to-too-early' },
    ]);
    assert.deepEqual(auditDaysProblems('2026-02-30', 'yesterday'), [
      { field: 'from', code: 'from-not-a-date' },
      { field: 'to', code: 'to-not-a-date' },
    ]);
  });

  it('refuses a to day before the from day, on the to day, only when both are good days', () => {
    assert.deepEqual(auditDaysProblems('2026-03-02', '2026-03-01'), [{ field: 'to', code: 'to-before-from' }]);
    assert.deepEqual(auditDaysProblems('2026-03-02', '1026-03-01'), [{ field: 'to', code: 'to-too-early' }]);
  });

  it('says a day before 1900 in the words of every other date', () => {
    assert.equal(AUDIT_DAYS_PROBLEM_MESSAGES['from-too-early'], 'The from date must be in 1900 or later: check the year.');
  });
});
