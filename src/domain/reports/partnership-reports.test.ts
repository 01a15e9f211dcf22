// A small partnership made by hand for October 2026; each count below is counted by hand in the comments.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { correction, entry } from '../chronology/chronology.test-support.ts';
import { DEFAULT_UNSEEN_PERIOD_SETTINGS } from '../chronology/unseen-periods.ts';
import type { DischargePlan, SocialWorkerTold } from '../discharge/discharge-plan.types.ts';
import { dischargesNotified, preBirthAssessments, seenWithinLimits, share, triggerToReview, wasNotBroughtRates, type ReportCase } from './partnership-reports.ts';

const october = { from: '2026-10-01', to: '2026-10-31' };
const settings = { unseen: DEFAULT_UNSEEN_PERIOD_SETTINGS, preBirthMilestoneWeeks: 28 };
const care = { agency: "Children's social care", agencyKind: 'childrens-social-care' };
const seen = { babySeen: true };
const baby = (caseId: string, over: Partial<ReportCase> = {}): ReportCase => ({ caseId, babyName: `Baby ${caseId}`, dateOfBirth: null, expectedDeliveryOn: null, entries: [], reviewedOn: [], dischargePlans: [], ...over });
const plan = (dischargeOn: string, socialWorker: SocialWorkerTold): DischargePlan => ({
  stay: 'hospital',
  dischargeOn,
  firstVisit: { agency: 'health-visiting', name: 'Hana Visitor', by: dischargeOn },
  followUps: [],
  socialWorker,
  gp: { status: 'not-yet-told' },
  attendees: [],
  fragile: [],
});

describe('a share', () => {
  it('is a whole percentage, none of none has no percentage', () => {
    assert.deepEqual(share(1, 3), { count: 1, of: 3, percent: 33 });
    assert.deepEqual(share(2, 3), { count: 2, of: 3, percent: 67 });
    assert.deepEqual(share(0, 0), { count: 0, of: 0, percent: null });
  });
});

describe('babies seen within the limits', () => {
  it('counts babies under one in the period: 1 of 2 seen within 28 days (under 6 months)', () => {
    const result = seenWithinLimits(
      october,
      [
        // Seen 10 Sep, 5 Oct, 30 Oct: 25 days apart at most.
        baby('a', { dateOfBirth: '2026-09-01', entries: [entry('1', 'home-visit', '2026-09-10', seen), entry('2', 'clinic-contact', '2026-10-05', seen), entry('3', 'home-visit', '2026-10-30', seen)] }),
        // Seen 5 Aug, then not until 20 Oct: 76 days, past the limit from 3 Sep.
        baby('b', { dateOfBirth: '2026-08-01', entries: [entry('1', 'new-birth-visit', '2026-08-05', seen), entry('2', 'home-visit', '2026-10-20', seen)] }),
        baby('one-year-old', { dateOfBirth: '2025-09-01' }),
        baby('unborn', { expectedDeliveryOn: '2027-02-01' }),
        baby('born-after', { dateOfBirth: '2026-11-05' }),
      ],
      settings,
    );
    assert.deepEqual(result.rows, [
      { caseId: 'a', babyName: 'Baby a', seenWithinLimits: true, longestUnseenDays: null },
      { caseId: 'b', babyName: 'Baby b', seenWithinLimits: false, longestUnseenDays: 76 },
    ]);
    assert.deepEqual(result.total, { count: 1, of: 2, percent: 50 });
  });
});

describe('pre-birth assessments completed by the milestone (28 weeks)', () => {
  it('counts pregnancies referred to children’s social care whose milestone fell in the period: 1 of 3', () => {
    const result = preBirthAssessments(
      october,
      [
        // Due 7 Jan 2027: 28 weeks on 15 Oct; assessed 10 Oct.
        baby('p1', { expectedDeliveryOn: '2027-01-07', entries: [entry('r', 'referral', '2026-08-01', care), entry('a', 'assessment-completed', '2026-10-10', care)] }),
        // Due 14 Jan: 28 weeks on 22 Oct; assessed 1 Nov, late.
        baby('p2', { expectedDeliveryOn: '2027-01-14', entries: [entry('r', 'referral', '2026-09-01', care), entry('a', 'assessment-completed', '2026-11-01', care)] }),
        // Due 21 Jan: referred by the health visitor only, not to children's social care as recorded.
        baby('p3', { expectedDeliveryOn: '2027-01-21', entries: [entry('r', 'referral', '2026-09-01'), entry('a', 'assessment-completed', '2026-10-01', care)] }),
        // Due 1 Mar: 28 weeks on 7 Dec, after the period.
        baby('p4', { expectedDeliveryOn: '2027-03-01', entries: [entry('r', 'referral', '2026-09-01', care)] }),
        // Due 10 Jan: 28 weeks on 18 Oct; no assessment yet.
        baby('p6', { expectedDeliveryOn: '2027-01-10', entries: [entry('r', 'referral', '2026-09-01', care)] }),
      ],
      settings,
    );
    assert.deepEqual(
      result.rows.map((r) => [r.caseId, r.milestoneOn, r.completedOn, r.byMilestone]),
      [
        ['p1', '2026-10-15', '2026-10-10', true],
        ['p2', '2026-10-22', '2026-11-01', false],
        ['p6', '2026-10-18', null, false],
      ],
    );
    assert.deepEqual(result.total, { count: 1, of: 3, percent: 33 });
  });
});

