import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeCase, makeOrganisation, makeUser } from '../../../../test/helpers/factories.ts';
import { dateFieldState } from '../../../../test/helpers/date-field.ts';
import { dateFields, inputValue, qaElement, summaryErrors, textOf } from '../../../../test/helpers/html.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { WebClient } from '../../../../test/helpers/web-client.ts';
import { addDays } from '../../../domain/shared/calendar-date.ts';
import { serviceToday } from '../../../domain/shared/service-day.ts';
import { fieldFor } from './discharge-plan.form.ts';

describe('the discharge plan page', () => {
  let t: TestApp;
  let caseId: string;
  let web: WebClient;
  let outsiderWeb: WebClient;
  let today: string;

  before(async () => {
    t = await createTestApp();
    today = serviceToday(t.clock.now());
    const hospital = await makeOrganisation(t.ctx, 'hospital', 'Page General');
    const nurse = await makeUser(t.ctx, { name: 'Page Nurse', organisationId: hospital.id });
    const outsider = await makeUser(t.ctx, { name: 'Page Outsider' });
    ({ id: caseId } = await makeCase(t.ctx, { familyName: 'Pagedischarge', teamUserIds: [nurse.id] }));
    await t.ctx.db.updateTable('cases').set({ birth_weight_grams: 2300 }).where('id', '=', caseId).execute();
    web = await WebClient.signedIn(t.app, nurse);
    outsiderWeb = await WebClient.signedIn(t.app, outsider);
  });
  after(async () => t.close());

  const plans = async () => (await t.ctx.db.selectFrom('chronology_entries').select('id').where('case_id', '=', caseId).where('kind', '=', 'discharge-plan').execute()).length;

  const filled = (over: Record<string, string> = {}) => ({
    stay: 'hospital',
    ...dateFields('dischargeOn', addDays(today, 1)),
    'firstVisit-agency': 'health-visiting',
    'firstVisit-name': 'Claire Dobson',
    ...dateFields('firstVisit-by', addDays(today, 6)),
    feedingAndHandling: 'Small feeds often; lift with the head supported',
    'followUp-0-what': 'Weight check',
    'followUp-0-where': 'Children’s clinic',
    ...dateFields('followUp-0-on', addDays(today, 8)),
    'followUp-1-what': '',
    'followUp-1-where': '',
    'followUp-1-on-day': '',
    'followUp-1-on-month': '',
    'followUp-1-on-year': '',
    socialWorker: 'no-social-worker',
    gp: 'told',
    ...dateFields('gp-toldOn', today),
    'gp-toldBy': 'Page Nurse',
    'attendee-0-name': 'Page Nurse',
    'attendee-0-agency': 'hospital',
    ...over,
  });

  it('says no plan is recorded, says the baby is fragile and why, and offers the form; the case page links to it', async () => {
    const page = await web.get(`/cases/${caseId}/discharge-plan`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1 class="govuk-heading-l">Discharge plans<\/h1>/);
    assert.match(textOf(qaElement(page.body, 'no-discharge-plans')), /No discharge plan has been recorded/);
    assert.match(textOf(qaElement(page.body, 'fragile')), /This baby is fragile \(born weighing under 2,500 g\)/);
    assert.equal((page.body.match(/data-qa="follow-up-row"/g) ?? []).length, 2);
    assert.match(page.body, /data-qa="save-discharge-plan"/);
    const casePage = await web.get(`/cases/${caseId}`);
    assert.match(qaElement(casePage.body, 'open-discharge-plans') ?? '', new RegExp(`href="/cases/${caseId}/discharge-plan"`));
  });

  it('re-renders with another follow-up row on "add another", keeping what was typed, saving nothing', async () => {
    const response = await web.post(`/cases/${caseId}/discharge-plan`, { ...filled(), add: 'followUps' });
    assert.equal(response.statusCode, 200);
    assert.equal((response.body.match(/data-qa="follow-up-row"/g) ?? []).length, 3);
    assert.equal(inputValue(response.body, 'firstVisit-name'), 'Claire Dobson');
    assert.equal(inputValue(response.body, 'followUp-0-what'), 'Weight check');
    assert.match(response.body, /<option value="health-visiting" selected>/);
    assert.equal(await plans(), 0);
    // The page comes back on the row added (the third), not at the top: the button's fragment names it, and it takes focus.
    assert.match(response.body, new RegExp(`formaction="/cases/${caseId}/discharge-plan#new-followUps"`));
    assert.match(response.body, new RegExp(`formaction="/cases/${caseId}/discharge-plan#new-attendees"`));
    const added = /<fieldset[^>]*id="new-followUps"[^>]*>[\s\S]*?<\/fieldset>/.exec(response.body)?.[0] ?? '';
    assert.match(added, /tabindex="-1"/);
    assert.match(added, /name="followUp-2-what"/);
    assert.equal((response.body.match(/id="new-/g) ?? []).length, 1, 'one row marked');
    const people = await web.post(`/cases/${caseId}/discharge-plan`, { ...filled(), add: 'attendees' });
    assert.match(/<fieldset[^>]*id="new-attendees"[^>]*>[\s\S]*?<\/fieldset>/.exec(people.body)?.[0] ?? '', /name="attendee-\d+-name"/);
  });

  it('shows every problem in the error summary, linked to its field and row, and keeps everything typed', async () => {
    const response = await web.post(`/cases/${caseId}/discharge-plan`, {
      ...filled({ feedingAndHandling: '', 'firstVisit-agency': '', socialWorker: '', gp: 'told', 'gp-toldBy': '', ...dateFields('gp-toldOn', addDays(today, 2)) }),
      'followUp-0-what': '',
      'followUp-1-what': 'Eye screening',
      'followUp-1-where': '',
      ...dateFields('followUp-1-on', addDays(today, -3)),
    });
    assert.equal(response.statusCode, 400);
    assert.deepEqual(summaryErrors(response.body), [
      '#firstVisit-agency: Choose the agency that sees the baby first at home.',
      '#feedingAndHandling: Enter the feeding and handling advice agreed: this baby is fragile (born before 37 weeks, under 2,500 g or after a neonatal stay).',
      '#followUp-0-what: Say what appointment 1 is for.',
      '#followUp-1-where: Say where appointment 2 (“Eye screening”) is.',
      '#followUp-1-on-day: Appointment 2 (“Eye screening”) cannot be before the discharge date.',
      '#socialWorker: Say when the social worker was told of the discharge, or that there is no social worker on the team.',
      '#gp-toldOn-day: The date the GP was told cannot be in the future.',
      '#gp-toldBy: Enter who told the GP.',
    ]);
    assert.match(response.body, /<title>Error: /);
    assert.equal(inputValue(response.body, 'firstVisit-name'), 'Claire Dobson');
    assert.equal(inputValue(response.body, 'followUp-1-what'), 'Eye screening');
    assert.equal(inputValue(response.body, 'followUp-0-where'), 'Children’s clinic');
    assert.match(response.body, /<input[^>]*id="gp"[^>]*checked|<input[^>]*checked[^>]*id="gp"/);
    assert.equal(await plans(), 0);
  });

  it("names the person each row's error is about, as its legend does, the summary linking to that row's field", async () => {
    const response = await web.post(`/cases/${caseId}/discharge-plan`, filled({ 'attendee-1-name': '', 'attendee-1-agency': 'police', 'attendee-2-name': 'Amira Khan', 'attendee-2-agency': '', 'attendee-3-name': 'n'.repeat(201), 'attendee-3-agency': 'hospital' }));
    assert.equal(response.statusCode, 400);
    assert.deepEqual(summaryErrors(response.body), [
      '#attendee-1-name: Enter the name of person 2.',
      '#attendee-2-agency: Choose the agency person 3 (“Amira Khan”) was there for.',
      '#attendee-3-name: The name of person 4 must be 200 characters or fewer: you have 201.',
    ]);
    assert.match(response.body, /<p id="attendee-2-agency-error" class="govuk-error-message">\s*<span class="govuk-visually-hidden">Error:<\/span> Choose the agency person 3 \(“Amira Khan”\) was there for\.\s*<\/p>/);
    assert.equal(inputValue(response.body, 'attendee-2-name'), 'Amira Khan');
    assert.equal(await plans(), 0);
  });

  describe('a date, read as every date input reads it', () => {
    const cases = [
      { name: 'a missing month', typed: ['3', '', '2027'], error: '#dischargeOn-month: The discharge date must include a month.', parts: ['month'] },
      { name: 'letters', typed: ['3', 'March', '2027'], error: '#dischargeOn-day: The discharge date must be a real date.', parts: ['day', 'month', 'year'] },
      { name: '31 February', typed: ['31', '2', '2027'], error: '#dischargeOn-day: The discharge date must be a real date.', parts: ['day', 'month', 'year'] },
      { name: 'a year of 2 digits', typed: ['3', '3', '27'], error: '#dischargeOn-year: Year must include 4 numbers.', parts: ['year'] },
      { name: 'nothing at all', typed: ['', '', ''], error: '#dischargeOn-day: Enter the date the baby leaves, or is planned to leave.', parts: ['day', 'month', 'year'] },
    ] as const;
    for (const { name, typed, error, parts } of cases) {
      it(`refuses a discharge date with ${name}: the summary links to the first part in error, only those are marked, what was typed comes back`, async () => {
        const [day, month, year] = typed;
        const response = await web.post(`/cases/${caseId}/discharge-plan`, filled({ 'dischargeOn-day': day, 'dischargeOn-month': month, 'dischargeOn-year': year }));
        assert.equal(response.statusCode, 400);
        assert.deepEqual(summaryErrors(response.body), [error]);
        assert.deepEqual(dateFieldState(response.body, 'dischargeOn'), { message: `Error: ${error.slice(error.indexOf(': ') + 2)}`, marked: parts, typed, describedBy: 'dischargeOn-hint dischargeOn-error' });
        assert.equal(await plans(), 0);
      });
    }

    it("words a follow-up's date on its row and the GP's told date, the dates that are right unmarked, every date as typed", async () => {
      const response = await web.post(`/cases/${caseId}/discharge-plan`, filled({ 'followUp-0-on-day': '', 'gp-toldOn-year': '26', 'followUp-1-what': 'Eye screening', 'followUp-1-where': 'Eye clinic', ...dateFields('followUp-1-on', addDays(today, 9)) }));
      assert.equal(response.statusCode, 400);
      assert.deepEqual(summaryErrors(response.body), ['#followUp-0-on-day: The date of appointment 1 (“Weight check”) must include a day.', '#gp-toldOn-year: Year must include 4 numbers.']);
      const [, followUpMonth, followUpYear] = Object.values(dateFields('followUp-0-on', addDays(today, 8)));
      assert.deepEqual(dateFieldState(response.body, 'followUp-0-on'), { message: 'Error: The date of appointment 1 (“Weight check”) must include a day.', marked: ['day'], typed: ['', followUpMonth, followUpYear], describedBy: 'followUp-0-on-hint followUp-0-on-error' });
      const [toldDay, toldMonth] = Object.values(dateFields('gp-toldOn', today));
      assert.deepEqual(dateFieldState(response.body, 'gp-toldOn'), { message: 'Error: Year must include 4 numbers.', marked: ['year'], typed: [toldDay, toldMonth, '26'], describedBy: 'gp-toldOn-hint gp-toldOn-error' });
      for (const right of ['dischargeOn', 'firstVisit-by', 'followUp-1-on']) assert.deepEqual(dateFieldState(response.body, right).marked, [], right);
      assert.deepEqual(dateFieldState(response.body, 'followUp-1-on').typed, Object.values(dateFields('followUp-1-on', addDays(today, 9))));
      assert.equal(await plans(), 0);
    });
  });

  it('gives back advice longer than the form keeps exactly as typed, after an error and after "add another", recording nothing', async () => {
    const advice = `${'a'.repeat(5_290)} end`;
    const refused = await web.post(`/cases/${caseId}/discharge-plan`, filled({ feedingAndHandling: advice }));
    assert.equal(refused.statusCode, 400);
    assert.ok(refused.body.includes(`>${advice}</textarea>`), 'the advice whole, not cut');
    const added = await web.post(`/cases/${caseId}/discharge-plan`, { ...filled({ feedingAndHandling: advice }), add: 'followUps' });
    assert.equal(added.statusCode, 200);
    assert.ok(added.body.includes(`>${advice}</textarea>`));
  });

  it('records the plan and shows it, latest stay first, with what is still missing', async () => {
    const saved = await web.post(`/cases/${caseId}/discharge-plan`, filled());
    assert.equal(saved.statusCode, 303);
    assert.equal(saved.headers.location, `/cases/${caseId}/discharge-plan#plans`);
    assert.match(textOf(qaElement((await web.get(`/cases/${caseId}/discharge-plan`)).body, 'discharge-plan-saved')), /The discharge plan is recorded in the chronology\./);
    assert.equal(qaElement((await web.get(`/cases/${caseId}/discharge-plan`)).body, 'discharge-plan-saved'), null, 'shown once, not on a reload');
    const later = await web.post(`/cases/${caseId}/discharge-plan`, filled({ stay: 'neonatal-unit', ...dateFields('dischargeOn', addDays(today, 3)), ...dateFields('firstVisit-by', addDays(today, 4)), gp: 'not-yet-told' }));
    assert.equal(later.statusCode, 303);
    assert.equal(await plans(), 2);
    const page = await web.get(`/cases/${caseId}/discharge-plan`);
    assert.match(textOf(qaElement(page.body, 'discharge-plan-saved')), /The discharge plan is recorded in the chronology/);
    assert.equal(qaElement((await web.get(`/cases/${caseId}/discharge-plan?saved=1`)).body, 'discharge-plan-saved'), null, 'an old bookmark shows no banner');
    const cards = [...page.body.matchAll(/data-qa="discharge-plan"[\s\S]*?(?=data-qa="discharge-plan"|<h2 class="govuk-heading-m" id="record")/g)].map((m) => textOf(m[0]));
    assert.equal(cards.length, 2);
    assert.match(cards[0]!, /^.*Leaving a neonatal unit on /);
    assert.match(cards[0]!, /The GP has not been told of the discharge yet\./);
    assert.match(cards[1]!, /Leaving hospital on /);
    assert.match(cards[1]!, /The first home visit is planned later than 2 working days after the discharge\./);
    assert.match(cards[1]!, /Claire Dobson \(Health visiting\), by /);
    assert.match(cards[1]!, /Weight check, Children’s clinic, /);
    assert.match(cards[1]!, /Page Nurse \(Hospital\)/);
  });

  it('gives the form back as typed when it was posted with an expired form token, recording nothing', async () => {
    const before = await plans();
    const url = `/cases/${caseId}/discharge-plan`;
    const response = await web.post(url, { ...filled({ 'firstVisit-name': 'Kept Visitor', feedingAndHandling: 'Kept advice' }), _csrf: 'expired-token' });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, `${url}?restore=1`);
    const form = await web.get(response.headers.location);
    assert.equal(form.statusCode, 200);
    assert.match(textOf(qaElement(form.body, 'kept-form-banner')), /Your form had expired\. Check your answers and save again\./);
    assert.equal(inputValue(form.body, 'firstVisit-name'), 'Kept Visitor');
    assert.match(form.body, /Kept advice<\/textarea>/);
    assert.equal(inputValue(form.body, 'followUp-0-what'), 'Weight check');
    assert.ok(form.body.includes('name="attendee-2-name"'), 'with the rows a new form shows');
    assert.equal(await plans(), before, 'nothing recorded from it');
    assert.equal(inputValue((await web.get(url)).body, 'firstVisit-name'), '', 'the plain page starts blank');
  });

  it('refuses someone outside the team, showing nothing and saving nothing', async () => {
    const look = await outsiderWeb.get(`/cases/${caseId}/discharge-plan`);
    assert.equal(look.statusCode, 403);
    assert.doesNotMatch(look.body, /Pagedischarge|Claire Dobson/);
    const post = await outsiderWeb.post(`/cases/${caseId}/discharge-plan`, filled());
    assert.equal(post.statusCode, 403);
    assert.equal(await plans(), 2);
    const denied = await t.ctx.db.selectFrom('audit_log').select('action').where('case_id', '=', caseId).where('outcome', '=', 'denied').execute();
    assert.deepEqual(denied.map((d) => d.action).sort(), ['discharge-plan.list', 'discharge-plan.record']);
  });
});

describe('the discharge plan form’s fields', () => {
  it('points each problem’s path at the field and the row it was shown in', () => {
    const rows = { followUps: [0, 2], attendees: [1] };
    for (const [path, field] of [
      ['/stay', 'stay'],
      ['/dischargeOn', 'dischargeOn-day'],
      ['/firstVisit/agency', 'firstVisit-agency'],
      ['/firstVisit/by', 'firstVisit-by-day'],
      ['/feedingAndHandling', 'feedingAndHandling'],
      ['/followUps', 'followUp-0-what'],
      ['/followUps/1/on', 'followUp-2-on-day'],
      ['/followUps/1/where', 'followUp-2-where'],
      ['/attendees/0/agency', 'attendee-1-agency'],
      ['/socialWorker/status', 'socialWorker'],
      ['/socialWorker/toldOn', 'socialWorker-toldOn-day'],
      ['/gp/toldBy', 'gp-toldBy'],
    ] as const) {
      assert.equal(fieldFor(path, rows), field, path);
    }
  });
});
