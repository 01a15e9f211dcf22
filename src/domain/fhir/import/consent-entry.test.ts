import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readConsent } from './consent-entry.ts';
import { at } from './fhir.test-support.ts';
import { INFORMATION_ACCESS_CONSENT } from './uk-core-examples.test-support.ts';

const consent = (fields: Record<string, unknown>) => ({ resourceType: 'Consent', id: 'k-1', status: 'active', dateTime: '2026-11-20T09:00:00Z', ...fields });
const read = (fields: Record<string, unknown>) => readConsent(consent(fields), at('Consent/k-1', 4));

describe('a Consent as a chronology entry', () => {
  it('reads NHS England’s information access example as a case note saying what was consented to, when', () => {
    assert.deepEqual(readConsent(INFORMATION_ACCESS_CONSENT, at('Consent/UKCore-Consent-ForInformationAccess-Example')).entries.map((e) => [e.entry.kind, e.entry.summary, e.entry.occurredAt, e.occurredAtPath]), [
      ['case-note', 'Consent recorded by another agency (information access): given. Purpose: government', '2019-12-10T11:15:00+00:00', '/entry/0/resource/dateTime'],
    ]);
  });

  it('says a refusal, a denying provision, and who recorded it', () => {
    const [mapped] = read({ status: 'rejected', scope: { text: 'Sharing with children’s social care' }, provision: { type: 'deny' }, organization: [{ display: 'Riverside Surgery' }] }).entries;
    assert.equal(mapped?.entry.summary, 'Consent recorded by another agency (Sharing with children’s social care): refused. It refuses what it names. Recorded by Riverside Surgery');
    assert.equal(mapped?.entry.agency, 'Riverside Surgery');
    assert.equal(read({ status: 'inactive' }).entries[0]?.entry.summary, 'Consent recorded by another agency (sharing information): no longer in force');
    assert.equal(read({ status: 'constructor' }).entries[0]?.entry.summary, 'Consent recorded by another agency (sharing information): constructor');
  });

  it('leaves out a draft or proposed consent and one entered in error, and reports one without a date', () => {
    assert.deepEqual(['draft', 'proposed', 'entered-in-error'].map((status) => read({ status }).skipped[0]?.code), ['not-happened', 'not-happened', 'entered-in-error']);
    assert.deepEqual(read({ dateTime: undefined }).rejected.map((r) => [r.code, r.path]), [['no-date', '/entry/4/resource/dateTime']]);
  });
});
