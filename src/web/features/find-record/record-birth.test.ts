import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeOrganisation, makeUser } from '../../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { WebClient } from '../../../../test/helpers/web-client.ts';
import type { UserActor } from '../../../application/actor.ts';
import { createCase } from '../../../application/cases/create-case.ts';
import { recordBirth } from '../../../application/cases/record-birth.ts';
import { qaElement, summaryErrors, textOf } from '../../../../test/helpers/html.ts';

const birth = {
  'dateOfBirth-day': '20',
  'dateOfBirth-month': '11',
  'dateOfBirth-year': '2026',
  givenName: 'Rosa',
  sex: 'female',
  nhsNumber: '',
  gestationAtBirthWeeks: '39',
  birthWeightGrams: '3200',
  multipleBirth: 'no',
  independentlyMobile: 'no',
};

describe('record the birth page', () => {
  let t: TestApp;
  let midwife: UserActor;
  let client: WebClient;
  let family = 0;

  before(async () => {
    t = await createTestApp();
    const midwifery = await makeOrganisation(t.ctx, 'midwifery', 'Westmoor Midwifery');
    const user = await makeUser(t.ctx, { organisationId: midwifery.id, name: 'Mia Midwife', email: 'mia.birthpage@test.example' });
    midwife = { kind: 'user', userId: user.id, organisationId: midwifery.id, role: 'practitioner', channel: 'web', ip: null };
    client = new WebClient(t.app);
    await client.signIn(user.email, user.password);
  });
  after(async () => t.close());

  async function unbornCase(): Promise<string> {
    family++;
    const result = await createCase(t.ctx, midwife, { status: 'unborn', familyName: `Birthpage${family}`, expectedDeliveryDate: '2026-11-25' }, { confirmedNoDuplicate: true });
    assert.ok(result.ok);
    return result.value.id;
  }

  const row = (id: string) => t.ctx.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('shows the unborn baby’s record and the birth form, carrying the version read', async () => {
    const id = await unbornCase();
    const response = await client.get(`/cases/${id}/birth`);
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /<h1[^>]*>Record the birth<\/h1>/);
    assert.match(textOf(qaElement(response.body, 'record-details')), new RegExp(`On the record Unborn baby Birthpage${family} Due date 25 November 2026`));
    const form = qaElement(response.body, 'birth-form') ?? '';
    assert.ok(form.includes(`action="/cases/${id}/birth"`));
    assert.match(form, /name="version" value="1"/);
    assert.match(form, /name="_csrf"/);
  });

  it('records the birth on the same record and goes to it', async () => {
    const id = await unbornCase();
    await client.get(`/cases/${id}/birth`);
    const response = await client.post(`/cases/${id}/birth`, { ...birth, version: '1' });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, `/cases/${id}`);
    const after = await row(id);
    assert.deepEqual([after.status, after.date_of_birth, after.given_name, after.sex, after.expected_delivery_date, after.version], ['born', '2026-11-20', 'Rosa', 'female', '2026-11-25', 2]);
  });

  it('shows what is wrong with the birth details, keeping what was typed and the version read', async () => {
    const id = await unbornCase();
    await client.get(`/cases/${id}/birth`);
    const response = await client.post(`/cases/${id}/birth`, { ...birth, version: '1', 'dateOfBirth-day': '31', 'dateOfBirth-month': '2', multipleBirth: '', gestationAtBirthWeeks: '50' });
    assert.equal(response.statusCode, 400);
    // Every problem at once: the date, the rules (gestation 50) and the schema (no answer to a twin) together.
    assert.deepEqual(summaryErrors(response.body), [
      '#dateOfBirth-day: Date of birth must be a real date',
      '#gestationAtBirthWeeks: Enter gestation at birth as completed weeks from 22 to 44, with any days after a plus from 0 to 6, like 38 or 38+4',
      '#multipleBirth: Select yes if the baby is a twin, triplet or more',
    ]);
    assert.match(response.body, /value="50"/);
    assert.match(response.body, /value="Rosa"/);
    assert.match(response.body, /name="version" value="1"/);

    const rules = await client.post(`/cases/${id}/birth`, { ...birth, version: '1', gestationAtBirthWeeks: '50', 'dateOfBirth-day': '23' });
    assert.equal(rules.statusCode, 400);
    assert.deepEqual(summaryErrors(rules.body), ['#dateOfBirth-day: Date of birth must be today or in the past', '#gestationAtBirthWeeks: Enter gestation at birth as completed weeks from 22 to 44, with any days after a plus from 0 to 6, like 38 or 38+4']);
    assert.equal((await row(id)).status, 'unborn');
  });

  it('keeps the days of the gestation typed as 29+3', async () => {
    const id = await unbornCase();
    await client.get(`/cases/${id}/birth`);
    const response = await client.post(`/cases/${id}/birth`, { ...birth, version: '1', gestationAtBirthWeeks: '29+3', birthWeightGrams: '1400' });
    assert.equal(response.statusCode, 303);
    const after = await row(id);
    assert.deepEqual([after.gestation_at_birth_weeks, after.gestation_at_birth_days], [29, 3]);
  });

  it('says when someone else changed the record meanwhile, keeping what was typed, and saves on the second try', async () => {
    const id = await unbornCase();
    await client.get(`/cases/${id}/birth`);
    await t.ctx.db.updateTable('cases').set({ sex: 'male', version: 2 }).where('id', '=', id).execute();

    const conflict = await client.post(`/cases/${id}/birth`, { ...birth, version: '1', givenName: 'Typed Name' });
    assert.equal(conflict.statusCode, 409);
    assert.equal(textOf(qaElement(conflict.body, 'version-conflict')), 'Important Someone else changed this record while you were editing. Check the details below and save again.');
    assert.match(textOf(qaElement(conflict.body, 'record-details')), /Sex Male/, 'shows the record as it is now');
    assert.match(conflict.body, /value="Typed Name"/);
    assert.match(conflict.body, /name="version" value="2"/);
    assert.equal((await row(id)).status, 'unborn');

    const again = await client.post(`/cases/${id}/birth`, { ...birth, version: '2', givenName: 'Typed Name' });
    assert.equal(again.statusCode, 303);
    assert.equal((await row(id)).given_name, 'Typed Name');
  });

  it('says the birth is already recorded when it is', async () => {
    const id = await unbornCase();
    assert.ok((await recordBirth(t.ctx, midwife, id, 1, { dateOfBirth: '2026-11-21' })).ok);
    const page = await client.get(`/cases/${id}/birth`);
    assert.equal(page.statusCode, 200);
    assert.ok(qaElement(page.body, 'already-born'));
    const post = await client.post(`/cases/${id}/birth`, { ...birth, version: '2' });
    assert.equal(post.statusCode, 409);
    assert.ok(qaElement(post.body, 'already-born'));
  });

  it('refuses a practitioner outside the team, naming whom to contact, and changes nothing', async () => {
    const id = await unbornCase();
    const outsider = await makeUser(t.ctx);
    const outsiderClient = new WebClient(t.app);
    await outsiderClient.signIn(outsider.email, outsider.password);
    const page = await outsiderClient.get(`/cases/${id}/birth`);
    assert.equal(page.statusCode, 403);
    assert.equal(
      textOf(qaElement(page.body, 'case-contact')),
      'To share or ask for information, contact the lead professional: Mia Midwife, Westmoor Midwifery (mia.birthpage@test.example).',
    );
    assert.ok(!page.body.includes(`Birthpage${family}`), 'shows nothing of the record');

    const post = await outsiderClient.post(`/cases/${id}/birth`, { ...birth, version: '1' });
    assert.equal(post.statusCode, 403);
    assert.equal((await row(id)).status, 'unborn');
    const denied = await t.ctx.db.selectFrom('audit_log').select('action').where('case_id', '=', id).where('actor_user_id', '=', outsider.id).where('outcome', '=', 'denied').orderBy('seq').execute();
    assert.deepEqual(
      denied.map((entry) => entry.action),
      ['case.birth-recorded', 'case.birth-recorded'],
    );
  });

  it('shows the record that already has the NHS number given', async () => {
    const other = await createCase(t.ctx, midwife, { status: 'born', givenName: 'Nia', familyName: 'Numbered', nhsNumber: '1000000060', dateOfBirth: '2026-03-03' });
    assert.ok(other.ok);
    const id = await unbornCase();
    await client.get(`/cases/${id}/birth`);
    const response = await client.post(`/cases/${id}/birth`, { ...birth, version: '1', nhsNumber: '100 000 0060' });
    assert.equal(response.statusCode, 400);
    assert.deepEqual(summaryErrors(response.body), ['#nhsNumber: Another record already has this NHS number. Check it before recording the birth.']);
    assert.ok((qaElement(response.body, 'nhs-number-matches') ?? '').includes(`href="/cases/${other.value.id}"`));
  });

  it('answers page not found for a record that does not exist', async () => {
    const response = await client.get('/cases/no-such-case/birth');
    assert.equal(response.statusCode, 404);
  });
});
