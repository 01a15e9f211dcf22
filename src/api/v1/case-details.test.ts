// The API's side of issue 14: a case's address, GP practice, birth hospital and mother's NHS number
// (a restricted address withheld but for its audited reveal), and a search by the mother's NHS number
// and by postcode that shows a record the caller cannot open only as its age band, why it matched
// and whom to contact. Every reply is checked against its published schema (response-serialization.ts).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiTokenFor, makeCase, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';

describe("a case's address, GP and hospital through the API", () => {
  let t: TestApp;
  let caseId: string;
  const tokens: Record<string, string> = {};
  const users: Record<string, Awaited<ReturnType<typeof makeUser>>> = {};

  before(async () => {
    t = await createTestApp();
    for (const [name, role] of [['lead', 'practitioner'], ['member', 'practitioner'], ['outsider', 'practitioner'], ['admin', 'admin']] as const) {
      users[name] = await makeUser(t.ctx, { name, role });
      tokens[name] = await apiTokenFor(t.ctx, users[name].email);
    }
    ({ id: caseId } = await makeCase(t.ctx, { familyName: 'Detailtest', teamUserIds: [users['lead']!.id, users['member']!.id] }));
    await t.ctx.db.updateTable('cases').set({ status: 'unborn', date_of_birth: null, expected_delivery_date: '2027-03-14' }).where('id', '=', caseId).execute();
  });
  after(async () => t.close());

  const call = (who: string, method: 'GET' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { authorization: `Bearer ${tokens[who]}` }, ...(payload ? { payload } : {}) });

  it('records the details from the version read, withholds a restricted address, and answers a stale version with 409', async () => {
    const saved = await call('lead', 'PUT', `/cases/${caseId}/details`, { version: 1, address: '9 Quiet Row, Derby', postcode: 'de1 2ab', addressRestricted: true, gpPracticeName: 'Mill Lane Surgery', gpPracticeOdsCode: 'C84001', motherNhsNumber: '4010232137' });
    assert.equal(saved.statusCode, 200, saved.body);
    assert.deepEqual(saved.json(), {
      id: caseId,
      version: 2,
      changed: ['address', 'postcode', 'addressRestricted', 'gpPracticeName', 'gpPracticeOdsCode', 'motherNhsNumber'],
      details: { address: null, postcode: null, addressRestricted: true, addressWithheld: true, gpPracticeName: 'Mill Lane Surgery', gpPracticeOdsCode: 'C84001', birthHospital: null, motherNhsNumber: '4010232137' },
    });
    const kept = await call('member', 'PUT', `/cases/${caseId}/details`, { version: 2, birthHospital: 'Royal Derby Hospital' });
    assert.deepEqual(kept.json<{ changed: string[] }>().changed, ['birthHospital'], 'fields left out stay as they are');
    assert.equal((await call('lead', 'PUT', `/cases/${caseId}/details`, { version: 2, birthHospital: 'Elsewhere' })).statusCode, 409);
    const view = await call('member', 'GET', `/cases/${caseId}`);
    assert.equal(view.json<{ details: { address: string | null; birthHospital: string } }>().details.address, null);
    assert.ok(!view.body.includes('Quiet Row'));
  });

  it('answers details the rules refuse with 422 naming each, a wrong type with 400, and an outsider as a case there is not (404)', async () => {
    const refused = await call('lead', 'PUT', `/cases/${caseId}/details`, { version: 3, postcode: 'DE1', motherNhsNumber: '4010232138' });
    assert.equal(refused.statusCode, 422);
    assert.deepEqual(refused.json<{ error: { details: { path: string }[] } }>().error.details.map((detail) => detail.path), ['/postcode', '/motherNhsNumber']);
    assert.equal((await call('lead', 'PUT', `/cases/${caseId}/details`, { version: 3, addressRestricted: 'yes' })).statusCode, 400);
    assert.equal((await call('outsider', 'PUT', `/cases/${caseId}/details`, { version: 3, birthHospital: 'X' })).statusCode, 404);
  });

  it('reveals a restricted address only to the lead, audited, and refuses a team member', async () => {
    const shown = await call('lead', 'GET', `/cases/${caseId}/address`);
    assert.deepEqual(shown.json(), { address: '9 Quiet Row, Derby', postcode: 'DE1 2AB', restricted: true });
    assert.equal((await call('member', 'GET', `/cases/${caseId}/address`)).statusCode, 403);
    const audit = await t.ctx.db.selectFrom('audit_log').select(['actor_user_id', 'outcome']).where('action', '=', 'case.address-reveal').where('case_id', '=', caseId).orderBy('seq').execute();
    assert.deepEqual(audit, [
      { actor_user_id: users['lead']!.id, outcome: 'success' },
      { actor_user_id: users['member']!.id, outcome: 'denied' },
    ]);
  });

  it("finds the unborn record by the mother's NHS number, showing an outsider the due month and why, never the address", async () => {
    const response = await call('outsider', 'GET', '/cases?nhsNumber=4010232137');
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json<{ items: unknown[] }>().items, [
      { id: caseId, restricted: true, contact: { name: 'lead', organisation: (await organisationOf('lead')), email: users['lead']!.email }, ageBand: 'unborn, due March 2027', matchedOn: ['mother-nhs-number'], peopleMatched: [], own: false },
    ]);
    const own = await call('lead', 'GET', '/cases?nhsNumber=4010232137');
    assert.deepEqual(own.json<{ items: { own: boolean; matchedOn: string[] }[] }>().items.map((item) => [item.own, item.matchedOn]), [[true, ['mother-nhs-number']]]);
  });

  it('never finds a restricted address by its postcode, and refuses an administrator a search by postcode with 403', async () => {
    const response = await call('lead', 'GET', '/cases?postcode=DE1%202AB');
    assert.deepEqual(response.json<{ items: unknown[] }>().items, []);
    assert.equal((await call('admin', 'GET', '/cases?postcode=DE1%202AB')).statusCode, 403);
    assert.equal((await call('lead', 'GET', '/cases?postcode=DE1')).statusCode, 400);
  });

  it("takes the details with a new record, and answers one the rules refuse with 422 naming the detail", async () => {
    const infant = { familyName: 'Newdetail', expectedDeliveryDate: '2027-04-20' };
    const refused = await t.app.inject({ method: 'POST', url: '/api/v1/cases', headers: { authorization: `Bearer ${tokens['lead']}` }, payload: { infant, details: { gpPracticeOdsCode: 'Z1' } } });
    assert.equal(refused.statusCode, 422);
    assert.deepEqual(refused.json<{ error: { details: { path: string }[] } }>().error.details.map((detail) => detail.path), ['/details/gpPracticeOdsCode']);
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/cases', headers: { authorization: `Bearer ${tokens['lead']}` }, payload: { infant, details: { postcode: 'ne1 4xf', motherNhsNumber: '9876543210' } } });
    assert.equal(created.statusCode, 201, created.body);
    const view = await call('lead', 'GET', `/cases/${created.json<{ id: string }>().id}`);
    assert.deepEqual(view.json<{ details: { postcode: string; motherNhsNumber: string } }>().details, {
      address: null, postcode: 'NE1 4XF', addressRestricted: false, addressWithheld: false, gpPracticeName: null, gpPracticeOdsCode: null, birthHospital: null, motherNhsNumber: '9876543210',
    });
  });

  async function organisationOf(name: string): Promise<string> {
    return (await t.ctx.db.selectFrom('organisations').select('name').where('id', '=', users[name]!.organisationId).executeTakeFirstOrThrow()).name;
  }
});
