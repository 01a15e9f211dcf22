import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Clock, ClockId } from './clocks.ts';
import { byClockUrgency, clockInWords, clockUrgency, mostUrgentClock } from './clock-urgency.ts';

// Days used below: Monday 23 November 2026 to Friday 27 November, the weekend of 28 and 29
// November; Christmas Day Friday 25 December 2026 and Boxing Day's substitute Monday 28 December.

function clock(id: ClockId, status: Clock['status'], dueOn: string, label = 'Assessment'): Clock {
  return { id, label, timescale: 'within 45 working days of the referral', startedOn: '2026-09-01', dueOn, status, ...(status === 'met' ? { metOn: dueOn, late: false } : {}) };
}

describe('the most urgent clock', () => {
  it('is none when no clock has started', () => {
    assert.equal(mostUrgentClock([]), null);
    assert.equal(clockUrgency([]), 'none');
  });

  it('is none when every clock is met, however late', () => {
    const late: Clock = { ...clock('assessment', 'met', '2026-11-01'), metOn: '2026-11-20', late: true };
    assert.equal(mostUrgentClock([late, clock('referral-decision', 'met', '2026-11-02')]), null);
    assert.equal(clockUrgency([late]), 'none');
  });

  it('puts an overdue clock before one due soon, whatever their due days', () => {
    const soon = clock('referral-decision', 'due-soon', '2026-11-24');
    const overdue = clock('initial-conference', 'overdue', '2026-11-20');
    assert.equal(mostUrgentClock([soon, overdue]), overdue);
    assert.equal(clockUrgency([soon, overdue]), 'overdue');
  });

  it('puts one due soon before one merely due, even when the due one is listed first', () => {
    const due = clock('assessment', 'due', '2026-12-20');
    const soon = clock('first-core-group', 'due-soon', '2026-11-26');
    assert.equal(mostUrgentClock([due, soon]), soon);
    assert.equal(clockUrgency([due, soon]), 'due-soon');
  });

  it('takes the longest overdue among overdue clocks, and the nearest among those due', () => {
    const older = clock('initial-conference', 'overdue', '2026-11-02');
    const newer = clock('assessment', 'overdue', '2026-11-18');
    assert.equal(mostUrgentClock([newer, older]), older);
    const near = clock('assessment', 'due', '2026-12-10');
    const far = clock('first-review-conference', 'due', '2027-02-10');
    assert.equal(mostUrgentClock([far, near]), near);
    assert.equal(clockUrgency([far, near]), 'due');
  });

  it('keeps the clocks’ own order between two equally pressing clocks', () => {
    const first = clock('referral-decision', 'overdue', '2026-11-18');
    const second = clock('assessment', 'overdue', '2026-11-18');
    assert.equal(mostUrgentClock([first, second]), first);
  });

  it('ignores a met clock beside a running one', () => {
    const met = clock('referral-decision', 'met', '2026-11-01');
    const due = clock('assessment', 'due', '2027-01-10');
    assert.equal(mostUrgentClock([met, due]), due);
  });
});

describe('ordering cases by their clocks', () => {
  const overdueLong = [clock('initial-conference', 'overdue', '2026-11-02')];
  const overdueShort = [clock('assessment', 'overdue', '2026-11-18')];
  const soon = [clock('assessment', 'due-soon', '2026-11-25')];
  const due = [clock('assessment', 'due', '2026-12-20')];
  const metOnly = [clock('assessment', 'met', '2026-11-01')];
  const none: Clock[] = [];

  it('orders overdue (longest first), due soon, due, then cases with no clock running', () => {
    const sorted = [none, due, metOnly, soon, overdueShort, overdueLong].sort(byClockUrgency);
    assert.deepEqual(sorted, [overdueLong, overdueShort, soon, due, none, metOnly]);
  });

  it('finds two cases with no running clock, or the same due day, equally pressing', () => {
    assert.equal(byClockUrgency(none, metOnly), 0);
    assert.equal(byClockUrgency([clock('assessment', 'due', '2026-12-20')], [clock('first-core-group', 'due', '2026-12-20')]), 0);
  });
});

describe('a clock in words', () => {
  it('counts working days overdue, a weekend not counted', () => {
    // Due Thursday 19 November; Monday 23 November is 2 working days later (Friday, Monday).
    assert.equal(clockInWords(clock('initial-conference', 'overdue', '2026-11-19', 'Initial child protection conference'), '2026-11-23'), 'Initial child protection conference overdue by 2 working days');
    assert.equal(clockInWords(clock('assessment', 'overdue', '2026-11-20'), '2026-11-23'), 'Assessment overdue by 1 working day');
  });

  it('does not count a bank holiday among the working days overdue', () => {
    // Due Thursday 24 December; Tuesday 29 December is 1 working day later (Christmas Day and the Boxing Day substitute are not).
    assert.equal(clockInWords(clock('assessment', 'overdue', '2026-12-24'), '2026-12-29'), 'Assessment overdue by 1 working day');
  });

  it('names the day it was due when no working day has passed since (due Friday, read on Saturday)', () => {
    assert.equal(clockInWords(clock('assessment', 'overdue', '2026-11-27'), '2026-11-28'), 'Assessment overdue: was due 27 November 2026');
  });

  it('counts working days left for a clock due soon or due', () => {
    assert.equal(clockInWords(clock('assessment', 'due-soon', '2026-11-27'), '2026-11-23'), 'Assessment due in 4 working days');
    assert.equal(clockInWords(clock('assessment', 'due-soon', '2026-11-24'), '2026-11-23'), 'Assessment due in 1 working day');
    assert.equal(clockInWords(clock('assessment', 'due', '2026-12-21'), '2026-11-23'), 'Assessment due in 20 working days');
  });

  it('says due today on the due day, a weekend day included', () => {
    assert.equal(clockInWords(clock('assessment', 'due-soon', '2026-11-23'), '2026-11-23'), 'Assessment due today');
    assert.equal(clockInWords(clock('pre-birth-conference', 'due-soon', '2026-11-29', 'Pre-birth child protection conference'), '2026-11-29'), 'Pre-birth child protection conference due today');
  });

  it('names the day of a milestone due on a weekend with no working day before it', () => {
    assert.equal(clockInWords(clock('pre-birth-conference', 'due-soon', '2026-11-29', 'Pre-birth child protection conference'), '2026-11-28'), 'Pre-birth child protection conference due 29 November 2026');
  });

  it('says nothing of a met clock', () => {
    assert.equal(clockInWords(clock('assessment', 'met', '2026-11-20'), '2026-11-23'), null);
  });
});
