import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RecordedConsent } from '../../consent/consent.types.ts';
import { consentResources } from './consent.ts';
import { ukCoreProblems } from './uk-core-rules.test-support.ts';

const stored = { recordedAt: '2026-11-20T10:00:00.000Z', recordedBy: 'Hana Visitor' };
const given: RecordedConsent = { kind: 'consent', id: 'k-1', askedPersonId: 'p-1', purpose: 'Sharing with the GP', soughtOn: '2026-11-01', answer: 'given', ...stored };
const refused: RecordedConsent = { kind: 'consent', id: 'k-2', askedName: 'Dan Smith', purpose: 'Sharing with housing', soughtOn: '2026-11-02', answer: 'refused', ...stored };
const withdrawal: RecordedConsent = { kind: 'withdrawal', id: 'k-3', withdraws: 'k-1', withdrawnOn: '2026-11-10', ...stored };
const sharing: RecordedConsent = { kind: 'shared-without-consent', id: 'k-4', sharedWhat: 'Injury', sharedWith: 'Police', sharedOn: '2026-11-11', basis: 'safeguarding-child', decidedBy: 'u-1', decidedByName: 'Lead', reason: 'Risk of harm', ...stored };
const people = new Set(['p-1']);

describe('consents sought as UK Core Consents', () => {
  it('makes a given consent active and permitting, a privacy consent of the baby’s record, keeping the rules', () => {
    const [consent] = consentResources([given], people, 'case-1');
    assert.deepEqual(ukCoreProblems({ ...consent! }), []);
    assert.equal(consent?.status, 'active');
    assert.deepEqual(consent?.provision, { type: 'permit' });
    assert.deepEqual(consent?.scope.coding, [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy', display: 'Privacy Consent' }]);
    assert.deepEqual(consent?.performer, [{ reference: 'RelatedPerson/p-1' }]);
    assert.equal(consent?.dateTime, '2026-11-01');
  });

  it('makes a refused consent rejected and denying, naming who was asked', () => {
    const [consent] = consentResources([refused], people, 'case-1');
    assert.equal(consent?.status, 'rejected');
    assert.deepEqual(consent?.provision, { type: 'deny' });
    assert.deepEqual(consent?.performer, [{ display: 'Dan Smith' }]);
  });

  it('makes a withdrawn consent inactive, with the day it was withdrawn; the withdrawal is not a Consent of its own', () => {
    const consents = consentResources([withdrawal, given], people, 'case-1');
    assert.equal(consents.length, 1);
    assert.equal(consents[0]?.status, 'inactive');
    assert.match(consents[0].text.div, /Withdrawn on 2026-11-10/);
  });

  it('does not export information shared without consent as a Consent', () => {
    assert.deepEqual(consentResources([sharing], people, 'case-1'), []);
  });

  it('names a person no longer on the case by the name recorded, not a reference that would not resolve', () => {
    assert.deepEqual(consentResources([given], new Set(), 'case-1')[0]?.performer, [{ display: 'Not recorded' }]);
  });
});
