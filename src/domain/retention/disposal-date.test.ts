import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { birthday, disposalOf, holdsInForce, type CaseForRetention, type HoldSpan } from './disposal-date.ts';
import { DEFAULT_RETENTION_SETTINGS } from './retention-schedule.ts';

const born = (bornOn: string, more: Partial<CaseForRetention> = {}): CaseForRetention => ({ status: 'born', bornOn, expectedDeliveryOn: null, safeguarding: false, lastRecordedOn: null, ...more });
const hold = (setOn: string, liftedOn: string | null = null, id = 'h1'): HoldSpan => ({ id, reason: 'Child safeguarding practice review', setOn, liftedOn });

describe('birthday', () => {
  it('is the same day N years on', () => {
    assert.equal(birthday('2026-11-22', 25), '2051-11-22');
    assert.equal(birthday('2026-12-31', 1), '2027-12-31');
    assert.equal(birthday('2027-01-01', 0), '2027-01-01');
  });

  it('comes on 1 March for a 29 February baby in a common year, and on 29 February in a leap year', () => {
    assert.equal(birthday('2028-02-29', 25), '2053-03-01');
    assert.equal(birthday('2028-02-29', 1), '2029-03-01');
    assert.equal(birthday('2028-02-29', 4), '2032-02-29');
    assert.equal(birthday('2028-02-29', 72), '2100-03-01', '2100 is not a leap year');
    assert.equal(birthday('2000-02-29', 400), '2400-02-29');
  });

  it('leaves 28 February and 1 March babies on their own day', () => {
    assert.equal(birthday('2028-02-28', 25), '2053-02-28');
    assert.equal(birthday('2028-03-01', 25), '2053-03-01');
  });
});

describe('the disposal date of a case', () => {
  const today = '2026-11-22';

  it('keeps a record about a child until the 25th birthday by default', () => {
    const disposal = disposalOf(born('2026-10-01'), DEFAULT_RETENTION_SETTINGS, [], today);
    assert.deepEqual(
      { rule: disposal.rule, untilAge: disposal.untilAge, reckonedFrom: disposal.reckonedFrom, disposeOn: disposal.disposeOn, due: disposal.due },
      { rule: 'child-record', untilAge: 25, reckonedFrom: 'birth', disposeOn: '2051-10-01', due: false },
    );
    assert.equal(disposal.because, 'Records about a child are kept until the 25th birthday.');
  });

  it('is due on the birthday itself, not the day before', () => {
    assert.equal(disposalOf(born('2001-11-22'), DEFAULT_RETENTION_SETTINGS, [], '2026-11-21').due, false);
    assert.equal(disposalOf(born('2001-11-22'), DEFAULT_RETENTION_SETTINGS, [], '2026-11-22').due, true);
    assert.equal(disposalOf(born('2001-11-22'), DEFAULT_RETENTION_SETTINGS, [], '2030-01-01').due, true);
  });

  it('reckons a 29 February baby from 1 March in a common year and says so', () => {
    const disposal = disposalOf(born('2004-02-29'), DEFAULT_RETENTION_SETTINGS, [], '2029-02-28');
    assert.equal(disposal.disposeOn, '2029-03-01');
    assert.equal(disposal.due, false, 'not on 28 February');
    assert.equal(disposalOf(born('2004-02-29'), DEFAULT_RETENTION_SETTINGS, [], '2029-03-01').due, true);
    assert.match(disposal.because, /Born on 29 February: the birthday comes on 1 March/);
    assert.doesNotMatch(disposalOf(born('2008-02-29'), { ...DEFAULT_RETENTION_SETTINGS, childRecordUntilAge: 28 }, [], today).because, /29 February/, '2036 is a leap year');
  });

  it('reckons an unborn baby from the due date, and a born one from the birth even when it came early', () => {
    const unborn = disposalOf({ status: 'unborn', bornOn: null, expectedDeliveryOn: '2027-03-03', safeguarding: false, lastRecordedOn: '2026-11-01' }, DEFAULT_RETENTION_SETTINGS, [], today);
    assert.equal(unborn.reckonedFrom, 'due-date');
    assert.equal(unborn.disposeOn, '2052-03-03');
    assert.match(unborn.because, /not recorded as born, so this is reckoned from the due date, 3 March 2027/);
    const early = disposalOf(born('2027-01-20', { expectedDeliveryOn: '2027-03-03' }), DEFAULT_RETENTION_SETTINGS, [], today);
    assert.equal(early.disposeOn, '2052-01-20');
  });

  it('keeps a safeguarding record until the 75th birthday, and never shorter than the child record', () => {
    const record = born('2026-10-01', { safeguarding: true });
    const disposal = disposalOf(record, DEFAULT_RETENTION_SETTINGS, [], today);
    assert.deepEqual([disposal.rule, disposal.untilAge, disposal.disposeOn], ['safeguarding-record', 75, '2101-10-01']);
    assert.equal(disposal.because, 'Records of a child who was at child protection or looked after are kept until the 75th birthday.');
    assert.equal(disposalOf(record, { childRecordUntilAge: 80, safeguardingRecordUntilAge: 75 }, [], today).untilAge, 80);
    assert.equal(disposalOf(record, { childRecordUntilAge: 25, safeguardingRecordUntilAge: 90 }, [], today).disposeOn, '2116-10-01');
  });

  it('keeps a record last added to when the young person was 17 until the 26th birthday (a closed case)', () => {
    const record = (lastRecordedOn: string) => born('2001-06-10', { lastRecordedOn });
    assert.equal(disposalOf(record('2018-06-09'), DEFAULT_RETENTION_SETTINGS, [], today).untilAge, 25, 'closed the day before the 17th birthday');
    const late = disposalOf(record('2018-06-10'), DEFAULT_RETENTION_SETTINGS, [], today);
    assert.deepEqual([late.untilAge, late.disposeOn], [26, '2027-06-10']);
    assert.match(late.because, /until the 26th birthday, as the record was last added to when the child was 17 or older/);
    assert.equal(disposalOf(record('2018-06-10'), { ...DEFAULT_RETENTION_SETTINGS, childRecordUntilAge: 30 }, [], today).untilAge, 30, 'a longer period stands');
    assert.equal(disposalOf(born('2001-06-10', { lastRecordedOn: '2018-06-10', safeguarding: true }), DEFAULT_RETENTION_SETTINGS, [], today).untilAge, 75);
  });

  it('follows the area’s longer period', () => {
    assert.equal(disposalOf(born('2026-10-01'), { ...DEFAULT_RETENTION_SETTINGS, childRecordUntilAge: 31 }, [], today).because, 'Records about a child are kept until the 31st birthday.');
    assert.match(disposalOf(born('2026-10-01'), { ...DEFAULT_RETENTION_SETTINGS, childRecordUntilAge: 42 }, [], today).because, /42nd/);
    assert.match(disposalOf(born('2026-10-01'), { ...DEFAULT_RETENTION_SETTINGS, childRecordUntilAge: 111 }, [], today).because, /111th/);
    assert.match(disposalOf(born('2026-10-01'), { ...DEFAULT_RETENTION_SETTINGS, childRecordUntilAge: 33 }, [], today).because, /33rd/);
  });
});

