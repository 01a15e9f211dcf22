import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EVENT_KINDS } from '../catalogue/event-kinds.ts';
import { alertForEntry, LOWER_STAKES_TRIGGERS, reasonForKind } from './entry-alert.ts';

const TODAY = '2026-11-22';
const context = { babyName: 'Ruby Okafor', today: TODAY };
const alertFor = (kind: string, occurredAt = TODAY, extra: { correctsKind?: string } = {}) => alertForEntry({ kind, occurredAt }, { ...context, ...extra });

describe('the alert a chronology entry raises', () => {
  it('raises one discharge alert, high, for a hospital discharge: not a second one for being a trigger', () => {
    const alert = alertFor('hospital-discharge');
    assert.equal(alert?.reason, 'discharge');
    assert.equal(alert?.severity, 'high');
    assert.equal(alert?.message, 'Ruby Okafor was discharged from hospital today (22 November 2026). Everyone in the team must know today.');
    assert.deepEqual(alert?.steps, ['Agree who sees the baby at home first, and when.', 'Review the profile: this brings the review forward.']);
  });

  it('says the baby has gone home when the discharge was on an earlier day (Derby and Derbyshire review, section 5.23: told 19 days too late is still told)', () => {
    assert.equal(alertFor('hospital-discharge', '2026-11-03')?.message, 'Ruby Okafor was discharged from hospital on 3 November 2026 and has gone home. Everyone in the team must know.');
  });

  it('names the neonatal unit for a neonatal discharge, and reads the day of a date-time', () => {
    const alert = alertFor('neonatal-discharge', '2026-11-22T15:30:00+00:00');
    assert.equal(alert?.reason, 'discharge');
    assert.match(alert?.message ?? '', /^Ruby Okafor was discharged from the neonatal unit today \(22 November 2026\)\./);
  });

  it('raises an emergency-attendance alert, high, for an emergency department attendance', () => {
    const alert = alertFor('emergency-attendance', '2026-11-21');
    assert.equal(alert?.reason, 'emergency-attendance');
    assert.equal(alert?.severity, 'high');
    assert.equal(alert?.message, 'Ruby Okafor was taken to the emergency department on 21 November 2026. Everyone in the team must know.');
  });

  it('raises a trigger alert, high, for a police domestic abuse incident, naming the baby and the kind', () => {
    const alert = alertFor('police-domestic-abuse-incident', '2026-11-20T23:10:00+00:00');
    assert.equal(alert?.reason, 'trigger-event');
    assert.equal(alert?.severity, 'high');
    assert.equal(alert?.message, 'For Ruby Okafor: Domestic abuse incident reported to the police (20 November 2026).');
    assert.deepEqual(alert?.steps, ['Review the profile: this brings the review forward.']);
  });

  it('tells the team of the birth, high, with who sees the baby at home first (docs/domain.md, "Recording the birth")', () => {
    const alert = alertFor('birth');
    assert.equal(alert?.reason, 'trigger-event');
    assert.equal(alert?.severity, 'high');
    assert.equal(alert?.message, 'Ruby Okafor was born today (22 November 2026). Everyone in the team must know.');
    assert.deepEqual(alert?.steps, ['Agree who sees the baby at home first, and when.', 'Review the profile: this brings the review forward.']);
    assert.equal(alertFor('birth', '2026-11-19')?.message, 'Ruby Okafor was born on 19 November 2026. Everyone in the team must know.');
    assert.equal(alertFor('birth', TODAY, { correctsKind: 'birth' }), null, 'a corrected Birth entry does not tell the team again');
  });

  it('raises a trigger alert at attention for the lower-stakes triggers', () => {
    for (const kind of LOWER_STAKES_TRIGGERS) assert.equal(alertFor(kind)?.severity, 'attention', kind);
    assert.equal(alertFor('new-adult-in-household')?.severity, 'high');
    assert.equal(alertFor('injury-observed')?.severity, 'high');
    assert.equal(alertFor('birth')?.severity, 'high');
  });

  it('raises nothing for a kind that is not a trigger', () => {
    for (const kind of ['home-visit', 'case-note', 'was-not-brought', 'referral', 'not-a-kind']) assert.equal(alertFor(kind), null, kind);
  });

  it('gives every trigger kind exactly one alert, and every other kind none', () => {
    for (const kind of EVENT_KINDS) {
      assert.equal(alertFor(kind.id) !== null, kind.trigger, kind.id);
      assert.equal(reasonForKind(kind.id) !== null, kind.trigger, kind.id);
    }
  });

  it('raises nothing for a correction of an entry that raised the same reason: the team was told the first time', () => {
    assert.equal(alertFor('hospital-discharge', '2026-11-21', { correctsKind: 'hospital-discharge' }), null);
    assert.equal(alertFor('hospital-discharge', '2026-11-21', { correctsKind: 'neonatal-discharge' }), null);
    assert.equal(alertFor('police-incident', TODAY, { correctsKind: 'police-domestic-abuse-incident' }), null);
  });

  it('raises the alert for a correction that turns an entry into a discharge', () => {
    assert.equal(alertFor('hospital-discharge', TODAY, { correctsKind: 'home-visit' })?.reason, 'discharge');
    assert.equal(alertFor('hospital-discharge', TODAY, { correctsKind: 'hospital-admission' })?.reason, 'discharge');
  });

  it('uses the name it is given, such as an unborn baby’s', () => {
    assert.match(alertForEntry({ kind: 'police-incident', occurredAt: TODAY }, { babyName: 'Unborn baby Hart', today: TODAY })?.message ?? '', /^For Unborn baby Hart: Police incident/);
  });
});
