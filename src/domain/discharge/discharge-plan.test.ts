import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays } from '../shared/calendar-date.ts';
import { addWorkingDays } from '../timescales/working-days.ts';
import {
  checkDischargePlan,
  DISCHARGE_PROBLEM_MESSAGES,
  dischargePlanNotes,
  dischargePlanSummary,
  firstVisitDueBy,
  fragileReasons,
  type DischargeProblem,
} from './discharge-plan-rules.ts';
import { DISCHARGE_LIMITS, DISCHARGE_PLANNED_UP_TO_DAYS, STAY_KINDS, isStayKind, type DischargeContext, type DischargePlan, type DischargePlanDraft } from './discharge-plan.types.ts';

// A Wednesday.
const today = '2026-12-02';

const context = (over: Partial<DischargeContext> = {}): DischargeContext => ({
  today,
  born: true,
  dateOfBirth: '2026-10-20',
  gestationAtBirthWeeks: 39,
  birthWeightGrams: 3400,
  hadNeonatalStay: false,
  teamHasSocialWorker: true,
  ...over,
});

const draft = (over: Partial<DischargePlanDraft> = {}): DischargePlanDraft => ({
  stay: 'hospital',
  dischargeOn: '2026-12-03',
  firstVisit: { agency: 'health-visiting', name: ' Claire Dobson, health visitor ', by: '2026-12-04' },
  socialWorker: { status: 'told', toldOn: '2026-12-01', toldBy: 'Helen Brooks, ward sister' },
  gp: { status: 'told', toldOn: '2026-12-02', toldBy: 'Helen Brooks' },
  ...over,
});

const problems = (over: Partial<DischargePlanDraft>, ctx: Partial<DischargeContext> = {}): DischargeProblem[] => {
  const checked = checkDischargePlan(draft(over), context(ctx));
  assert.equal(checked.ok, false, 'expected problems');
  return checked.ok ? [] : checked.problems;
};

const accepted = (over: Partial<DischargePlanDraft>, ctx: Partial<DischargeContext> = {}): DischargePlan => {
  const checked = checkDischargePlan(draft(over), context(ctx));
  assert.ok(checked.ok, JSON.stringify(checked));
  return checked.plan;
};

describe('kinds of stay', () => {
  it('are a neonatal unit and a hospital stay, nothing else', () => {
    assert.deepEqual([...STAY_KINDS], ['neonatal-unit', 'hospital']);
    assert.ok(isStayKind('hospital'));
    assert.ok(!isStayKind('ward'));
    assert.ok(!isStayKind('toString'));
  });

  it('every problem has a plain message ending with a full stop', () => {
    for (const message of Object.values(DISCHARGE_PROBLEM_MESSAGES)) assert.match(message, /^[A-Z].*\.$/);
  });
});

describe('a fragile baby', () => {
  const base = { gestationAtBirthWeeks: 39, birthWeightGrams: 3400, hadNeonatalStay: false };
  it('is born before 37 weeks, at 36 but not at 37', () => {
    assert.deepEqual(fragileReasons({ ...base, gestationAtBirthWeeks: 36 }, 'hospital'), ['preterm']);
    assert.deepEqual(fragileReasons({ ...base, gestationAtBirthWeeks: 37 }, 'hospital'), []);
  });
  it('weighs under 2,500 g at birth: 2,499 g but not 2,500 g, and not an unrecorded or zero weight', () => {
    assert.deepEqual(fragileReasons({ ...base, birthWeightGrams: 2499 }, 'hospital'), ['low-birth-weight']);
    assert.deepEqual(fragileReasons({ ...base, birthWeightGrams: 2500 }, 'hospital'), []);
    assert.deepEqual(fragileReasons({ ...base, birthWeightGrams: null }, 'hospital'), []);
    assert.deepEqual(fragileReasons({ ...base, birthWeightGrams: 0 }, 'hospital'), []);
  });
  it('has had a neonatal stay: one in the chronology, or the stay being planned for', () => {
    assert.deepEqual(fragileReasons({ ...base, hadNeonatalStay: true }, 'hospital'), ['neonatal-stay']);
    assert.deepEqual(fragileReasons(base, 'neonatal-unit'), ['neonatal-stay']);
    assert.deepEqual(fragileReasons(base, null), []);
  });
  it('gives every reason that applies, in order', () => {
    assert.deepEqual(fragileReasons({ gestationAtBirthWeeks: 30, birthWeightGrams: 1400, hadNeonatalStay: true }, 'neonatal-unit'), ['preterm', 'low-birth-weight', 'neonatal-stay']);
    assert.deepEqual(fragileReasons({ gestationAtBirthWeeks: null, birthWeightGrams: null, hadNeonatalStay: false }, 'hospital'), []);
  });
});