describe('"was not brought" rates', () => {
  it('count missed appointments of those and the contacts the baby was brought to and seen at: 2 of 6', () => {
    const missed = entry('w3', 'was-not-brought', '2026-10-05');
    const result = wasNotBroughtRates(october, [
      // Not brought twice, brought once (a visit that did not see the baby and a contact in September do not count): 2 of 3.
      baby('w1', {
        entries: [entry('1', 'was-not-brought', '2026-10-02'), entry('2', 'was-not-brought', '2026-10-09'), entry('3', 'clinic-contact', '2026-10-16', seen), entry('4', 'home-visit', '2026-10-20', { babySeen: false }), entry('5', 'gp-consultation', '2026-09-30', seen)],
      }),
      // Brought three times; a "not brought" corrected into a case note does not count: 0 of 3.
      baby('w2', { entries: [entry('1', 'clinic-contact', '2026-10-03', seen), entry('2', 'clinic-contact', '2026-10-10', seen), entry('3', 'clinic-contact', '2026-10-17', seen), missed, correction('w3b', missed, { kind: 'case-note' })] }),
      baby('w3', { entries: [entry('1', 'was-not-brought', '2026-11-02')] }),
    ]);
    assert.deepEqual(result.rows.map((r) => [r.caseId, r.notBrought, r.brought, r.rate.percent]), [['w1', 2, 1, 67], ['w2', 0, 3, 0]]);
    assert.deepEqual(result.total, { count: 2, of: 6, percent: 33 });
  });
});

describe('time from a trigger to the review', () => {
  it('takes the first review on or after each trigger in the period: 2 of 3 reviewed, median 4.5 days', () => {
    const result = triggerToReview(
      october,
      [
        baby('t1', { entries: [entry('1', 'injury-observed', '2026-10-03'), entry('2', 'police-incident', '2026-10-20'), entry('3', 'home-visit', '2026-10-04')], reviewedOn: ['2026-10-01', '2026-10-05', '2026-10-27'] }),
        baby('t2', { entries: [entry('1', 'emergency-attendance', '2026-10-15')], reviewedOn: ['2026-10-14'] }),
        baby('t3', { entries: [entry('1', 'injury-observed', '2026-09-20')], reviewedOn: ['2026-10-02'] }),
      ],
      (kind) => kind,
    );
    assert.deepEqual(
      result.rows.map((r) => [r.caseId, r.triggerOn, r.trigger, r.reviewedOn, r.days]),
      [
        ['t1', '2026-10-03', 'injury-observed', '2026-10-05', 2],
        ['t2', '2026-10-15', 'emergency-attendance', null, null],
        ['t1', '2026-10-20', 'police-incident', '2026-10-27', 7],
      ],
    );
    assert.deepEqual(result.reviewed, { count: 2, of: 3, percent: 67 });
    assert.equal(result.medianDays, 4.5);
  });
});

describe('discharges notified to the social worker', () => {
  it('counts the social worker told by the day of the discharge, of the discharges with one: 1 of 2', () => {
    const result = dischargesNotified(october, [
      baby('d1', { dischargePlans: [plan('2026-10-10', { status: 'told', toldOn: '2026-10-09', toldBy: 'Ward sister' }), plan('2026-11-02', { status: 'told', toldOn: '2026-11-01', toldBy: 'Ward sister' })] }),
      baby('d2', { dischargePlans: [plan('2026-10-12', { status: 'told', toldOn: '2026-10-14', toldBy: 'Ward sister' })] }),
      baby('d3', { dischargePlans: [plan('2026-10-20', { status: 'no-social-worker' })] }),
    ]);
    assert.deepEqual(
      result.rows.map((r) => [r.caseId, r.dischargeOn, r.notice, r.toldOn]),
      [
        ['d1', '2026-10-10', 'before-discharge', '2026-10-09'],
        ['d2', '2026-10-12', 'after-discharge', '2026-10-14'],
        ['d3', '2026-10-20', 'no-social-worker', null],
      ],
    );
    assert.deepEqual(result.total, { count: 1, of: 2, percent: 50 });
  });
});
