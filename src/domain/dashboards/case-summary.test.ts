import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays } from '../shared/calendar-date.ts';
import type { Clock } from '../timescales/clocks.ts';
import { summariseCase, type SummarisedCase } from './case-summary.ts';
import { MEASURES, RECORD_MEASURE_IDS } from './measures.ts';
import { stageDays, stageOf, stageOnDay } from './stage.ts';

const aCase = (over: Partial<SummarisedCase> = {}): SummarisedCase => ({
  caseId: 'A',
  status: 'born',
  dateOfBirth: '2026-08-31',
  level: 'child-in-need',
  openedOn: '2026-09-01',
  findings: [],
  decisions: [],
  lastReviewedAt: null,
  assessedRiskFactors: 0,
  significantAdults: 0,
  ...over,
});

const clock = (dueOn: string, status: Clock['status']): Clock => ({ id: 'assessment', label: 'Assessment', timescale: 'within 45 working days of the referral', startedOn: '2026-09-01', dueOn, status });

describe('the days a baby moves stage', () => {
  it('tell the stage on every day as stageOf does, month ends and a leap day included', () => {
    for (const born of ['2026-08-31', '2026-01-31', '2027-08-29', '2028-02-29', '2026-06-15', '2026-03-30']) {
      const days = stageDays('born', born);
      for (let day = born; day <= addDays(born, 800); day = addDays(day, 1)) {
        assert.equal(stageOnDay('born', days, day), stageOf('born', born, day), `born ${born}, on ${day}`);
      }
    }
  });

  it('are the first days of 6 and of 12 whole months: the 31st of August is 6 months old on the 1st of March', () => {
    assert.deepEqual(stageDays('born', '2026-08-31'), { sixMonthsOn: '2027-03-01', twelveMonthsOn: '2027-08-31' });
    assert.deepEqual(stageDays('born', '2026-06-15'), { sixMonthsOn: '2026-12-15', twelveMonthsOn: '2027-06-15' });
  });

  it('are none for an unborn baby, or a born one with no date of birth, who is under 6 months', () => {
    assert.deepEqual(stageDays('unborn', null), { sixMonthsOn: null, twelveMonthsOn: null });
    assert.equal(stageOnDay('unborn', stageDays('unborn', null), '2030-01-01'), 'unborn');
    assert.equal(stageOnDay('born', stageDays('born', null), '2030-01-01'), 'under-6-months');
  });
});

describe('a case’s summary for the dashboards', () => {
  it('keeps the review’s due day, null when never reviewed', () => {
    assert.equal(summariseCase(aCase(), { reason: 'never-reviewed', dueOn: null }, []).reviewDueOn, null);
    assert.equal(summariseCase(aCase(), { reason: 'scheduled', dueOn: '2026-12-01' }, []).reviewDueOn, '2026-12-01');
  });

  it('keeps the due day of the running clock due first, never a met clock’s', () => {
    const clocks = [clock('2026-10-01', 'met'), clock('2026-12-10', 'due'), clock('2026-11-20', 'overdue'), clock('2026-12-01', 'due-soon')];
    assert.equal(summariseCase(aCase(), { reason: 'never-reviewed', dueOn: null }, clocks).clockDueOn, '2026-11-20');
    assert.equal(summariseCase(aCase(), { reason: 'never-reviewed', dueOn: null }, [clock('2026-10-01', 'met')]).clockDueOn, null);
  });

  it('names the record’s measures that count the case, and no measure that turns with the date or the alerts', () => {
    const summary = summariseCase(
      aCase({ findings: [{ id: 'hidden-risk', severity: 'high' }, { id: 'gp-not-informed', severity: 'attention' }], lastReviewedAt: '2026-10-01T10:00:00Z', decisions: [{ decidedAt: '2026-10-02T10:00:00Z', findings: [{ id: 'hidden-risk', severity: 'high' }] }] }),
      { reason: 'never-reviewed', dueOn: null },
      [clock('2026-01-01', 'overdue')],
    );
    assert.deepEqual(summary.recordMeasures, ['serious-finding', 'hidden-risk', 'gp-not-informed']);
    const undecided = summariseCase(aCase({ findings: [{ id: 'hidden-risk', severity: 'high' }] }), { reason: 'never-reviewed', dueOn: null }, []);
    assert.deepEqual(undecided.recordMeasures, ['serious-finding', 'serious-without-decision', 'hidden-risk']);
    assert.ok(RECORD_MEASURE_IDS.every((id) => MEASURES[id].reads === 'record'));
    assert.deepEqual(
      Object.entries(MEASURES).filter(([, m]) => m.reads !== 'record').map(([id]) => id),
      ['review-overdue', 'never-reviewed', 'clock-overdue', 'alert-not-taken-up'],
    );
  });

  it('bands the assessment and keeps the stage days and the month opened', () => {
    const summary = summariseCase(aCase({ assessedRiskFactors: 1 }), { reason: 'never-reviewed', dueOn: null }, []);
    assert.equal(summary.completeness, 'begun');
    assert.equal(summary.sixMonthsOn, '2027-03-01');
    assert.equal(summary.openedOn, '2026-09-01');
  });
});
