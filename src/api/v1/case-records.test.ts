import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiTokenFor, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';

describe('search and create through the API', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  before(async () => {
    t = await createTestApp();
    for (const name of ['midwife', 'other', 'admin'] as const) {
      const user = await makeUser(t.ctx, { name, role: name === 'admin' ? 'admin' : 'practitioner' });
      tokens[name] = await apiTokenFor(t.ctx, user.email);
    }
  });
  after(async () => t.close());

  const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { authorization: `Bearer ${tokens[who]}` }, ...(payload ? { payload } : {}) });

  const unborn = { givenName: null, familyName: 'Smith', expectedDeliveryDate: '2027-02-10' };

  it('creates a record for an unborn baby, with the creator as lead professional', async () => {
    const response = await call('midwife', 'POST', '/cases', { infant: unborn });
    assert.equal(response.statusCode, 201, response.body);
    const body = response.json<{ id: string; status: string; version: number }>();
    assert.deepEqual([body.status, body.version], ['unborn', 1]);
    const team = await t.ctx.db.selectFrom('case_team').select('role').where('case_id', '=', body.id).execute();
    assert.deepEqual(team, [{ role: 'lead-professional' }]);
  });

  it('refuses a likely duplicate with 409 listing the match, then creates once the caller confirms', async () => {
    const first = await call('other', 'POST', '/cases', { infant: { ...unborn, expectedDeliveryDate: '2027-02-12' } });
    assert.equal(first.statusCode, 409);
    const error = first.json<{ error: { code: string; details: { path: string; message: string }[] } }>().error;
    assert.equal(error.code, 'possible-duplicate');
    assert.equal(error.details.length, 1);
    assert.match(error.details[0]!.message, /cannot open/, 'a record the caller may not open is only named as existing');
    const noReason = await call('other', 'POST', '/cases', { infant: { ...unborn, expectedDeliveryDate: '2027-02-12' }, confirmedNoDuplicate: true, checkedCaseIds: [error.details[0]!.path] });
    assert.equal(noReason.statusCode, 422);
    assert.deepEqual(noReason.json(), {
      error: {
        code: 'reason-needed',
        message: 'Say why none of these records is this baby, such as "Different mother and due date; checked with the GP"',
        details: [{ path: '/differentBabyReason', message: 'Say why none of these records is this baby, such as "Different mother and due date; checked with the GP"' }],
      },
    });
    const refusals = await t.ctx.db.selectFrom('audit_log').select('details').where('action', '=', 'case.create').where('outcome', '=', 'failure').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    assert.equal((refusals.details as { code: string }).code, 'reason-needed', 'the refusal is audited');
    const confirmed = await call('other', 'POST', '/cases', {
      infant: { ...unborn, expectedDeliveryDate: '2027-02-12' },
      confirmedNoDuplicate: true,
      checkedCaseIds: [error.details[0]!.path],
      differentBabyReason: 'Different mother; checked with the GP',
    });
    assert.equal(confirmed.statusCode, 201);
    const made = await t.ctx.db.selectFrom('audit_log').select('details').where('action', '=', 'case.create').where('case_id', '=', confirmed.json<{ id: string }>().id).executeTakeFirstOrThrow();
    assert.equal((made.details as { differentBabyReason?: string }).differentBabyReason, 'Different mother; checked with the GP');
  });

  it("refuses a record of the same mother's NHS number with 409 and the published matches: one the caller may not open only by who holds it and why", async () => {
    const first = await call('midwife', 'POST', '/cases', { infant: { familyName: 'Marlow', expectedDeliveryDate: '2027-01-05' }, details: { motherNhsNumber: '3214567896' } });
    assert.equal(first.statusCode, 201, first.body);
    const again = await call('other', 'POST', '/cases', { infant: { familyName: 'Unrelated', expectedDeliveryDate: '2027-04-30' }, details: { motherNhsNumber: '321 456 7896' } });
    assert.equal(again.statusCode, 409, again.body);
    const error = again.json<{ error: { code: string; matches: Record<string, unknown>[] } }>().error;
    assert.equal(error.code, 'possible-duplicate');
    const firstId = first.json<{ id: string }>().id;
    const match = error.matches.find((m) => m['id'] === firstId);
    assert.deepEqual(match, { id: firstId, restricted: true, strength: 'likely', grounds: ['mother-nhs-number', 'date'], heldBy: match?.['heldBy'], contact: match?.['contact'] });
    assert.equal(typeof match?.['heldBy'], 'string');
    assert.ok(!JSON.stringify(error).includes('Marlow') && !JSON.stringify(error).includes('2027-01-05'), 'nothing of the record itself');
    const own = await call('midwife', 'POST', '/cases', { infant: { familyName: 'Marlow', expectedDeliveryDate: '2027-01-06' }, details: { motherNhsNumber: '3214567896' } });
    assert.equal(own.statusCode, 409);
    const mine = own.json<{ error: { matches: { id: string; reasons?: string[]; restricted: boolean }[] } }>().error.matches.find((m) => m.id === firstId);
    assert.equal(mine?.restricted, false);
    assert.equal(mine?.reasons?.[0], "Same mother's NHS number");
  });

  it("takes the mother's name and date of birth and the days of gestation, and refuses by them a likely duplicate held elsewhere", async () => {
    const mother = { motherGivenName: 'Aoife', motherFamilyName: "Ní Bhriain", motherDateOfBirth: '1993-06-12' };
    const first = await call('midwife', 'POST', '/cases', { infant: { expectedDeliveryDate: '2027-07-15', ...mother } });
    assert.equal(first.statusCode, 201, first.body);
    const firstId = first.json<{ id: string }>().id;
    const row = await t.ctx.db.selectFrom('cases').select(['mother_given_name', 'mother_family_name', 'mother_date_of_birth']).where('id', '=', firstId).executeTakeFirstOrThrow();
    assert.deepEqual(row, { mother_given_name: 'Aoife', mother_family_name: 'Ní Bhriain', mother_date_of_birth: '1993-06-12' });
    const again = await call('other', 'POST', '/cases', { infant: { expectedDeliveryDate: '2027-07-20', motherGivenName: 'AOIFE', motherFamilyName: 'Ni Bhriain', motherDateOfBirth: '1993-06-12' } });
    assert.equal(again.statusCode, 409, again.body);
    const match = again.json<{ error: { matches: Record<string, unknown>[] } }>().error.matches.find((m) => m['id'] === firstId);
    assert.deepEqual([match?.['restricted'], match?.['strength'], match?.['grounds']], [true, 'likely', ['mother-name-and-date-of-birth', 'date']]);
    assert.ok(!again.body.includes('1993') && !again.body.includes('Bhriain'), 'nothing of the record itself');

    const born = await call('midwife', 'POST', '/cases', { infant: { familyName: 'Gestation', dateOfBirth: '2026-09-01', gestationAtBirthWeeks: 36, gestationAtBirthDays: 6, independentlyMobile: null } });
    assert.equal(born.statusCode, 201, born.body);
    const kept = await t.ctx.db.selectFrom('cases').select(['gestation_at_birth_weeks', 'gestation_at_birth_days']).where('id', '=', born.json<{ id: string }>().id).executeTakeFirstOrThrow();
    assert.deepEqual(kept, { gestation_at_birth_weeks: 36, gestation_at_birth_days: 6 });
    const bad = await call('midwife', 'POST', '/cases', { infant: { familyName: 'Badly', dateOfBirth: '2026-09-01', gestationAtBirthDays: 7, independentlyMobile: true, motherDateOfBirth: '2020-01-01' } });
    assert.equal(bad.statusCode, 422, bad.body);
    assert.deepEqual(
      bad.json<{ error: { details: { path: string }[] } }>().error.details.map((d) => d.path),
      ['/infant/motherDateOfBirth', '/infant/gestationAtBirthWeeks', '/infant/independentlyMobile'],
    );
  });

  it('asks for exactly one of date of birth or due date', async () => {
    const both = await call('midwife', 'POST', '/cases', { infant: { familyName: 'X', dateOfBirth: '2026-11-01', expectedDeliveryDate: '2027-01-01' } });
    assert.equal(both.statusCode, 400);
    const neither = await call('midwife', 'POST', '/cases', { infant: { familyName: 'X' } });
    assert.equal(neither.statusCode, 400);
  });

  it('refuses an invalid record with 422 and a detail per field', async () => {
    const response = await call('midwife', 'POST', '/cases', { infant: { familyName: 'Jones', dateOfBirth: '2026-11-01', nhsNumber: '1234567890' } });
    assert.equal(response.statusCode, 422);
    const details = response.json<{ error: { details: { path: string }[] } }>().error.details;
    assert.ok(details.some((d) => d.path === '/infant/nhsNumber'), JSON.stringify(details));
  });

  it('refuses an administrator, who manages accounts, not records', async () => {
    assert.equal((await call('admin', 'POST', '/cases', { infant: { familyName: 'Adm', expectedDeliveryDate: '2027-03-01' } })).statusCode, 403);
  });

  it('finds "Smyth" for Smith, showing the caller\'s own record and only the contact for another\'s', async () => {
    const response = await call('midwife', 'GET', '/cases?name=Smyth');
    assert.equal(response.statusCode, 200);
    const items = response.json<{ items: { restricted: boolean; familyName?: string | null; contact?: { name: string } | null }[] }>().items;
    assert.equal(items.length, 2);
    const own = items.find((i) => !i.restricted)!;
    assert.equal(own.familyName, 'Smith');
    const other = items.find((i) => i.restricted)!;
    assert.equal(other.familyName, undefined);
    assert.equal(other.contact?.name, 'other');
  });

  it('answers a search without criteria or with a bad NHS number with 400', async () => {
    assert.equal((await call('midwife', 'GET', '/cases')).statusCode, 400);
    assert.equal((await call('midwife', 'GET', '/cases?nhsNumber=1234567890')).statusCode, 400);
  });
});
