import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { alertEmail, casePath } from './alert-email.ts';
import { alertTitle } from './alert-words.ts';

const discharge = {
  reason: 'discharge' as const,
  severity: 'high' as const,
  message: 'Ruby Okafor was discharged from hospital today (22 November 2026). Everyone in the team must know today.',
  steps: ['Agree who sees the baby at home first, and when.', 'Review the profile: this brings the review forward.'],
  caseId: 'case-1',
  reachedAs: 'lead-professional' as const,
};

describe('the email for an alert', () => {
  it('has a subject that names nobody', () => {
    assert.equal(alertEmail(discharge).subject, 'High alert – Discharged from hospital or a neonatal unit');
    assert.equal(alertEmail({ ...discharge, reason: 'critical-finding', severity: 'critical', findingId: 'non-mobile-injury' }).subject, 'Critical alert – Injury to a baby who is not independently mobile');
  });

  it('gives the message, the numbered steps, the case’s path, where to acknowledge, and why it was sent', () => {
    assert.equal(
      alertEmail(discharge).body,
      [
        discharge.message,
        '',
        'What to do now:',
        '1. Agree who sees the baby at home first, and when.',
        '2. Review the profile: this brings the review forward.',
        '',
        'Open the case: /cases/case-1',
        'Acknowledge the alert, with a note of what you have done: /alerts',
        '',
        'You are sent this as the lead professional. Sign in to see the record.',
      ].join('\n'),
    );
  });

  it('leaves out the steps when there are none', () => {
    assert.doesNotMatch(alertEmail({ ...discharge, steps: [] }).body, /What to do now/);
  });

  it('says when it comes by escalation, and to whom', () => {
    const email = alertEmail({ ...discharge, reachedAs: 'safeguarding-lead', escalatedAfterHours: 4 });
    assert.match(email.subject, /^Not acknowledged: High alert/);
    assert.match(email.body, /^Nobody in the team around the family has acknowledged this alert in 4 hours, so it comes to you as a safeguarding lead\.\n\n/);
    assert.match(alertEmail({ ...discharge, reachedAs: 'safeguarding-lead', escalatedAfterHours: 1 }).body, /in 1 hour,/);
  });

  it('keeps an odd case id from breaking the path', () => {
    assert.equal(casePath('a/b c'), '/cases/a%2Fb%20c');
  });

  it('titles every reason without personal data', () => {
    assert.equal(alertTitle('emergency-attendance', null), 'Taken to the emergency department');
    assert.equal(alertTitle('trigger-event', null), 'An event that brings the profile review forward');
    assert.equal(alertTitle('critical-finding', 'unsafe-sleep-combination'), 'Unsafe sleep with a risk that makes it worse');
    assert.equal(alertTitle('critical-finding', 'gone'), 'A critical finding');
  });
});