describe('checking a discharge plan', () => {
  it('accepts a full plan, trimmed, with empty lists where nothing was sent and the advice left out when blank', () => {
    const plan = accepted({ feedingAndHandling: '  ' });
    assert.deepEqual(plan, {
      stay: 'hospital',
      dischargeOn: '2026-12-03',
      firstVisit: { agency: 'health-visiting', name: 'Claire Dobson, health visitor', by: '2026-12-04' },
      followUps: [],
      socialWorker: { status: 'told', toldOn: '2026-12-01', toldBy: 'Helen Brooks, ward sister' },
      gp: { status: 'told', toldOn: '2026-12-02', toldBy: 'Helen Brooks' },
      attendees: [],
      fragile: [],
    });
  });

  it('keeps the advice, follow-ups and attendees', () => {
    const plan = accepted({
      stay: 'neonatal-unit',
      feedingAndHandling: ' Tube feeds every three hours; support the head and ribs when lifting ',
      followUps: [{ what: ' Dietitian review ', where: 'Northfield General, clinic 4', on: '2026-12-10' }],
      attendees: [{ name: 'Helen Brooks', agency: 'hospital' }],
    });
    assert.equal(plan.feedingAndHandling, 'Tube feeds every three hours; support the head and ribs when lifting');
    assert.deepEqual(plan.followUps, [{ what: 'Dietitian review', where: 'Northfield General, clinic 4', on: '2026-12-10' }]);
    assert.deepEqual(plan.attendees, [{ name: 'Helen Brooks', agency: 'hospital' }]);
    assert.deepEqual(plan.fragile, ['neonatal-stay']);
  });

  it('refuses a plan for a baby not yet born, whatever the date', () => {
    assert.deepEqual(problems({}, { born: false, dateOfBirth: null }), [{ path: '/dischargeOn', code: 'not-born' }]);
  });

  it('needs a kind of stay it knows', () => {
    assert.deepEqual(problems({ stay: '' }), [{ path: '/stay', code: 'unknown-stay' }]);
    assert.deepEqual(problems({ stay: 'ward' }), [{ path: '/stay', code: 'unknown-stay' }]);
  });

  it('needs a real discharge date, not before the birth: the day of the birth is fine, the day before is not', () => {
    assert.deepEqual(problems({ dischargeOn: '' }), [{ path: '/dischargeOn', code: 'discharge-date-needed' }]);
    assert.deepEqual(problems({ dischargeOn: '2026-02-30', firstVisit: { agency: 'gp', name: 'Dr Ray', by: '2026-12-04' } }), [{ path: '/dischargeOn', code: 'discharge-not-a-date' }]);
    assert.deepEqual(problems({ dischargeOn: '2026-10-19' }), [{ path: '/dischargeOn', code: 'discharge-before-birth' }]);
    assert.equal(accepted({ dischargeOn: '2026-10-20', socialWorker: { status: 'told', toldOn: '2026-10-20', toldBy: 'Ward' } }).dischargeOn, '2026-10-20');
  });

  it(`takes a discharge today, in the past, or planned up to ${DISCHARGE_PLANNED_UP_TO_DAYS} days ahead, not a day more`, () => {
    const far = addDays(today, DISCHARGE_PLANNED_UP_TO_DAYS);
    const visit = (by: string) => ({ agency: 'health-visiting', name: 'Claire', by });
    assert.equal(accepted({ dischargeOn: today, firstVisit: visit(today) }).dischargeOn, today);
    assert.equal(accepted({ dischargeOn: '2026-11-20', firstVisit: visit('2026-11-23') }).dischargeOn, '2026-11-20');
    assert.equal(accepted({ dischargeOn: far, firstVisit: visit(far) }).dischargeOn, far);
    assert.deepEqual(problems({ dischargeOn: addDays(far, 1), firstVisit: visit(addDays(far, 1)) }), [{ path: '/dischargeOn', code: 'discharge-too-far-ahead' }]);
  });

  it('names who sees the baby first at home, for an agency it knows, by a day on or after the discharge', () => {
    assert.deepEqual(problems({ firstVisit: { agency: '', name: '', by: '' } }), [
      { path: '/firstVisit/agency', code: 'first-visit-agency-needed' },
      { path: '/firstVisit/name', code: 'first-visit-name-needed' },
      { path: '/firstVisit/by', code: 'first-visit-date-needed' },
    ]);
    assert.deepEqual(problems({ firstVisit: { agency: 'neighbour', name: 'x'.repeat(DISCHARGE_LIMITS.name + 1), by: '4 December' } }), [
      { path: '/firstVisit/agency', code: 'first-visit-agency-needed' },
      { path: '/firstVisit/name', code: 'too-long' },
      { path: '/firstVisit/by', code: 'first-visit-not-a-date' },
    ]);
    assert.deepEqual(problems({ firstVisit: { agency: 'health-visiting', name: 'Claire', by: '2026-12-02' } }), [{ path: '/firstVisit/by', code: 'first-visit-before-discharge' }]);
    assert.equal(accepted({ firstVisit: { agency: 'health-visiting', name: 'Claire', by: '2026-12-03' } }).firstVisit.by, '2026-12-03');
  });

  it('refuses days before 1900, whether or not the birth is known, and a first visit or follow-up more than 12 months ahead', () => {
    const visit = (by: string) => ({ agency: 'health-visiting', name: 'Claire', by });
    assert.deepEqual(problems({ dischargeOn: '1026-12-03', firstVisit: visit('1026-12-04'), followUps: [{ what: 'Clinic', where: 'Here', on: '1026-12-10' }] }, { dateOfBirth: null }), [
      { path: '/dischargeOn', code: 'discharge-too-early' },
      { path: '/firstVisit/by', code: 'first-visit-too-early' },
      { path: '/followUps/0/on', code: 'follow-up-too-early' },
    ]);
    assert.deepEqual(problems({ firstVisit: visit('2027-12-03'), followUps: [{ what: 'Clinic', where: 'Here', on: '2027-12-03' }] }), [
      { path: '/firstVisit/by', code: 'first-visit-too-far-ahead' },
      { path: '/followUps/0/on', code: 'follow-up-too-far-ahead' },
    ]);
    assert.ok(accepted({ firstVisit: visit('2027-12-02'), followUps: [{ what: 'Clinic', where: 'Here', on: '2027-12-02' }] }), 'twelve months to the day');
    assert.deepEqual(problems({ socialWorker: { status: 'told', toldOn: '1899-12-31', toldBy: 'Ward' } }), [{ path: '/socialWorker/toldOn', code: 'told-too-early' }]);
  });

  it('does not compare with a discharge date it could not read', () => {
    assert.deepEqual(problems({ dischargeOn: 'soon', firstVisit: { agency: 'gp', name: 'Dr Ray', by: '2020-01-01' }, followUps: [{ what: 'Clinic', where: 'Here', on: '2020-01-01' }] }), [
      { path: '/dischargeOn', code: 'discharge-not-a-date' },
    ]);
  });

  describe('feeding and handling advice (Derby and Derbyshire review 5.26)', () => {
    it('is needed for a baby born before 37 weeks, under 2,500 g, or after a neonatal stay', () => {
      const needed = [{ path: '/feedingAndHandling', code: 'advice-needed' }];
      assert.deepEqual(problems({}, { gestationAtBirthWeeks: 36 }), needed);
      assert.deepEqual(problems({ feedingAndHandling: '   ' }, { birthWeightGrams: 2499 }), needed);
      assert.deepEqual(problems({}, { hadNeonatalStay: true }), needed);
      assert.deepEqual(problems({ stay: 'neonatal-unit' }), needed);
    });
    it('is not needed for a term baby of 2,500 g or more going home from a ward, but is kept when given', () => {
      assert.equal(accepted({}, { gestationAtBirthWeeks: 37, birthWeightGrams: 2500 }).feedingAndHandling, undefined);
      assert.equal(accepted({ feedingAndHandling: 'Usual advice' }).feedingAndHandling, 'Usual advice');
    });
    it('is not needed when gestation and weight are not recorded, with no neonatal stay', () => {
      assert.equal(accepted({}, { gestationAtBirthWeeks: null, birthWeightGrams: null }).fragile.length, 0);
    });
    it('has a length limit', () => {
      assert.deepEqual(problems({ feedingAndHandling: 'x'.repeat(DISCHARGE_LIMITS.advice + 1) }), [{ path: '/feedingAndHandling', code: 'too-long' }]);
      assert.ok(accepted({ feedingAndHandling: 'x'.repeat(DISCHARGE_LIMITS.advice) }));
    });
  });

  it('checks each follow-up appointment: what, where, a real date on or after the discharge', () => {
    assert.deepEqual(
      problems({
        followUps: [
          { what: '', where: ' ', on: '' },
          { what: 'Eye screening', where: 'Clinic', on: '2026-13-01' },
          { what: 'Dietitian', where: 'Clinic', on: '2026-12-02' },
          { what: 'Hearing', where: 'Clinic', on: '2026-12-03' },
        ],
      }),
      [
        { path: '/followUps/0/what', code: 'follow-up-what-needed' },
        { path: '/followUps/0/where', code: 'follow-up-where-needed' },
        { path: '/followUps/0/on', code: 'follow-up-date-needed' },
        { path: '/followUps/1/on', code: 'follow-up-not-a-date' },
        { path: '/followUps/2/on', code: 'follow-up-before-discharge' },
      ],
    );
    const many = Array.from({ length: DISCHARGE_LIMITS.followUps + 1 }, () => ({ what: 'Clinic', where: 'Here', on: '2026-12-10' }));
    assert.deepEqual(problems({ followUps: many }), [{ path: '/followUps', code: 'too-many-follow-ups' }]);
    assert.equal(accepted({ followUps: many.slice(1) }).followUps.length, DISCHARGE_LIMITS.followUps);
  });

  describe('the social worker told (Derby and Derbyshire review 5.23)', () => {
    it('needs an answer', () => {
      assert.deepEqual(problems({ socialWorker: { status: '' } }), [{ path: '/socialWorker/status', code: 'social-worker-needed' }]);
      assert.deepEqual(problems({ socialWorker: { status: 'not-yet-told' } }), [{ path: '/socialWorker/status', code: 'social-worker-needed' }]);
    });
    it('told: a real day not after today, and by whom', () => {
      assert.deepEqual(problems({ socialWorker: { status: 'told' } }), [
        { path: '/socialWorker/toldOn', code: 'told-date-needed' },
        { path: '/socialWorker/toldBy', code: 'told-by-needed' },
      ]);
      assert.deepEqual(problems({ socialWorker: { status: 'told', toldOn: 'yesterday', toldBy: 'Ward' } }), [{ path: '/socialWorker/toldOn', code: 'told-not-a-date' }]);
      assert.deepEqual(problems({ socialWorker: { status: 'told', toldOn: addDays(today, 1), toldBy: 'Ward' } }), [{ path: '/socialWorker/toldOn', code: 'told-in-future' }]);
      assert.equal(accepted({ socialWorker: { status: 'told', toldOn: today, toldBy: 'Ward' } }).socialWorker.status, 'told');
    });
    it('"no social worker on the team" only when the team has none', () => {
      assert.deepEqual(problems({ socialWorker: { status: 'no-social-worker' } }), [{ path: '/socialWorker/status', code: 'social-worker-on-team' }]);
      assert.deepEqual(accepted({ socialWorker: { status: 'no-social-worker', toldOn: '2026-12-01', toldBy: 'ignored' } }, { teamHasSocialWorker: false }).socialWorker, { status: 'no-social-worker' });
    });
  });

  it('asks whether the GP has been told: told (a day and by whom) or not yet', () => {
    assert.deepEqual(problems({ gp: { status: 'maybe' } }), [{ path: '/gp/status', code: 'gp-needed' }]);
    assert.deepEqual(problems({ gp: { status: 'told', toldOn: addDays(today, 1) } }), [
      { path: '/gp/toldOn', code: 'told-in-future' },
      { path: '/gp/toldBy', code: 'told-by-needed' },
    ]);
    assert.deepEqual(accepted({ gp: { status: 'not-yet-told' } }).gp, { status: 'not-yet-told' });
  });

  it('checks the people who planned the discharge, when named', () => {
    assert.deepEqual(problems({ attendees: [{ name: '', agency: 'hospital' }, { name: 'Sam', agency: 'family' }] }), [
      { path: '/attendees/0/name', code: 'name-needed' },
      { path: '/attendees/1/agency', code: 'unknown-agency' },
    ]);
    const many = Array.from({ length: DISCHARGE_LIMITS.attendees + 1 }, () => ({ name: 'Sam', agency: 'hospital' }));
    assert.deepEqual(problems({ attendees: many }), [{ path: '/attendees', code: 'too-many-people' }]);
  });

  it('reports every problem at once, in the order of the form', () => {
    const found = problems({ stay: '', dischargeOn: '', firstVisit: { agency: '', name: '', by: '' }, socialWorker: { status: '' }, gp: { status: '' } }, { gestationAtBirthWeeks: 30 });
    assert.deepEqual(found.map((p) => p.path), ['/stay', '/dischargeOn', '/firstVisit/agency', '/firstVisit/name', '/firstVisit/by', '/feedingAndHandling', '/socialWorker/status', '/gp/status']);
  });
});

