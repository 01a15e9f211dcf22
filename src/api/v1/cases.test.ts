import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiTokenFor, makeCase, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';

describe('cases API', () => {
  let t: TestApp;
  let caseId: string;
  const tokens: Record<string, string> = {};
  const users: Record<string, Awaited<ReturnType<typeof makeUser>>> = {};

  before(async () => {
    t = await createTestApp();
    for (const name of ['lead', 'member', 'outsider', 'newcomer']) {
      users[name] = await makeUser(t.ctx, { name });
      tokens[name] = await apiTokenFor(t.ctx, users[name].email);
    }
    ({ id: caseId } = await makeCase(t.ctx, { familyName: 'Apitest', teamUserIds: [users['lead']!.id, users['member']!.id] }));
  });
  after(async () => t.close());

  const call = (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { authorization: `Bearer ${tokens[who]}` }, ...(payload ? { payload } : {}) });

  const mother = { givenName: 'Ann', familyName: 'Apitest', relationshipToInfant: 'mother', livesInHousehold: true, caresForInfant: true, nhsNumber: '9434765919' };

  it('shows a team member the case, its team and the basis of access', async () => {
    const response = await call('member', 'GET', `/cases/${caseId}`);
    assert.equal(response.statusCode, 200);
    const body = response.json<{ id: string; status: string; infant: { familyName: string }; team: { role: string }[]; access: string }>();
    assert.equal(body.infant.familyName, 'Apitest');
    assert.equal(body.access, 'team-member');
    assert.equal(body.team.length, 2);
  });

  it('answers an outsider as a case there is not (404, no data), audits it, and answers an unknown id with 404', async () => {
    const refused = await call('outsider', 'GET', `/cases/${caseId}`);
    assert.equal(refused.statusCode, 404);
    assert.doesNotMatch(refused.body, /Apitest/);
    assert.equal(refused.json<{ error: { code: string } }>().error.code, 'not-found');
    const audit = await t.ctx.db.selectFrom('audit_log').select(['channel', 'outcome']).where('action', '=', 'case.view').where('actor_user_id', '=', users['outsider']!.id).execute();
    assert.deepEqual(audit, [{ channel: 'api', outcome: 'denied' }]);
    assert.equal((await call('outsider', 'GET', '/cases/not-a-case')).statusCode, 404);
    assert.equal((await call('outsider', 'GET', `/cases/${caseId}/people`)).statusCode, 404);
  });

  it('adds a person and lists them; an unnamed adult is recorded as identity unknown', async () => {
    const created = await call('member', 'POST', `/cases/${caseId}/people`, mother);
    assert.equal(created.statusCode, 201);
    assert.equal(created.json<{ identityKnown: boolean; version: number }>().identityKnown, true);
    const unknown = await call('member', 'POST', `/cases/${caseId}/people`, { relationshipToInfant: 'mothers-partner', livesInHousehold: true, caresForInfant: true, description: "Mother's new partner, name unknown" });
    assert.equal(unknown.statusCode, 201);
    assert.equal(unknown.json<{ identityKnown: boolean }>().identityKnown, false);
    const list = await call('member', 'GET', `/cases/${caseId}/people`);
    assert.equal(list.json<{ items: unknown[] }>().items.length, 2);
  });

  it('answers a body that breaks the schema with 400, and one the rules refuse with 422', async () => {
    const bad = await call('member', 'POST', `/cases/${caseId}/people`, { relationshipToInfant: 'uncle', livesInHousehold: 'yes' });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json<{ error: { code: string } }>().error.code, 'validation-failed');
    const grandmother = { givenName: 'Gran', familyName: 'Apitest', relationshipToInfant: 'grandparent', livesInHousehold: true, caresForInfant: true };
    const refused = await call('member', 'POST', `/cases/${caseId}/people`, { ...grandmother, nhsNumber: '1234567890' });
    assert.equal(refused.statusCode, 422);
    assert.deepEqual(refused.json<{ error: { details: unknown[] } }>().error.details, [{ path: '/nhsNumber', message: 'This NHS number is not valid: its last digit (the check digit) does not match the other 9. Check each digit' }]);
    const early = await call('member', 'POST', `/cases/${caseId}/people`, { ...grandmother, dateOfBirth: '1094-03-17' });
    assert.equal(early.statusCode, 422);
    assert.deepEqual(early.json<{ error: { details: unknown[] } }>().error.details, [{ path: '/dateOfBirth', message: 'Date of birth must be in 1900 or later: check the year.' }]);
  });

  it('refuses with 422 a person whose NHS number is already on the record, and a second mother, adding or changing', async () => {
    const count = async () => (await t.ctx.db.selectFrom('people').select('id').where('case_id', '=', caseId).execute()).length;
    const before = await count();
    const again = await call('member', 'POST', `/cases/${caseId}/people`, { ...mother, nhsNumber: '943 476 5919' });
    assert.equal(again.statusCode, 422);
    assert.deepEqual(again.json<{ error: { code: string; details: unknown[] } }>().error, {
      code: 'invalid-person',
      message: 'The person was refused: see details.',
      details: [
        { path: '/relationshipToInfant', message: 'The baby’s mother is already on the record: change her details instead, or choose another relationship (for example mother’s partner, grandparent or other relative)' },
        { path: '/nhsNumber', message: 'Someone with this NHS number is already on the record: change their details instead of adding them again' },
      ],
    });
    const aunt = await call('member', 'POST', `/cases/${caseId}/people`, { givenName: 'Aunt', familyName: 'Apitest', relationshipToInfant: 'other-relative', livesInHousehold: false, caresForInfant: false });
    assert.equal(aunt.statusCode, 201, aunt.body);
    const { id, version } = aunt.json<{ id: string; version: number }>();
    const asMother = await call('member', 'PUT', `/cases/${caseId}/people/${id}`, { givenName: 'Aunt', familyName: 'Apitest', relationshipToInfant: 'mother', livesInHousehold: false, caresForInfant: false, version });
    assert.equal(asMother.statusCode, 422);
    assert.deepEqual(asMother.json<{ error: { details: { path: string }[] } }>().error.details.map((detail) => detail.path), ['/relationshipToInfant']);
    assert.equal(await count(), before + 1);
  });

  it('takes a body exactly as sent: a wrong type or an unknown field is a 400 naming it, and nothing is stored', async () => {
    const count = async () => (await t.ctx.db.selectFrom('people').select('id').where('case_id', '=', caseId).execute()).length;
    const before = await count();
    for (const [body, path] of [
      [{ ...mother, givenName: 123 }, '/givenName'],
      [{ ...mother, livesInHousehold: null }, '/livesInHousehold'],
      [{ ...mother, livesInHousehold: 'true' }, '/livesInHousehold'],
      [{ ...mother, isAdmin: true }, '/isAdmin'],
    ] as const) {
      const response = await call('lead', 'POST', `/cases/${caseId}/people`, body);
      assert.equal(response.statusCode, 400, JSON.stringify(body));
      const details = response.json<{ error: { code: string; details: { path: string }[] } }>().error.details;
      assert.ok(details.some((d) => d.path === path), `${path} in ${JSON.stringify(details)}`);
    }
    assert.equal(await count(), before);
  });

  it('updates a person with the version read, and answers a stale version with 409', async () => {
    const list = await call('member', 'GET', `/cases/${caseId}/people`);
    const ann = list.json<{ items: { id: string; version: number; givenName: string | null }[] }>().items.find((p) => p.givenName === 'Ann')!;
    const first = await call('lead', 'PUT', `/cases/${caseId}/people/${ann.id}`, { ...mother, livesInHousehold: false, version: ann.version });
    assert.equal(first.statusCode, 200);
    assert.equal(first.json<{ version: number; livesInHousehold: boolean }>().version, ann.version + 1);
    const stale = await call('member', 'PUT', `/cases/${caseId}/people/${ann.id}`, { ...mother, version: ann.version });
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json<{ error: { code: string } }>().error.code, 'version-conflict');
  });

  it("records whether a person's history has been checked: false unless sent, and left as it was by a PUT without it", async () => {
    type Person = { id: string; version: number; givenName: string | null; historyChecked: boolean };
    const hattie = { givenName: 'Hattie', familyName: 'Apitest', relationshipToInfant: 'grandparent', livesInHousehold: false, caresForInfant: true };
    const created = await call('member', 'POST', `/cases/${caseId}/people`, { ...hattie, historyChecked: true });
    assert.equal(created.statusCode, 201);
    const { id, version, historyChecked } = created.json<Person>();
    assert.equal(historyChecked, true);
    const kept = await call('member', 'PUT', `/cases/${caseId}/people/${id}`, { ...hattie, visitsRegularly: true, version });
    assert.equal(kept.statusCode, 200);
    assert.deepEqual([kept.json<Person>().version, kept.json<Person>().historyChecked], [version + 1, true]);
    const unticked = await call('member', 'PUT', `/cases/${caseId}/people/${id}`, { ...hattie, historyChecked: false, version: version + 1 });
    assert.equal(unticked.json<Person>().historyChecked, false);
    const items = (await call('member', 'GET', `/cases/${caseId}/people`)).json<{ items: Person[] }>().items;
    assert.deepEqual(items.filter((p) => ['Ann', 'Hattie'].includes(p.givenName ?? '')).map((p) => [p.givenName, p.historyChecked]).sort(), [['Ann', false], ['Hattie', false]]);
    const bad = await call('member', 'POST', `/cases/${caseId}/people`, { ...hattie, historyChecked: 'yes' });
    assert.equal(bad.statusCode, 400);
  });

  it('keeps a father\'s parental responsibility and paternity as yes, no or not-known, null when not answered, and takes true and false as yes and no', async () => {
    type Person = { id: string; version: number; parentalResponsibility: string | null; paternityConfirmed: string | null };
    const tom = { givenName: 'Tom', familyName: 'Apitest', relationshipToInfant: 'father', livesInHousehold: false, caresForInfant: false };
    const created = await call('member', 'POST', `/cases/${caseId}/people`, { ...tom, parentalResponsibility: 'not-known', paternityConfirmed: 'not-known' });
    assert.equal(created.statusCode, 201);
    const { id, version, parentalResponsibility, paternityConfirmed } = created.json<Person>();
    assert.deepEqual([parentalResponsibility, paternityConfirmed], ['not-known', 'not-known']);
    const older = await call('member', 'PUT', `/cases/${caseId}/people/${id}`, { ...tom, parentalResponsibility: true, paternityConfirmed: false, version });
    assert.deepEqual([older.json<Person>().parentalResponsibility, older.json<Person>().paternityConfirmed], ['yes', 'no'], 'an older client\'s true and false');
    const unanswered = await call('member', 'PUT', `/cases/${caseId}/people/${id}`, { ...tom, version: version + 1 });
    assert.deepEqual([unanswered.json<Person>().parentalResponsibility, unanswered.json<Person>().paternityConfirmed], [null, null]);
    const row = await t.ctx.db.selectFrom('people').select(['parental_responsibility', 'paternity_confirmed']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual(row, { parental_responsibility: null, paternity_confirmed: null });
    assert.equal((await call('member', 'POST', `/cases/${caseId}/people`, { ...tom, givenName: 'Other', parentalResponsibility: 'unknown' })).statusCode, 400);
    const notFather = await call('member', 'POST', `/cases/${caseId}/people`, { ...tom, givenName: 'Uncle', relationshipToInfant: 'other-relative', paternityConfirmed: 'not-known' });
    assert.equal(notFather.statusCode, 422, 'paternity is asked of the father only, "not known" included');
  });

  it('lets the lead add to the team, and refuses a member, with 403', async () => {
    const refused = await call('member', 'POST', `/cases/${caseId}/team`, { userId: users['newcomer']!.id, role: 'member' });
    assert.equal(refused.statusCode, 403);
    const added = await call('lead', 'POST', `/cases/${caseId}/team`, { userId: users['newcomer']!.id, role: 'member' });
    assert.equal(added.statusCode, 201);
    assert.equal((await call('newcomer', 'GET', `/cases/${caseId}`)).statusCode, 200);
    const again = await call('lead', 'POST', `/cases/${caseId}/team`, { userId: users['newcomer']!.id, role: 'member' });
    assert.equal(again.statusCode, 409);
  });
});
