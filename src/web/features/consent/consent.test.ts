import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeCase, makeOrganisation, makePerson, makeUser } from '../../../../test/helpers/factories.ts';
import { dateFieldState } from '../../../../test/helpers/date-field.ts';
import { dateFields, inputValue, qaElement, qaElements, summaryErrors, textOf } from '../../../../test/helpers/html.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { WebClient } from '../../../../test/helpers/web-client.ts';
import { addDays } from '../../../domain/shared/calendar-date.ts';
import { serviceToday } from '../../../domain/shared/service-day.ts';

describe('the consent page', () => {
  let t: TestApp;
  let caseId: string;
  let mumId: string;
  let leadId: string;
  let web: WebClient;
  let outsiderWeb: WebClient;
  let today: string;
  let lead: Awaited<ReturnType<typeof makeUser>>;

  before(async () => {
    t = await createTestApp();
    today = serviceToday(t.clock.now());
    const csc = await makeOrganisation(t.ctx, 'childrens-social-care');
    lead = await makeUser(t.ctx, { name: 'Page Lead', organisationId: csc.id });
    leadId = lead.id;
    const outsider = await makeUser(t.ctx, { name: 'Page Outsider' });
    ({ id: caseId } = await makeCase(t.ctx, { familyName: 'Pageconsent', teamUserIds: [lead.id] }));
    ({ id: mumId } = await makePerson(t.ctx, caseId, { given_name: 'Amy', family_name: 'Pageconsent', relationship_to_infant: 'mother' }));
    web = await WebClient.signedIn(t.app, lead);
    outsiderWeb = await WebClient.signedIn(t.app, outsider);
  });
  after(async () => t.close());

  const records = async () => (await t.ctx.db.selectFrom('case_consents').select('id').where('case_id', '=', caseId).execute()).length;

  it('says nothing is recorded and there is no record of the GP being told, offers the forms, and is linked from the case page', async () => {
    const page = await web.get(`/cases/${caseId}/consent`);
    assert.equal(page.statusCode, 200);
    assert.match(textOf(qaElement(page.body, 'no-consent')), /No consent or information sharing has been recorded/);
    assert.equal(textOf(qaElement(page.body, 'gp-last-told')), 'No record of the GP being told');
    for (const form of ['consent-form', 'sharing-form', 'gp-told-form']) assert.ok(qaElement(page.body, form), form);
    assert.equal(qaElement(page.body, 'withdrawal-form'), null, 'nothing given to withdraw');
    assert.match(page.body, /<option value="[^"]+">Amy Pageconsent \(Mother\)<\/option>/);
    const casePage = await web.get(`/cases/${caseId}`);
    assert.match(casePage.body, new RegExp(`href="/cases/${caseId}/consent" data-qa="open-consent"`));
  });

  it('shows every problem of a consent in the error summary, linked to its field, keeping what was typed', async () => {
    const response = await web.post(`/cases/${caseId}/consent/consent`, { askedPersonId: '', askedName: '', purpose: 'Sharing with the GP', ...dateFields('soughtOn', addDays(today, 1)), consentNote: 'Kept note' });
    assert.equal(response.statusCode, 400);
    assert.deepEqual(summaryErrors(response.body), [
      '#askedPersonId: Say who was asked: choose a person on the case or enter a name.',
      '#soughtOn-day: The date cannot be in the future: record it once it has happened.',
      '#answer: Say whether consent was given or refused.',
    ]);
    assert.match(response.body, /Sharing with the GP<\/textarea>/);
    assert.match(response.body, /Kept note<\/textarea>/);
    assert.equal(inputValue(response.body, 'soughtOn-day'), String(Number(addDays(today, 1).slice(8))));
    assert.equal(await records(), 0);
  });

  describe('a date, read as every date input reads it', () => {
    const cases = [
      { name: 'a missing month', typed: ['3', '', '2026'], error: '#soughtOn-month: The date must include a month.', parts: ['month'] },
      { name: 'letters', typed: ['3', 'March', '2026'], error: '#soughtOn-day: The date must be a real date.', parts: ['day', 'month', 'year'] },
      { name: '31 February', typed: ['31', '2', '2026'], error: '#soughtOn-day: The date must be a real date.', parts: ['day', 'month', 'year'] },
      { name: 'a year of 2 digits', typed: ['3', '3', '26'], error: '#soughtOn-year: Year must include 4 numbers.', parts: ['year'] },
      { name: 'nothing at all', typed: ['', '', ''], error: '#soughtOn-day: Enter the date.', parts: ['day', 'month', 'year'] },
    ] as const;
    for (const { name, typed, error, parts } of cases) {
      it(`refuses a consent sought on a date with ${name}: the summary links to the first part in error, only those are marked, what was typed comes back`, async () => {
        const [day, month, year] = typed;
        const response = await web.post(`/cases/${caseId}/consent/consent`, { askedPersonId: mumId, purpose: 'Sharing with the GP', 'soughtOn-day': day, 'soughtOn-month': month, 'soughtOn-year': year, answer: 'given' });
        assert.equal(response.statusCode, 400);
        assert.deepEqual(summaryErrors(response.body), [error]);
        assert.deepEqual(dateFieldState(response.body, 'soughtOn'), { message: `Error: ${error.slice(error.indexOf(': ') + 2)}`, marked: parts, typed, describedBy: 'soughtOn-hint soughtOn-error' });
        assert.equal(await records(), 0);
      });
    }

    it('words the date the GP was told in its own name, beside the form’s other problems', async () => {
      const response = await web.post(`/cases/${caseId}/consent/gp-told`, { 'toldOn-day': '3', 'toldOn-month': '', 'toldOn-year': '', toldBy: 'Kept Teller', gpShared: '' });
      assert.equal(response.statusCode, 400);
      assert.deepEqual(summaryErrors(response.body), ['#toldOn-month: The date the GP was told must include a month and year.', '#gpShared: Say what was shared with the GP.']);
      assert.deepEqual(dateFieldState(response.body, 'toldOn'), { message: 'Error: The date the GP was told must include a month and year.', marked: ['month', 'year'], typed: ['3', '', ''], describedBy: 'toldOn-hint toldOn-error' });
      assert.equal(inputValue(response.body, 'toldBy'), 'Kept Teller');
    });
  });

  it('gives back a reason longer than the form keeps exactly as typed, recording nothing', async () => {
    const reason = `${'r'.repeat(5_290)} end`;
    const refused = await web.post(`/cases/${caseId}/consent/sharing`, { sharedWhat: 'The police log', sharedWith: 'Health visiting', ...dateFields('sharedOn', today), basis: 'safeguarding-child', decidedBy: '', reason });
    assert.equal(refused.statusCode, 400);
    assert.ok(refused.body.includes(`>${reason}</textarea>`), 'the reason whole, not cut');
  });

  it('records a consent given, then its withdrawal, and shows the line with its tag', async () => {
    const given = await web.post(`/cases/${caseId}/consent/consent`, { askedPersonId: mumId, purpose: 'sharing with the GP and housing', ...dateFields('soughtOn', addDays(today, -3)), answer: 'given' });
    assert.equal(given.statusCode, 303, given.body.slice(0, 500));
    assert.equal(given.headers.location, `/cases/${caseId}/consent`);
    let page = await web.get(given.headers.location);
    assert.match(textOf(qaElement(page.body, 'consent-saved')), /The consent is recorded/);
    assert.equal(qaElement((await web.get(`/cases/${caseId}/consent`)).body, 'consent-saved'), null, 'shown once, not on a reload');
    assert.equal(qaElement((await web.get(`/cases/${caseId}/consent?saved=consent`)).body, 'consent-saved'), null, 'nor by an old bookmark');
    assert.match(textOf(qaElement(page.body, 'consent-line')), /^Given Consent given by Amy Pageconsent \(Mother\) on .* for sharing with the GP and housing/);
    const id = /name="withdraws" type="radio" value="([^"]+)"/.exec(page.body)?.[1] ?? /value="([^"]+)"[^>]*name="withdraws"/.exec(page.body)?.[1];
    assert.ok(id, 'the withdrawal form lists the consent');
    const early = await web.post(`/cases/${caseId}/consent/withdrawal`, { withdraws: id, ...dateFields('withdrawnOn', addDays(today, -4)) });
    assert.equal(early.statusCode, 400);
    assert.deepEqual(summaryErrors(early.body), ['#withdrawnOn-day: A consent cannot be withdrawn before the day it was given.']);
    const withdrawn = await web.post(`/cases/${caseId}/consent/withdrawal`, { withdraws: id, ...dateFields('withdrawnOn', today), withdrawalNote: 'By phone' });
    assert.equal(withdrawn.statusCode, 303);
    page = await web.get(`/cases/${caseId}/consent`);
    assert.match(textOf(qaElement(page.body, 'consent-saved')), /The withdrawal of consent is recorded\./);
    assert.match(textOf(qaElement(page.body, 'consent-line')), /^Withdrawn Consent given by .*; withdrawn on /);
    assert.equal(qaElement(page.body, 'withdrawal-form'), null);
  });

  it('refuses sharing without consent with no basis, decider or reason, then records it with them', async () => {
    const refused = await web.post(`/cases/${caseId}/consent/sharing`, { sharedWhat: 'The police log', sharedWith: 'Health visiting', ...dateFields('sharedOn', today), basis: 'other', decidedBy: '', reason: '' });
    assert.equal(refused.statusCode, 400);
    assert.deepEqual(summaryErrors(refused.body), ['#basisOther: Say which lawful basis.', '#decidedBy: Choose who decided to share without consent.', '#reason: Say why the information was shared without consent.']);
    assert.equal(inputValue(refused.body, 'sharedWith'), 'Health visiting');
    assert.match(refused.body, /value="other" checked/);
    const shared = await web.post(`/cases/${caseId}/consent/sharing`, { sharedWhat: 'The police log', sharedWith: 'Health visiting', ...dateFields('sharedOn', today), basis: 'safeguarding-child', decidedBy: leadId, reason: 'Asking would increase the risk' });
    assert.equal(shared.statusCode, 303, shared.body.slice(0, 500));
    const page = await web.get(`/cases/${caseId}/consent`);
    assert.match(textOf(qaElement(page.body, 'consent-saved')), /The information shared without consent is recorded\./);
    const line = textOf(qaElements(page.body, 'consent-line')[0]!);
    assert.match(line, /^Shared without consent Shared without consent on .* with Health visiting: Safeguarding a child at risk of significant harm .* \(decided by Page Lead\)/);
    assert.match(line, /Why Asking would increase the risk/);
  });

  it('records that the GP was told, refusing a date in the future first, and shows when and by whom', async () => {
    const refused = await web.post(`/cases/${caseId}/consent/gp-told`, { ...dateFields('toldOn', addDays(today, 2)), toldBy: 'Kept Teller', gpShared: '' });
    assert.equal(refused.statusCode, 400);
    assert.deepEqual(summaryErrors(refused.body), ['#toldOn-day: The date the GP was told cannot be in the future.', '#gpShared: Say what was shared with the GP.']);
    assert.equal(inputValue(refused.body, 'toldBy'), 'Kept Teller');
    const told = await web.post(`/cases/${caseId}/consent/gp-told`, { ...dateFields('toldOn', addDays(today, -1)), toldBy: '', gpShared: 'The concerns about drinking' });
    assert.equal(told.statusCode, 303);
    const page = await web.get(`/cases/${caseId}/consent`);
    assert.match(textOf(qaElement(page.body, 'consent-saved')), /That the GP was told is recorded in the chronology\./);
    assert.match(textOf(qaElement(page.body, 'gp-last-told')), /^GP last told: .*, by Page Lead \(.*\). What was shared: The concerns about drinking$/);
    const entries = await t.ctx.db.selectFrom('chronology_entries').select('kind').where('case_id', '=', caseId).execute();
    assert.deepEqual(entries.map((e) => e.kind), ['gp-informed']);
  });

  it('refuses someone outside the team the page and every form, showing nothing of the record', async () => {
    const count = await records();
    for (const response of [
      await outsiderWeb.get(`/cases/${caseId}/consent`),
      await outsiderWeb.post(`/cases/${caseId}/consent/consent`, { askedName: 'x' }),
      await outsiderWeb.post(`/cases/${caseId}/consent/withdrawal`, {}),
      await outsiderWeb.post(`/cases/${caseId}/consent/sharing`, {}),
      await outsiderWeb.post(`/cases/${caseId}/consent/gp-told`, {}),
      ...(await Promise.all(['consent', 'withdrawal', 'sharing', 'gp-told'].map((form) => outsiderWeb.get(`/cases/${caseId}/consent/${form}`)))),
    ]) {
      assert.equal(response.statusCode, 403);
      // Nothing of the record; the lead professional is named, as whom to contact.
      assert.doesNotMatch(response.body, /Pageconsent/);
      assert.match(response.body, /data-qa="case-contact">[^<]*Page Lead/);
    }
    assert.equal(await records(), count);
  });

  it('answers each form’s address with the page, its forms blank', async () => {
    for (const form of ['consent', 'withdrawal', 'sharing', 'gp-told']) {
      const page = await web.get(`/cases/${caseId}/consent/${form}`);
      assert.equal(page.statusCode, 200, form);
      assert.ok(qaElement(page.body, 'sharing-form'), form);
      assert.equal(inputValue(page.body, 'sharedWith') ?? '', '', form);
    }
  });

  it('gives a form back as typed when it was posted with an expired form token, recording nothing', async () => {
    const count = await records();
    const response = await web.post(`/cases/${caseId}/consent/consent`, { _csrf: 'expired-token', askedName: 'Kept Grandmother', purpose: 'Kept purpose', ...dateFields('soughtOn', today), answer: 'refused' });
    assert.equal(response.headers.location, `/cases/${caseId}/consent/consent?restore=1`);
    const form = await web.get(response.headers.location);
    assert.equal(form.statusCode, 200);
    assert.match(textOf(qaElement(form.body, 'kept-form-banner')), /Your form had expired/);
    assert.equal(inputValue(form.body, 'askedName'), 'Kept Grandmother');
    assert.match(form.body, /Kept purpose<\/textarea>/);
    assert.match(form.body, /value="refused" checked/);
    assert.equal(await records(), count);
  });

  // Last: it lets the session go idle.
  it('gives a form back as typed when it was posted after the session went idle, once the same user signs in again', async () => {
    const url = `/cases/${caseId}/consent/sharing`;
    const client = await WebClient.signedIn(t.app, lead);
    await client.get(`/cases/${caseId}/consent`);
    t.clock.advanceMinutes(31);
    const late = await client.post(url, { sharedWhat: 'Kept police log', sharedWith: 'Kept midwife', ...dateFields('sharedOn', today), basis: 'safeguarding-child', reason: 'Kept reason' });
    assert.equal(late.statusCode, 303);
    assert.equal(late.headers.location, `/sign-in?${new URLSearchParams({ returnTo: `${url}?restore=1`, reason: 'idle' }).toString()}`);
    await client.get(late.headers.location);
    await client.post('/sign-in', { email: lead.email, password: lead.password, returnTo: `${url}?restore=1` });
    const form = await client.get(`${url}?restore=1`);
    assert.equal(form.statusCode, 200);
    assert.ok(qaElement(form.body, 'kept-form-banner'));
    assert.match(form.body, /Kept police log<\/textarea>/);
    assert.equal(inputValue(form.body, 'sharedWith'), 'Kept midwife');
    assert.match(form.body, /Kept reason<\/textarea>/);
    assert.equal(inputValue((await client.get(`${url}?restore=1`)).body, 'sharedWith') ?? '', '', 'given back once');
  });
});
