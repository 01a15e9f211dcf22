import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dayOfGestation, gestationOn, preBirthMilestones } from './pre-birth-milestones.ts';
import { DEFAULT_PRE_BIRTH_SETTINGS } from './timescale-settings.ts';
import { AREA_SETTINGS } from './timescales.test-support.ts';

const EDD = '2027-05-10'; // a Monday

describe('weeks of pregnancy', () => {
  it('are 40+0 on the due date and 0+0 280 days before', () => {
    assert.equal(dayOfGestation(EDD, 40), EDD);
    assert.equal(dayOfGestation(EDD, 0), '2026-08-03');
    assert.equal(dayOfGestation(EDD, 20), '2026-12-21');
    assert.equal(dayOfGestation(EDD, 28), '2027-02-15');
    assert.equal(dayOfGestation(EDD, 37, 3), '2027-04-22');
    assert.equal(dayOfGestation('2028-03-01', 36), '2028-02-02', 'across 29 February');
  });

  it('read back from a day', () => {
    assert.deepEqual(gestationOn(EDD, EDD), { weeks: 40, days: 0 });
    assert.deepEqual(gestationOn(EDD, '2027-05-09'), { weeks: 39, days: 6 });
    assert.deepEqual(gestationOn(EDD, '2027-05-20'), { weeks: 41, days: 3 });
    assert.deepEqual(gestationOn(EDD, '2026-08-03'), { weeks: 0, days: 0 });
    assert.deepEqual(gestationOn(EDD, '2026-12-27'), { weeks: 20, days: 6 });
    assert.deepEqual(gestationOn(EDD, '2026-08-02'), { weeks: -1, days: 6 });
    assert.equal(gestationOn(EDD, '2026-02-30'), null);
    for (let week = 0; week <= 42; week += 1) for (let days = 0; days < 7; days += 1) assert.deepEqual(gestationOn(EDD, dayOfGestation(EDD, week, days)), { weeks: week, days });
  });
});

describe('pre-birth milestones', () => {
  it('north: strategy discussion by 20 weeks, conference by 28 weeks (before the 10-weeks-before-due backstop)', () => {
    assert.deepEqual(preBirthMilestones(EDD, AREA_SETTINGS.north), {
      expectedDeliveryOn: EDD,
      pregnancyStartedOn: '2026-08-03',
      strategyMeetingBy: '2026-12-21',
      conferenceBy: '2027-02-15',
      conferenceSetBy: 'conferenceByWeek',
    });
  });

  it('coast: strategy discussion by 18 weeks, conference by 26 weeks', () => {
    assert.deepEqual(preBirthMilestones(EDD, AREA_SETTINGS.coast), {
      expectedDeliveryOn: EDD,
      pregnancyStartedOn: '2026-08-03',
      strategyMeetingBy: '2026-12-07',
      conferenceBy: '2027-02-01',
      conferenceSetBy: 'conferenceByWeek',
    });
  });

  it('city: strategy discussion by 16 weeks, conference by 24 weeks', () => {
    assert.deepEqual(preBirthMilestones(EDD, AREA_SETTINGS.city), {
      expectedDeliveryOn: EDD,
      pregnancyStartedOn: '2026-08-03',
      strategyMeetingBy: '2026-11-23',
      conferenceBy: '2027-01-18',
      conferenceSetBy: 'conferenceByWeek',
    });
  });

  it('the same three areas for a due date over New Year and in a leap year', () => {
    const expected = { north: ['2027-08-16', '2027-10-11'], coast: ['2027-08-02', '2027-09-27'], city: ['2027-07-19', '2027-09-13'] } as const;
    for (const [area, [strategy, conference]] of Object.entries(expected)) {
      const milestones = preBirthMilestones('2028-01-03', AREA_SETTINGS[area as keyof typeof AREA_SETTINGS]);
      assert.equal(milestones?.strategyMeetingBy, strategy, area);
      assert.equal(milestones?.conferenceBy, conference, area);
    }
    assert.equal(preBirthMilestones('2028-06-12', AREA_SETTINGS.north)?.conferenceBy, '2028-03-20');
  });

  it('takes the weeks before the due date when that comes first', () => {
    const milestones = preBirthMilestones(EDD, { strategyMeetingByWeek: 20, conferenceByWeek: 34, conferenceAtLeastWeeksBeforeDue: 8 });
    assert.equal(milestones?.conferenceBy, '2027-03-15');
    assert.equal(milestones?.conferenceSetBy, 'conferenceAtLeastWeeksBeforeDue');
    const only = preBirthMilestones(EDD, { strategyMeetingByWeek: null, conferenceByWeek: null, conferenceAtLeastWeeksBeforeDue: 10 });
    assert.deepEqual([only?.strategyMeetingBy, only?.conferenceBy, only?.conferenceSetBy], [null, '2027-03-01', 'conferenceAtLeastWeeksBeforeDue']);
  });

  it('gives the week when both ways name the same day', () => {
    assert.equal(preBirthMilestones(EDD, { strategyMeetingByWeek: 20, conferenceByWeek: 30, conferenceAtLeastWeeksBeforeDue: 10 })?.conferenceSetBy, 'conferenceByWeek');
  });

  it('has no milestone the area does not set', () => {
    assert.deepEqual(preBirthMilestones(EDD, { strategyMeetingByWeek: null, conferenceByWeek: null, conferenceAtLeastWeeksBeforeDue: null }), {
      expectedDeliveryOn: EDD,
      pregnancyStartedOn: '2026-08-03',
      strategyMeetingBy: null,
      conferenceBy: null,
      conferenceSetBy: null,
    });
  });

  it('uses the default settings: 20 and 28 weeks', () => {
    const milestones = preBirthMilestones(EDD, DEFAULT_PRE_BIRTH_SETTINGS);
    assert.deepEqual([milestones?.strategyMeetingBy, milestones?.conferenceBy], ['2026-12-21', '2027-02-15']);
  });

  it('has none for a due date that is not a real day', () => {
    assert.equal(preBirthMilestones('2027-02-29', DEFAULT_PRE_BIRTH_SETTINGS), null);
    assert.equal(preBirthMilestones('', DEFAULT_PRE_BIRTH_SETTINGS), null);
  });
});
