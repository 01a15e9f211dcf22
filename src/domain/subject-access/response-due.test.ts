import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mayBeDataProtectionOfficer } from './officer.ts';
import { checkReceivedOn, clockState, extendedDueOn, responseDueOn } from './response-due.ts';

describe('the subject access clock', () => {
  it('is due on the corresponding day of the next month', () => {
    assert.equal(responseDueOn('2026-11-03'), '2026-12-03');
    assert.equal(responseDueOn('2026-12-15'), '2027-01-15');
  });

  it('is due on the last day of a shorter next month', () => {
    assert.equal(responseDueOn('2027-01-31'), '2027-02-28');
    assert.equal(responseDueOn('2028-01-31'), '2028-02-29', 'a leap year');
    assert.equal(responseDueOn('2027-03-31'), '2027-04-30');
    assert.equal(responseDueOn('2027-01-29'), '2027-02-28');
  });

  it('never moves a day that exists in the next month: the 28th stays the 28th', () => {
    assert.equal(responseDueOn('2027-01-28'), '2027-02-28');
    assert.equal(responseDueOn('2027-02-28'), '2027-03-28', 'not the last day of March');
  });

  it('extends by two further months from the day received', () => {
    assert.equal(extendedDueOn('2026-11-03'), '2027-02-03');
    assert.equal(extendedDueOn('2026-11-30'), '2027-02-28');
    assert.equal(extendedDueOn('2027-05-31'), '2027-08-31');
  });

  it('takes a received day that is real and not after today', () => {
    assert.equal(checkReceivedOn('2026-11-22', '2026-11-22'), null);
    assert.equal(checkReceivedOn('2026-10-01', '2026-11-22'), null);
    assert.match(checkReceivedOn('2026-11-23', '2026-11-22')!.message, /today or in the past/);
    assert.match(checkReceivedOn('2026-02-30', '2026-11-22')!.message, /real date/);
    assert.match(checkReceivedOn('', '2026-11-22')!.message, /real date/);
    assert.match(checkReceivedOn('3 November', '2026-11-22')!.message, /real date/);
    assert.equal(checkReceivedOn('1026-11-03', '2026-11-22')!.message, 'The date the request was received must be in 1900 or later: check the year.');
    assert.equal(checkReceivedOn('1900-01-01', '2026-11-22'), null);
  });

  it('says whether the answer is due today or overdue', () => {
    assert.equal(clockState('2026-12-03', '2026-12-02'), 'open');
    assert.equal(clockState('2026-12-03', '2026-12-03'), 'due-today');
    assert.equal(clockState('2026-12-03', '2026-12-04'), 'overdue');
  });
});

describe('who may be a data protection officer', () => {
  it('is any account but an administrator’s', () => {
    assert.equal(mayBeDataProtectionOfficer('practitioner'), true);
    assert.equal(mayBeDataProtectionOfficer('safeguarding-lead'), true);
    assert.equal(mayBeDataProtectionOfficer('manager'), true);
    assert.equal(mayBeDataProtectionOfficer('admin'), false);
  });
});