describe('what a page notes about a plan', () => {
  const plan = (over: Partial<DischargePlan> = {}): DischargePlan => ({ ...accepted({}), ...over });
  const codes = (p: DischargePlan, on = today, visits: string[] = []) => dischargePlanNotes(p, on, visits).map((n) => n.code);

  it('notes nothing about a plan as it should be', () => {
    assert.deepEqual(codes(plan()), []);
  });

  it('notes a first home visit later than 2 working days after the discharge, counting working days', () => {
    // Thursday 3 December: two working days later is Monday 7 December.
    assert.equal(firstVisitDueBy('2026-12-03'), '2026-12-07');
    assert.equal(firstVisitDueBy('2026-12-03'), addWorkingDays('2026-12-03', 2));
    assert.deepEqual(codes(plan({ firstVisit: { agency: 'health-visiting', name: 'Claire', by: '2026-12-07' } })), []);
    assert.deepEqual(codes(plan({ firstVisit: { agency: 'health-visiting', name: 'Claire', by: '2026-12-08' } })), ['first-visit-late']);
    // Over Christmas: Thursday 24 December, then the bank holidays on the 25th and the 28th.
    assert.equal(firstVisitDueBy('2026-12-24'), '2026-12-30');
  });

  it('notes the social worker told only after the discharge, not on the day', () => {
    assert.deepEqual(codes(plan({ socialWorker: { status: 'told', toldOn: '2026-12-03', toldBy: 'Ward' } })), []);
    assert.deepEqual(codes(plan({ socialWorker: { status: 'told', toldOn: '2026-12-04', toldBy: 'Ward' } })), ['social-worker-told-after-discharge']);
    assert.deepEqual(codes(plan({ socialWorker: { status: 'no-social-worker' } })), []);
  });

  it('notes the GP not yet told, and no follow-up for a fragile baby only', () => {
    assert.deepEqual(codes(plan({ gp: { status: 'not-yet-told' } })), ['gp-not-yet-told']);
    assert.deepEqual(codes(plan({ fragile: ['preterm'] })), ['no-follow-up']);
    assert.deepEqual(codes(plan({ fragile: ['preterm'], followUps: [{ what: 'Clinic', where: 'Here', on: '2026-12-10' }] })), []);
  });

  it('once the first visit is due and past, notes no home visit seeing the baby since the discharge', () => {
    const p = plan();
    assert.deepEqual(codes(p, '2026-12-04'), [], 'on the day it is due, not yet');
    assert.deepEqual(codes(p, '2026-12-05'), ['first-visit-not-recorded']);
    assert.deepEqual(codes(p, '2026-12-05', ['2026-12-02']), ['first-visit-not-recorded'], 'a visit before the discharge does not count');
    assert.deepEqual(codes(p, '2026-12-05', ['2026-12-03']), []);
    assert.deepEqual(codes(p, '2026-12-09', ['2026-12-08']), [], 'a late visit is still a visit');
  });
});

describe('the entry’s summary', () => {
  it('says the plan in plain words', () => {
    assert.equal(
      dischargePlanSummary(accepted({ stay: 'neonatal-unit', feedingAndHandling: 'Support the ribs', followUps: [{ what: 'Clinic', where: 'Here', on: '2026-12-10' }] })),
      'Discharge plan for leaving a neonatal unit on 3 December 2026; first seen at home by Claire Dobson, health visitor (Health visiting) by 4 December 2026; feeding and handling advice given; 1 follow-up appointment; social worker told on 1 December 2026 by Helen Brooks, ward sister; GP told on 2 December 2026.',
    );
    assert.match(dischargePlanSummary(accepted({ gp: { status: 'not-yet-told' }, socialWorker: { status: 'no-social-worker' } }, { teamHasSocialWorker: false })), /no follow-up appointments; no social worker on the team; GP not yet told\.$/);
  });
});
