import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeOrganisation, makeUser } from '../../../../test/helpers/factories.ts';
import { qaElement, summaryErrors, textOf } from '../../../../test/helpers/html.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { WebClient } from '../../../../test/helpers/web-client.ts';
import type { UserActor } from '../../../application/actor.ts';
import { createCase } from '../../../application/cases/create-case.ts';
import { recordBirth } from '../../../application/cases/record-birth.ts';

/** The form as the page fills it for the baby born on 20 November 2026 at 39 weeks, 3,200 g. */
const asShown = {
  givenName: 'Nia',
  familyName: '',
  sex: 'female',
  'dateOfBirth-day': '20',
  'dateOfBirth-month': '11',
  'dateOfBirth-year': '2026',
  nhsNumber: '',
  gestationAtBirth: '39',
  birthWeightGrams: '3200',
  reason: '',
};

describe('correct the birth details page', () => {
  let t: TestApp;
  let midwife: UserActor;
  let client: WebClient;
  let family = 0;

  before(async () => {
    t = await createTestApp();
    const midwifery = await makeOrganisation(t.ctx, 'midwifery', 'Northfield Midwifery');
    const user = await makeUser(t.ctx, { organisationId: midwifery.id, name: 'Mo Midwife', email: 'mo.birthdetails@test.example' });
    midwife = { kind: 'user', userId: user.id, organisationId: midwifery.id, role: 'practitioner', channel: 'web', ip: null };
    client = new WebClient(t.app);
    await client.signIn(user.email, user.password);
  });
  after(async () => t.close());

  async function bornCase(): Promise<{ id: string; familyName: string }> {
    family++;
    const familyName = `Detailspage${'abcdefghij'[family % 10]!}`;
    const made = await createCase(t.ctx, midwife, { status: 'unborn', familyName, expectedDeliveryDate: '2026-11-25' }, { confirmedNoDuplicate: true });
    assert.ok(made.ok);
    assert.ok((await recordBirth(t.ctx, midwife, made.value.id, 1, { dateOfBirth: '2026-11-20', gestationAtBirthWeeks: 39, birthWeightGrams: 3200, givenName: 'Nia', sex: 'female' })).ok);
    return { id: made.value.id, familyName };
  }

  const row = (id: string) => t.ctx.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('shows the birth details as the record holds them, filled in, with the version read; the record links to it', async () => {
    const { id, familyName } = await bornCase();
    const response = await client.get(`/cases/${id}/birth-details`);
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /<h1[^>]*>Correct the birth details<\/h1>/);
    assert.equal(textOf(qaElement(response.body, 'birth-details-now')), 'Date of birth 20 November 2026 NHS number Not recorded Gestation at birth 39 weeks Birth weight 3200 g Sex Female');
    const form = qaElement(response.body, 'birth-details-form') ?? '';
    assert.match(form, /name="version" value="2"/);
    assert.match(form, /name="gestationAtBirth"[^>]*value="39"/);
    assert.match(form, new RegExp(`name="familyName"[^>]*value="${familyName}"`));
    assert.match(form, /name="submissionId"/);
    const record = await client.get(`/cases/${id}`);
    assert.ok(qaElement(record.body, 'correct-birth-details'));
  });

  it('saves a correction with its reason, keeping the days of the gestation, and goes to the record', async () => {
    const { id } = await bornCase();
    await client.get(`/cases/${id}/birth-details`);
    const response = await client.post(`/cases/${id}/birth-details`, { ...asShown, familyName: (await row(id)).family_name!, version: '2', gestationAtBirth: '29+3', reason: 'The birth notification says 29+3' });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, `/cases/${id}`);
    const after = await row(id);
    assert.deepEqual([after.gestation_at_birth_weeks, after.gestation_at_birth_days, after.version], [29, 3, 3]);
    const record = await client.get(`/cases/${id}`);
    assert.match(record.body, /Gestation at birth\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*29 weeks 3 days\s*<\/dd>/, 'the case page reads the days out');
    assert.equal(textOf(qaElement(record.body, 'success-banner')), 'Success Birth details corrected: gestation at birth from 39 weeks to 29 weeks 3 days.');
    assert.equal(qaElement((await client.get(`/cases/${id}`)).body, 'success-banner'), null, 'shown once');
  });

  it('names each detail corrected in the banner, from and to, in the page’s words', async () => {
    const { id } = await bornCase();
    await client.get(`/cases/${id}/birth-details`);
    const changed = { ...asShown, familyName: (await row(id)).family_name!, version: '2', 'dateOfBirth-day': '19', birthWeightGrams: '', sex: 'male', reason: 'The hospital record' };
    assert.equal((await client.post(`/cases/${id}/birth-details`, changed)).statusCode, 303);
    const banner = textOf(qaElement((await client.get(`/cases/${id}`)).body, 'success-banner'));
    assert.equal(banner, 'Success Birth details corrected: sex from female to male, date of birth from 20 November 2026 to 19 November 2026 and birth weight from 3200 g to not recorded.');
  });

  it('gives every problem at once, schema, date and rules together, with exactly what was typed', async () => {
    const { id } = await bornCase();
    await client.get(`/cases/${id}/birth-details`);
    const typed = { ...asShown, version: '2', 'dateOfBirth-day': '31', 'dateOfBirth-month': '2', gestationAtBirth: '29+9', birthWeightGrams: '20', nhsNumber: '943 476 5910', reason: '' };
    const response = await client.post(`/cases/${id}/birth-details`, typed);
    assert.equal(response.statusCode, 400);
    const errors = summaryErrors(response.body);
    assert.deepEqual(errors.map((line) => line.split(':')[0]), ['#dateOfBirth-day', '#nhsNumber', '#gestationAtBirth', '#birthWeightGrams', '#reason']);
    assert.deepEqual(errors.filter((line) => !line.startsWith('#nhsNumber')), [
      '#dateOfBirth-day: Date of birth must be a real date',
      '#gestationAtBirth: Enter gestation at birth as completed weeks from 22 to 44, with any days after a plus from 0 to 6, like 38 or 38+4',
      '#birthWeightGrams: Birth weight must be in grams, from 300 to 6500',
      '#reason: Say why the birth details are being corrected, and where the right ones come from',
    ]);
    for (const value of ['31', '943 476 5910', '29+9']) assert.match(response.body, new RegExp(`value="${value.replace('+', '\\+')}"`), value);
    assert.equal((await row(id)).version, 2, 'nothing saved');
  });

  it('says when nothing was changed', async () => {
    const { id } = await bornCase();
    await client.get(`/cases/${id}/birth-details`);
    const response = await client.post(`/cases/${id}/birth-details`, { ...asShown, familyName: (await row(id)).family_name!, version: '2', reason: 'Checked' });
    assert.equal(response.statusCode, 400);
    assert.deepEqual(summaryErrors(response.body), ['#reason: Nothing has changed: change the details that are wrong, or go back to the record']);
  });

  it('sends an unborn baby’s record to record the birth, and refuses someone outside the team', async () => {
    const made = await createCase(t.ctx, midwife, { status: 'unborn', familyName: 'Stillunborn', expectedDeliveryDate: '2026-12-20' }, { confirmedNoDuplicate: true });
    assert.ok(made.ok);
    const unborn = await client.get(`/cases/${made.value.id}/birth-details`);
    assert.equal(unborn.statusCode, 303);
    assert.equal(unborn.headers.location, `/cases/${made.value.id}/birth`);

    const { id } = await bornCase();
    const outsider = await makeUser(t.ctx);
    const outsiderClient = new WebClient(t.app);
    await outsiderClient.signIn(outsider.email, outsider.password);
    const page = await outsiderClient.get(`/cases/${id}/birth-details`);
    assert.equal(page.statusCode, 403);
    const audit = await t.ctx.db.selectFrom('audit_log').select('outcome').where('case_id', '=', id).where('action', '=', 'case.birth-details-corrected').where('actor_user_id', '=', outsider.id).execute();
    assert.deepEqual(audit, [{ outcome: 'denied' }]);
  });
});
