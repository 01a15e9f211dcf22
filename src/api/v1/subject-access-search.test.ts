// POST /api/v1/subject-access-searches: the people a name and date of birth find, for a data protection
// officer, with how to name each in a request (the page's rules: the search's own person matching);
// a bad date refused (422 invalid-search) and anyone else refused (403), each audited; published in
// the OpenAPI document with its schemas.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiTokenFor, makeCase, makePerson } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { MOTHER_NHS, seedSubjectAccessFamily, type SubjectAccessFamily } from '../../application/subject-access/subject-access.test-support.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';

describe('the subject access search API', () => {
  let t: TestApp;
  let f: SubjectAccessFamily;
  let unnamedBabyCase: string;
  const tokens: Record<string, string> = {};

  before(async () => {
    t = await createTestApp();
    f = await seedSubjectAccessFamily(t.ctx);
    await t.ctx.db.updateTable('people').set({ date_of_birth: '1994-03-17' }).where('id', '=', f.mother.id).execute();
    // A baby of the same name and date of birth as the seeded Lily, recorded without an NHS number.
    ({ id: unnamedBabyCase } = await makeCase(t.ctx, { familyName: 'Hart', teamUserIds: [f.practitioner.id] }));
    await t.ctx.db.updateTable('cases').set({ given_name: 'Lily' }).where('id', '=', unnamedBabyCase).execute();
    await makePerson(t.ctx, unnamedBabyCase, { date_of_birth: '1990-01-01', nhs_number: null });
    tokens['officer'] = await apiTokenFor(t.ctx, f.officer.email);
    tokens['practitioner'] = await apiTokenFor(t.ctx, f.practitioner.email);
  });
  after(async () => t.close());

  const search = (who: string, payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/subject-access-searches', headers: { authorization: `Bearer ${tokens[who]!}` }, payload });
  const lastAudit = async () => t.ctx.db.selectFrom('audit_log').select(['action', 'outcome']).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();

  it('finds the mother by a misspelt name and her date of birth, and the request names her by what it says', async () => {
    const found = await search('officer', { name: 'Hart, Sara', dateOfBirth: '1994-03-17' });
    assert.equal(found.statusCode, 200, found.body);
    assert.deepEqual(found.json(), {
      matches: [{ nhsNumber: MOTHER_NHS, personId: null, name: 'Sarah Hart', dateOfBirth: '1994-03-17', cases: [{ caseId: f.caseId, babyName: 'Lily Hart', as: 'mother', postcodeDistrict: null, agencies: ['Riverside Council'], postcodeMatched: false }] }],
      babiesWithoutNhsNumber: [],
      more: false,
    });
    assert.deepEqual(await lastAudit(), { action: 'subject-access.search', outcome: 'success' });
    const made = await t.app.inject({ method: 'POST', url: '/api/v1/subject-access-requests', headers: { authorization: `Bearer ${tokens['officer']!}` }, payload: { nhsNumber: MOTHER_NHS, receivedOn: serviceToday(t.clock.now()) } });
    assert.equal(made.statusCode, 201);
  });

  it('lists a matching baby without an NHS number apart, as one a request cannot name yet', async () => {
    const found = (await search('officer', { name: 'Lily Hart', dateOfBirth: '2026-10-01' })).json<{ matches: { cases: { caseId: string }[] }[]; babiesWithoutNhsNumber: { caseId: string }[] }>();
    assert.deepEqual(found.matches.map((m) => m.cases.map((c) => c.caseId)), [[f.caseId]]);
    assert.deepEqual(found.babiesWithoutNhsNumber.map((b) => b.caseId), [unnamedBabyCase]);
  });

  it('refuses a date that is not one (422) and anyone who is not an officer (403), audited', async () => {
    const slip = await search('officer', { name: 'Sarah Hart', dateOfBirth: '17/03/1994' });
    assert.equal(slip.statusCode, 422);
    assert.deepEqual(slip.json<{ error: { code: string; details: { path: string }[] } }>().error.code, 'invalid-search');
    assert.deepEqual(await lastAudit(), { action: 'subject-access.search', outcome: 'failure' });
    const early = await search('officer', { name: 'Sarah Hart', dateOfBirth: '1094-03-17' });
    assert.equal(early.statusCode, 422);
    assert.deepEqual(early.json<{ error: { details: { path: string; message: string }[] } }>().error.details, [{ path: '/dateOfBirth', message: 'Date of birth must be in 1900 or later: check the year.' }]);
    const team = await search('practitioner', { name: 'Sarah Hart', dateOfBirth: '1994-03-17' });
    assert.equal(team.statusCode, 403);
    assert.doesNotMatch(team.body, /Lily|Sarah/);
    assert.deepEqual(await lastAudit(), { action: 'subject-access.search', outcome: 'denied' });
  });

  it('publishes the operation with its request and response schemas', async () => {
    type Schema = { properties?: Record<string, unknown> };
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Schema }> }; responses: Record<string, { content?: Record<string, { schema: Schema }> }> }>> }>();
    const operation = doc.paths['/api/v1/subject-access-searches']?.['post'];
    assert.deepEqual(Object.keys(operation?.requestBody?.content['application/json']?.schema.properties ?? {}).sort(), ['dateOfBirth', 'name', 'postcode']);
    assert.deepEqual(Object.keys(operation?.responses['200']?.content?.['application/json']?.schema.properties ?? {}).sort(), ['babiesWithoutNhsNumber', 'matches', 'more']);
    assert.ok(operation?.responses['422'] && operation.responses['403']);
  });
});