describe('legal holds', () => {
  const due = born('2000-01-01');

  it('suspend a due disposal while they stand, without moving the date', () => {
    const held = disposalOf(due, DEFAULT_RETENTION_SETTINGS, [hold('2024-05-01')], '2026-11-22');
    assert.deepEqual([held.disposeOn, held.due, held.holds.map((h) => h.id)], ['2025-01-01', false, ['h1']]);
  });

  it('stop suspending it from the day they are lifted', () => {
    const holds = [hold('2024-05-01', '2026-11-22')];
    assert.equal(disposalOf(due, DEFAULT_RETENTION_SETTINGS, holds, '2026-11-21').due, false, 'the day before it was lifted');
    assert.equal(disposalOf(due, DEFAULT_RETENTION_SETTINGS, holds, '2026-11-22').due, true, 'the day it was lifted');
  });

  it('count from the day they are set, and any one standing is enough', () => {
    assert.equal(disposalOf(due, DEFAULT_RETENTION_SETTINGS, [hold('2026-11-23')], '2026-11-22').due, true, 'set after the day asked about');
    const two = [hold('2020-01-01', '2021-01-01', 'lifted'), hold('2026-01-01', null, 'standing')];
    assert.deepEqual(holdsInForce(two, '2026-11-22').map((h) => h.id), ['standing']);
    assert.deepEqual(holdsInForce(two, '2020-06-01').map((h) => h.id), ['lifted']);
    assert.deepEqual(holdsInForce(two, '2023-06-01'), []);
  });

  it('on a case not yet due are listed but change nothing else', () => {
    const disposal = disposalOf(born('2026-10-01'), DEFAULT_RETENTION_SETTINGS, [hold('2026-11-01')], '2026-11-22');
    assert.equal(disposal.due, false);
    assert.equal(disposal.holds.length, 1);
    assert.equal(disposal.disposeOn, '2051-10-01');
  });
});
