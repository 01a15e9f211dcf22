import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { withdrawnAlertsEmail } from './withdrawal-email.ts';

describe('the email that withdraws alerts with a record made in error', () => {
  it('lists each alert by severity, title and day, names nobody, and gives the reference', () => {
    const email = withdrawnAlertsEmail(
      [
        { reason: 'trigger-event', findingId: null, severity: 'high', raisedOn: '2026-11-20' },
        { reason: 'critical-finding', findingId: 'non-mobile-injury', severity: 'critical', raisedOn: '2026-11-21' },
      ],
      'case-123',
    );
    assert.equal(email.subject, 'Alerts withdrawn: a record made in error');
    assert.match(email.body, /The 2 alerts it raised that reached you are withdrawn with it:/);
    assert.match(email.body, /^- High alert – .+, raised on 20 November 2026$/m);
    assert.match(email.body, /^- Critical alert – .+, raised on 21 November 2026$/m);
    assert.match(email.body, /Reference for the withdrawal: case-123$/);
  });

  it('speaks of one alert as one', () => {
    const email = withdrawnAlertsEmail([{ reason: 'discharge', findingId: null, severity: 'attention', raisedOn: '2026-11-20' }], 'c');
    assert.equal(email.subject, 'Alert withdrawn: a record made in error');
    assert.match(email.body, /The alert it raised that reached you is withdrawn with it/);
    assert.match(email.body, /anything more about it\. If you acted on it,/);
  });

  it('says a person added to the wrong family was withdrawn, when that is what raised them', () => {
    const email = withdrawnAlertsEmail([{ reason: 'trigger-event', findingId: null, severity: 'high', raisedOn: '2026-11-20' }], 'case-1/person-2', 'person');
    assert.equal(email.subject, 'Alert withdrawn: a person added in error');
    assert.match(email.body, /^A person added to the wrong family has been withdrawn by two people and removed from the record\. The alert it raised/);
    assert.match(email.body, /Reference for the withdrawal: case-1\/person-2$/);
  });
});
