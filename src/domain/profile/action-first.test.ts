import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Severity } from '../catalogue/finding-definitions.ts';
import type { Clock, ClockStatus } from '../timescales/clocks.ts';
import { byActionNeeded, highestFindings, nextDue, type CaseToAct } from './action-first.ts';
import type { ReviewStatus } from './review-schedule.ts';

const TODAY = '2026-11-22';

function clock(status: ClockStatus, dueOn: string): Clock {
  return { id: 'initial-conference', label: 'Initial child protection conference', timescale: 'within 15 working days', startedOn: '2026-10-01', dueOn, status };
}

const later: ReviewStatus = { state: 'scheduled', dueOn: '2027-01-10' };

function aCase(name: string, severities: Severity[], urgentClock: Clock | null = null, review: ReviewStatus = later): CaseToAct & { name: string } {
  return { name, findings: highestFindings(severities.map((severity) => ({ severity }))), urgentClock, next: nextDue(urgentClock, review, TODAY) };
}

const order = (cases: (CaseToAct & { name: string })[]) => [...cases].sort(byActionNeeded).map((c) => c.name);

describe('the most severe finding of a version', () => {
  it('counts the findings of the highest severity and all of them', () => {
    assert.deepEqual(highestFindings([{ severity: 'attention' }, { severity: 'high' }, { severity: 'attention' }, { severity: 'high' }]), { severity: 'high', count: 2, total: 4 });
    assert.deepEqual(highestFindings([{ severity: 'high' }, { severity: 'critical' }]), { severity: 'critical', count: 1, total: 2 });
    assert.deepEqual(highestFindings([{ severity: 'attention' }]), { severity: 'attention', count: 1, total: 1 });
  });

  it('is none for a version without findings', () => {
    assert.equal(highestFindings([]), null);
  });
});

describe('what falls due next', () => {
  it('is the sooner of the running clock and the review, the clock on the same day', () => {
    assert.deepEqual(nextDue(clock('due', '2026-12-01'), later, TODAY), { what: 'clock', dueOn: '2026-12-01' });
    assert.deepEqual(nextDue(clock('due', '2027-02-01'), later, TODAY), { what: 'review', dueOn: '2027-01-10' });
    assert.deepEqual(nextDue(clock('due', '2027-01-10'), later, TODAY), { what: 'clock', dueOn: '2027-01-10' });
  });

  it('takes a profile never reviewed as due today, and a met clock as nothing due', () => {
    assert.deepEqual(nextDue(null, { state: 'never-reviewed', dueOn: null }, TODAY), { what: 'review', dueOn: TODAY });
    assert.deepEqual(nextDue(clock('met', '2026-11-01'), later, TODAY), { what: 'review', dueOn: '2027-01-10' });
  });
});

describe('what needs action first', () => {
  it('puts critical findings, then high, then overdue clocks, then the soonest due', () => {
    const cases = [
      aCase('nothing', []),
      aCase('attention only', ['attention', 'attention', 'attention']),
      aCase('review overdue', [], null, { state: 'overdue', dueOn: '2026-11-01' }),
      aCase('clock overdue', ['attention'], clock('overdue', '2026-11-16')),
      aCase('high', ['high', 'attention']),
      aCase('critical', ['critical']),
      aCase('clock due soon', [], clock('due-soon', '2026-11-23')),
    ];
    assert.deepEqual(order(cases), ['critical', 'high', 'clock overdue', 'review overdue', 'clock due soon', 'nothing', 'attention only']);
  });

  it('puts more findings of the same severity first, then the soonest due', () => {
    const cases = [
      aCase('one high, due later', ['high']),
      aCase('one high, clock due soon', ['high'], clock('due-soon', '2026-11-24')),
      aCase('two high', ['high', 'high']),
    ];
    assert.deepEqual(order(cases), ['two high', 'one high, clock due soon', 'one high, due later']);
  });

  it('puts the longest overdue clock first, and never lets a high finding fall behind an overdue clock', () => {
    const cases = [aCase('overdue a day', [], clock('overdue', '2026-11-20')), aCase('overdue a month', [], clock('overdue', '2026-10-20')), aCase('high, nothing due', ['high'])];
    assert.deepEqual(order(cases), ['high, nothing due', 'overdue a month', 'overdue a day']);
  });

  it('does not rank a clock due soon or a never reviewed profile with the overdue clocks', () => {
    const neverReviewed = aCase('never reviewed', [], null, { state: 'never-reviewed', dueOn: null });
    const dueSoon = aCase('due soon', [], clock('due-soon', '2026-11-23'));
    const overdue = aCase('overdue', [], clock('overdue', '2026-11-19'));
    assert.deepEqual(order([neverReviewed, dueSoon, overdue]), ['overdue', 'never reviewed', 'due soon']);
  });

  it('keeps the order cases came in when they are equally pressing', () => {
    const cases = [aCase('Ashworth', ['high']), aCase('Bramley', ['high'])];
    assert.equal(byActionNeeded(cases[0]!, cases[1]!), 0);
    assert.deepEqual(order(cases), ['Ashworth', 'Bramley']);
  });
});
