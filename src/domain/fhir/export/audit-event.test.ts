import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AUDIT_ACTIONS } from '../../access/audit-words.ts';
import { auditEventAction, auditEventResource, type AccessLogEntryForExport } from './audit-event.ts';
import { ukCoreProblems } from './uk-core-rules.test-support.ts';

const look: AccessLogEntryForExport = { id: 'a-1', occurredAt: '2026-11-20T10:00:00.000Z', action: 'case.view', outcome: 'success', basis: 'team', printed: null, who: 'Hana Visitor', organisation: 'Shire Health Visiting', person: true };

describe('the access log as UK Core AuditEvents', () => {
  it('keeps the rules for every action the service audits', () => {
    for (const action of AUDIT_ACTIONS) assert.deepEqual(ukCoreProblems({ ...auditEventResource({ ...look, action }, 'case-1') }), [], action);
  });

  it('is a Patient Record event about the baby, by the person who did it, with the words the access log page uses', () => {
    const event = auditEventResource(look, 'case-1');
    assert.deepEqual(event.type, { system: 'http://dicom.nema.org/resources/ontology/DCM', code: '110110', display: 'Patient Record' });
    assert.deepEqual(event.subtype, [{ system: 'urn:infant-care-profile:audit-action', code: 'case.view', display: 'Opened the record' }]);
    assert.deepEqual(event.agent, [{ who: { display: 'Hana Visitor (Shire Health Visiting)' }, requestor: true }]);
    assert.deepEqual(event.entity, [{ what: { reference: 'Patient/case-1' }, type: { system: 'http://terminology.hl7.org/CodeSystem/audit-entity-type', code: '1', display: 'Person' } }]);
    assert.equal(event.outcome, '0');
    assert.equal(event.purposeOfEvent, undefined);
  });

  it('reads a look, updates a change, executes anything else', () => {
    assert.equal(auditEventAction('case.view'), 'R');
    assert.equal(auditEventAction('profile.factor-update'), 'U');
    assert.equal(auditEventAction('sign-in'), 'E');
    assert.equal(auditEventAction('something-new'), 'E');
  });

  it('says a refusal and an attempt that did not go through as a minor failure, in words', () => {
    assert.deepEqual([auditEventResource({ ...look, outcome: 'denied' }, 'c').outcome, auditEventResource({ ...look, outcome: 'denied' }, 'c').outcomeDesc], ['4', 'Refused']);
    assert.equal(auditEventResource({ ...look, outcome: 'failure' }, 'c').outcomeDesc, 'Did not go through');
  });

  it('marks an emergency access as breaking the glass, and names the service when no person did it', () => {
    assert.deepEqual(auditEventResource({ ...look, basis: 'break-glass' }, 'c').purposeOfEvent, [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: 'BTG', display: 'break the glass' }] }]);
    assert.deepEqual(auditEventResource({ ...look, action: 'case.break-glass', basis: null }, 'c').purposeOfEvent?.[0]?.coding?.[0]?.code, 'BTG');
    assert.deepEqual(auditEventResource({ ...look, who: 'The service itself', organisation: null, person: false }, 'c').agent, [{ who: { display: 'The service itself' }, requestor: false }]);
  });

  it('says a printed view as what was printed', () => {
    assert.equal(auditEventResource({ ...look, printed: { print: 'profile', format: 'pdf' } }, 'c').subtype[0]?.display, 'Made a PDF of the profile');
  });
});
