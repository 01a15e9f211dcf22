import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiTokenFor, makeCase, makeOrganisation, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { addDays } from '../../domain/shared/calendar-date.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';

interface CensusRow {
  AssessmentAuthorisationDate: string;
  ReferralSource: string | null;
  AssessmentFactors: string[];
  factorsToConfirm: string[];
}

// The census return gives each assessment the factors of the profile as it stood at the end of the
// day it was completed, and the referral source the social worker chose on the referral (issue 16).
describe('the census return as the profile stood at each assessment, with who referred', () => {
  let t: TestApp;
  let first: string;
  let caseId: string;
  const tokens = {} as Record<'social' | 'lead', string>;

  const call = (method: 'POST' | 'PUT', path: string, payload: object) =>
    t.app.inject({ method, url: `/api/v1/cases/${caseId}/${path}`, headers: { authorization: `Bearer ${tokens.social}` }, payload });
  const census = (accept = 'application/json') =>
    t.app.inject({ method: 'GET', url: `/api/v1/reports/cin-census?from=${addDays(first, -30)}&to=${addDays(first, 2)}`, headers: { authorization: `Bearer ${tokens.lead}`, accept } });

  before(async () => {
    t = await createTestApp();
    first = serviceToday(t.clock.now());
    const csc = await makeOrganisation(t.ctx, 'childrens-social-care');
    const social = await makeUser(t.ctx, { role: 'practitioner', organisationId: csc.id });
    tokens.social = await apiTokenFor(t.ctx, social.email);
    tokens.lead = await apiTokenFor(t.ctx, (await makeUser(t.ctx, { role: 'safeguarding-lead', organisationId: csc.id })).email);
    caseId = (await makeCase(t.ctx, { teamUserIds: [social.id] })).id;
    const referral = await call('POST', 'events', { kind: 'referral', occurredAt: addDays(first, -10), summary: 'The health visitor referred', source: 'agency-record', referralSource: '3B' });
    assert.equal(referral.statusCode, 201, referral.body);
    assert.equal(referral.json<{ referralSource: string }>().referralSource, '3B');
    // Assessed before the end of the first assessment's day: in both rows.
    const disability = await call('PUT', 'profile/factors/disability-or-complex-health', { status: 'present', detail: 'Heart condition', evidence: [], version: 0 });
    assert.equal(disability.statusCode, 200, disability.body);
    assert.equal((await call('POST', 'events', { kind: 'assessment-completed', occurredAt: first, summary: 'Assessment completed', source: 'professional-judgement' })).statusCode, 201);
    t.clock.advanceMinutes(2 * 24 * 60);
    // Assessed two days later: only in the second assessment's row.
    const sleep = await call('PUT', 'profile/factors/unsafe-sleep', { status: 'present', detail: 'Sleeps on the sofa with her father', evidence: [], version: 0 });
    assert.equal(sleep.statusCode, 200, sleep.body);
    assert.equal((await call('POST', 'events', { kind: 'assessment-completed', occurredAt: addDays(first, 2), summary: 'Reassessed', source: 'professional-judgement' })).statusCode, 201);
  });
  after(async () => t.close());

  it('gives a row per assessment, each with the factors in force at the end of its day: a factor assessed after it is not in it', async () => {
    const response = await census();
    assert.equal(response.statusCode, 200, response.body);
    const rows = response.json<{ rows: CensusRow[] }>().rows;
    assert.deepEqual(
      rows.map((r) => [r.AssessmentAuthorisationDate, r.AssessmentFactors, r.factorsToConfirm]),
      [
        [first, ['6A'], []],
        [addDays(first, 2), ['6A'], ['16A']],
      ],
    );
  });

  it('gives the referral source chosen on the referral, in JSON and in the CSV’s ReferralSource column', async () => {
    assert.deepEqual((await census()).json<{ rows: CensusRow[] }>().rows.map((r) => r.ReferralSource), ['3B', null]);
    const lines = (await census('text/csv')).body.replace(/^\uFEFF/, '').split('\r\n');
    const header = lines[0]!.split(',');
    assert.deepEqual(header, ['LAchildID', 'CINreferralDate', 'ReferralSource', 'AssessmentAuthorisationDate', 'AssessmentFactors', 'CPPstartDate', 'CPPendDate', 'InitialCategoryOfAbuse', 'LatestCategoryOfAbuse']);
    const cell = (line: string, column: string) => line.split(',')[header.indexOf(column)];
    assert.equal(cell(lines[1]!, 'ReferralSource'), '3B');
    assert.equal(cell(lines[1]!, 'CINreferralDate'), addDays(first, -10));
    assert.equal(cell(lines[2]!, 'ReferralSource'), '', 'the second assessment had no referral: not recorded');
  });

  it('refuses a referral source on an entry that is not a referral (422) and a code not in the census list (400)', async () => {
    const visit = await call('POST', 'events', { kind: 'home-visit', occurredAt: addDays(first, 1), summary: 'Visited', source: 'observed', referralSource: '3B' });
    assert.equal(visit.statusCode, 422, visit.body);
    assert.deepEqual(visit.json<{ error: { code: string; details: unknown[] } }>().error.details, [{ path: '/referralSource', message: 'Only a referral says who referred' }]);
    const unknown = await call('POST', 'events', { kind: 'referral', occurredAt: addDays(first, 1), summary: 'Referred', source: 'agency-record', referralSource: '3G' });
    assert.equal(unknown.statusCode, 400, unknown.body);
    const reserved = await call('POST', 'events', { kind: 'referral', occurredAt: addDays(first, 1), summary: 'Referred', source: 'agency-record', details: { referralSource: '6' } });
    assert.equal(reserved.statusCode, 400, 'the details key is the service’s own');
  });
});
