// PUT /api/v1/cases/{caseId}/birth-details: the page's correction of the birth details through the
// API, with the same use case (correct-birth-details.ts). Every reply is checked against its
// published schema (response-serialization.ts); the refusals of an outsider and of a reading in an
// emergency are walked by test/case-api-refused.test.ts.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { birthFixture, type BirthFixture } from '../../../test/helpers/birth-fixture.ts';
import { apiTokenFor } from '../../../test/helpers/factories.ts';

describe('correcting the birth details through the API', () => {
  let f: BirthFixture;
  const tokens: Record<'midwife' | 'outsider', string> = { midwife: '', outsider: '' };

  before(async () => {
    f = await birthFixture('Apicorrected');
    tokens.midwife = await apiTokenFor(f.t.ctx, f.users.midwife.email);
    tokens.outsider = await apiTokenFor(f.t.ctx, f.users.outsider.email);
  });
  after(async () => f.t.close());

  const put = (who: 'midwife' | 'outsider', caseId: string, payload: object) =>
    f.t.app.inject({ method: 'PUT', url: `/api/v1/cases/${caseId}/birth-details`, headers: { authorization: `Bearer ${tokens[who]}` }, payload });
  const errorOf = (response: LightMyRequestResponse) => response.json<{ error: { code: string; details: { path: string }[] } }>().error;

  it('corrects the details sent from the version read, keeps those left out, and answers with each change and the profile version', async () => {
    const id = await f.bornCase();
    const response = await put('midwife', id, { version: 2, reason: 'The birth notification says 29+3, born 18 November', dateOfBirth: '2026-11-18', gestationAtBirthWeeks: 29, gestationAtBirthDays: 3 });
    assert.equal(response.statusCode, 200, response.body);
    const body = response.json<{ id: string; version: number; details: object; changed: object[]; profileVersion: number; entriesCorrected: string[] }>();
    assert.deepEqual({ ...body, profileVersion: undefined, entriesCorrected: body.entriesCorrected.length }, {
      id,
      version: 3,
      details: { givenName: 'Lena', familyName: body.details['familyName' as keyof object], sex: 'female', dateOfBirth: '2026-11-18', nhsNumber: null, gestationAtBirthWeeks: 29, gestationAtBirthDays: 3, birthWeightGrams: 3200 },
      changed: [
        { field: 'dateOfBirth', from: '2026-11-20', to: '2026-11-18' },
        { field: 'gestationAtBirthWeeks', from: 39, to: 29 },
        { field: 'gestationAtBirthDays', from: null, to: 3 },
      ],
      profileVersion: undefined,
      entriesCorrected: 1,
    });
    const stored = await f.t.ctx.db.selectFrom('profile_versions').select('version').where('case_id', '=', id).orderBy('version', 'desc').executeTakeFirstOrThrow();
    assert.equal(body.profileVersion, stored.version, 'the profile version the correction wrote');
    const read = await f.t.app.inject({ method: 'GET', url: `/api/v1/cases/${id}`, headers: { authorization: `Bearer ${tokens.midwife}` } });
    assert.deepEqual(read.json<{ infant: object }>().infant, { ...body.details, expectedDeliveryDate: '2026-11-25', multipleBirth: null, independentlyMobile: null }, 'the case as read says the same, days and all');

    const weeksOnly = await put('midwife', id, { version: 3, reason: 'Scan dating: 30 completed weeks', gestationAtBirthWeeks: 30 });
    assert.equal(weeksOnly.statusCode, 200, weeksOnly.body);
    assert.deepEqual(weeksOnly.json<{ changed: object[] }>().changed, [
      { field: 'gestationAtBirthWeeks', from: 29, to: 30 },
      { field: 'gestationAtBirthDays', from: 3, to: null },
    ], 'weeks sent without days clear the days');
    const record = await f.t.app.inject({ method: 'GET', url: `/api/v1/cases/${id}`, headers: { authorization: `Bearer ${tokens.midwife}` } });
    const infant = record.json<{ infant: { gestationAtBirthWeeks: number; gestationAtBirthDays: number | null } }>().infant;
    assert.deepEqual([infant.gestationAtBirthWeeks, infant.gestationAtBirthDays], [30, null], 'the case carries the days beside the weeks');
  });

  it('answers a stale version with 409 naming the current one, and changes nothing', async () => {
    const id = await f.bornCase();
    const stale = await put('midwife', id, { version: 1, reason: 'Spelling', givenName: 'Lina' });
    assert.equal(stale.statusCode, 409);
    assert.equal(errorOf(stale).code, 'version-conflict');
    assert.match(stale.body, /Current version: 2\./);
    const row = await f.t.ctx.db.selectFrom('cases').select(['given_name', 'version']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual(row, { given_name: 'Lena', version: 2 });
  });

  it('gives every problem at once with 422 invalid-birth-details, audited, and a body not of the shape with 400', async () => {
    const id = await f.bornCase();
    const wrong = await put('midwife', id, { version: 2, reason: 'Typo', dateOfBirth: '2026-12-01', nhsNumber: '123', gestationAtBirthWeeks: 29, gestationAtBirthDays: 9, birthWeightGrams: 20 });
    assert.equal(wrong.statusCode, 422);
    assert.equal(errorOf(wrong).code, 'invalid-birth-details');
    assert.deepEqual(errorOf(wrong).details.map((d) => d.path), ['/dateOfBirth', '/nhsNumber', '/gestationAtBirthWeeks', '/birthWeightGrams']);
    const nothing = await put('midwife', id, { version: 2, reason: 'Nothing', givenName: 'Lena' });
    assert.deepEqual(errorOf(nothing).details.map((d) => d.path), ['/']);
    const audit = await f.t.ctx.db.selectFrom('audit_log').select('outcome').where('case_id', '=', id).where('action', '=', 'case.birth-details-corrected').execute();
    assert.deepEqual(audit.map((a) => a.outcome), ['failure', 'failure']);
    assert.equal((await put('midwife', id, { version: 2, givenName: 'Lina' })).statusCode, 400, 'a reason is required');
    assert.equal((await put('midwife', id, { version: 2, reason: 'x', status: 'unborn' })).statusCode, 400, 'only the birth details');
  });

  it('answers an unborn record with 409 not-born, another record’s NHS number with 409, and an outsider as a case there is not', async () => {
    const unborn = await f.unbornCase();
    const notBorn = await put('midwife', unborn, { version: 1, reason: 'Probe', givenName: 'Early' });
    assert.deepEqual([notBorn.statusCode, errorOf(notBorn).code], [409, 'not-born']);
    const first = await f.bornCase();
    assert.equal((await put('midwife', first, { version: 2, reason: 'From the notification', nhsNumber: '943 476 5919' })).statusCode, 200);
    const second = await f.bornCase();
    const taken = await put('midwife', second, { version: 2, reason: 'From the notification', nhsNumber: '9434765919' });
    assert.deepEqual([taken.statusCode, errorOf(taken).code], [409, 'duplicate-nhs-number']);
    const outsider = await put('outsider', second, { version: 2, reason: 'Probe', givenName: 'Other' });
    assert.equal(outsider.statusCode, 404);
    const audit = await f.t.ctx.db.selectFrom('audit_log').select(['actor_user_id', 'outcome']).where('case_id', '=', second).where('action', '=', 'case.birth-details-corrected').where('outcome', '=', 'denied').execute();
    assert.deepEqual(audit, [{ actor_user_id: f.users.outsider.id, outcome: 'denied' }]);
  });
});
