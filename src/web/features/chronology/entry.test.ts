import assert from 'node:assert/strict';
import { EVENT_KIND_IDS } from '../../../domain/catalogue/event-kinds.ts';
import { CONTACT_KINDS, isContactKind } from '../../../domain/chronology/contact-record.ts';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { loadChronology } from '../../../application/chronology/chronology-rows.ts';
import { makeCase, makeOrganisation, makePerson, makeUser } from '../../../../test/helpers/factories.ts';
import { qaElement, qaElements, summaryErrors, textOf } from '../../../../test/helpers/html.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { WebClient } from '../../../../test/helpers/web-client.ts';

/** Posts a form whose boxes send one name many times, as a browser does, with the page's CSRF token. */
async function postFields(app: FastifyInstance, client: WebClient, page: string, url: string, fields: [string, string][]) {
  const token = /name="_csrf" value="([^"]+)"/.exec(page)![1]!;
  return app.inject({
    method: 'POST',
    url,
    payload: new URLSearchParams([['_csrf', token], ...fields]).toString(),
    headers: { cookie: client.cookieHeader, 'content-type': 'application/x-www-form-urlencoded' },
  });
}

const inputValue = (html: string, id: string) => new RegExp(`id="${id}" name="${id}" type="text"[^>]*value="([^"]*)"`).exec(html)?.[1];
const isChecked = (html: string, name: string, value: string) => new RegExp(`name="${name}" type="checkbox" value="${value}" checked`).test(html);

describe('adding and correcting chronology entries', () => {
  let t: TestApp;
  let caseId: string;
  let lead: Awaited<ReturnType<typeof makeUser>>;
  let memberClient: WebClient;

  before(async () => {
    t = await createTestApp();
    const health = await makeOrganisation(t.ctx, 'health-visiting', 'Northfield Health Visiting');
    lead = await makeUser(t.ctx, { organisationId: health.id, name: 'Claire Dobson' });
    const member = await makeUser(t.ctx, { name: 'Tom Adeyemi' });
    ({ id: caseId } = await makeCase(t.ctx, { familyName: 'Hart', teamUserIds: [lead.id, member.id] }));
    await makePerson(t.ctx, caseId, { id: 'mum' });
    await makePerson(t.ctx, caseId, { id: 'dad', given_name: 'Mark', relationship_to_infant: 'father' });
    memberClient = await WebClient.signedIn(t.app, member);
  });
  after(async () => t.close());

  const newUrl = () => `/cases/${caseId}/chronology/new`;
  const entries = () => loadChronology(t.ctx.db, caseId);

  it('shows the form: kinds in groups, the sources, and the people in the record', async () => {
    const client = await WebClient.signedIn(t.app, lead);
    const page = await client.get(newUrl());
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<optgroup label="Police">\s*<option value="police-domestic-abuse-incident">Domestic abuse incident reported to the police \(review trigger\)<\/option>/);
    // Every kind but a contact with the family, which the contact form records (with the plan's checks).
    assert.equal((page.body.match(/<option value="[a-z-]+"/g) ?? []).length, EVENT_KIND_IDS.filter((kind) => !isContactKind(kind)).length);
    for (const kind of CONTACT_KINDS) assert.doesNotMatch(page.body, new RegExp(`<option value="${kind}"`), kind);
    assert.match(qaElement(page.body, 'record-contact-instead') ?? '', new RegExp(`<a class="govuk-link" href="/cases/${caseId}/contacts/new">record a contact or visit</a>`));
    assert.match(page.body, /name="source" type="radio" value="carer-account"/);
    for (const name of ['personIds', 'presentIds', 'victimIds', 'perpetratorIds']) assert.match(page.body, new RegExp(`name="${name}" type="checkbox" value="dad"`));
  });

  it('refuses a new entry of a contact kind, sent anyway, with words and the way to the contact form, keeping what was typed', async () => {
    const client = await WebClient.signedIn(t.app, lead);
    const before = (await entries()).length;
    for (const kind of CONTACT_KINDS) {
      const form = await client.get(newUrl());
      const refused = await postFields(t.app, client, form.body, newUrl(), [
        ['kind', kind],
        ['occurred-day', '20'],
        ['occurred-month', '10'],
        ['occurred-year', '2026'],
        ['summary', 'Baby seen asleep in the cot'],
        ['source', 'observed'],
      ]);
      assert.equal(refused.statusCode, 400, kind);
      const errors = summaryErrors(refused.body);
      assert.equal(errors.length, 1, errors.join('\n'));
      assert.match(errors[0]!, /^#kind: .+ is recorded as a contact, which asks the plan’s checks and about the baby’s day: use “Record a contact or visit” \(what you typed is still here to copy\)$/);
      assert.match(refused.body, />Baby seen asleep in the cot<\/textarea>/);
      assert.match(qaElement(refused.body, 'record-contact-instead') ?? '', /contacts\/new/);
    }
    assert.equal((await entries()).length, before, 'nothing recorded');
  });

  it('adds an entry with a time, several people and who harmed whom, and shows it', async () => {
    const client = await WebClient.signedIn(t.app, lead);
    const form = await client.get(newUrl());
    const response = await postFields(t.app, client, form.body, newUrl(), [
      ['kind', 'police-domestic-abuse-incident'],
      ['occurred-day', '20'],
      ['occurred-month', '10'],
      ['occurred-year', '2026'],
      ['time', '22.15'],
      ['summary', 'Neighbour called police after shouting'],
      ['source', 'agency-record'],
      ['personIds', 'mum'],
      ['personIds', 'dad'],
      ['presentIds', 'mum'],
      ['victimIds', 'mum'],
      ['perpetratorIds', 'dad'],
      ['babySeen', 'not-recorded'],
      ['agency', 'Northfield Police'],
    ]);
    assert.equal(response.statusCode, 303);
    const [entry] = await entries();
    assert.equal(response.headers.location, `/cases/${caseId}/chronology/${entry!.id}`);
    assert.equal(entry!.occurredAt, '2026-10-20T22:15:00+01:00');
    assert.deepEqual([entry!.personIds, entry!.presentIds, entry!.victimIds, entry!.perpetratorIds], [['mum', 'dad'], ['mum'], ['mum'], ['dad']]);
    assert.equal(entry!.agency, 'Northfield Police');
    assert.equal(entry!.significant, true, 'a review trigger is significant without the box');
    assert.equal(entry!.babySeen, null);
    const audit = await t.ctx.db.selectFrom('audit_log').select('details').where('action', '=', 'chronology.record').where('subject_id', '=', entry!.id).executeTakeFirstOrThrow();
    assert.equal(audit.details['kind'], 'police-domestic-abuse-incident');

    const list = await client.get(`/cases/${caseId}/chronology`);
    assert.match(textOf(qaElement(list.body, 'entry')), /^20 October 2026 at 10:15pm : Domestic abuse incident reported to the police Agency: Northfield Police .* Significant: Yes$/);
    const shown = await client.get(response.headers.location);
    assert.match(textOf(qaElement(shown.body, 'entry-detail')), /^When 20 October 2026 at 10:15pm Agency Northfield Police Summary Neighbour called police after shouting /);
  });

  it('lists every problem at once, by its field, in the order of the form, keeping what was typed', async () => {
    const client = await WebClient.signedIn(t.app, lead);
    const form = await client.get(newUrl());
    const empty = await postFields(t.app, client, form.body, newUrl(), [['personIds', 'dad'], ['significant', 'yes']]);
    assert.equal(empty.statusCode, 400);
    assert.deepEqual(summaryErrors(empty.body), [
      '#kind: Choose what kind of entry this is from the list',
      '#occurred-day: Enter the date it happened',
      '#summary: Enter a summary of what happened',
      '#source: Choose where the information comes from',
    ]);
    assert.ok(isChecked(empty.body, 'personIds', 'dad'));
    assert.ok(isChecked(empty.body, 'significant', 'yes'));

    const wrong = await postFields(t.app, client, form.body, newUrl(), [
      ['kind', 'case-note'],
      ['occurred-day', '31'],
      ['occurred-month', '2'],
      ['occurred-year', '2026'],
      ['time', '25:00'],
      ['summary', 'Visited; baby asleep'],
      ['source', 'observed'],
      ['presentIds', 'mum'],
      ['presentIds', 'stranger'],
      ['gestationWeeks', 'twelve'],
    ]);
    assert.equal(wrong.statusCode, 400);
    assert.deepEqual(summaryErrors(wrong.body), [
      '#occurred-day: The date it happened must be a real date',
      '#time: Enter the time on the 24-hour clock, like 14:30, or leave it empty',
      '#presentIds: Choose people who are in this record',
      '#gestationWeeks: Enter weeks of pregnancy as a whole number, like 14',
    ]);
    assert.equal(inputValue(wrong.body, 'occurred-day'), '31');
    assert.equal(inputValue(wrong.body, 'time'), '25:00');
    assert.equal(inputValue(wrong.body, 'gestationWeeks'), 'twelve');
    assert.match(wrong.body, /<option value="case-note" selected>/);
    assert.match(wrong.body, />Visited; baby asleep<\/textarea>/);
    assert.match(wrong.body, /name="source" type="radio" value="observed" checked/);
    assert.ok(isChecked(wrong.body, 'presentIds', 'mum'));

    const future = await postFields(t.app, client, form.body, newUrl(), [
      ['kind', 'antenatal-booking'],
      ['occurred-day', '23'],
      ['occurred-month', '11'],
      ['occurred-year', '2026'],
      ['summary', 'Booked'],
      ['source', 'agency-record'],
      ['gestationWeeks', '50'],
    ]);
    assert.deepEqual(summaryErrors(future.body), [
      '#occurred-day: When it happened must be today or in the past',
      '#gestationWeeks: Weeks of pregnancy at booking must be a whole number from 4 to 44',
    ]);
    const noMonth = await postFields(t.app, client, form.body, newUrl(), [['occurred-day', '3'], ['occurred-year', '2026']]);
    assert.equal(summaryErrors(noMonth.body)[1], '#occurred-month: The date it happened must include a month');
    assert.match(noMonth.body, /class="govuk-input govuk-date-input__input govuk-input--width-2 govuk-input--error" id="occurred-month"/);
    assert.match(noMonth.body, /class="govuk-input govuk-date-input__input govuk-input--width-2" id="occurred-day"/);
    assert.equal((await entries()).length, 1, 'nothing was recorded');
  });

  it('corrects an entry: the form prefilled, a reason required, both versions shown and linked', async () => {
    const client = await WebClient.signedIn(t.app, lead);
    const [original] = await entries();
    const correctUrl = `/cases/${caseId}/chronology/${original!.id}/correct`;
    const form = await client.get(correctUrl);
    assert.equal(form.statusCode, 200);
    assert.match(textOf(qaElement(form.body, 'correcting')), /You are correcting: Domestic abuse incident reported to the police on 20 October 2026 at 10:15pm, recorded by Claire Dobson/);
    assert.equal(inputValue(form.body, 'occurred-day'), '20');
    assert.equal(inputValue(form.body, 'time'), '22:15');
    assert.equal(inputValue(form.body, 'agency'), 'Northfield Police');
    assert.ok(isChecked(form.body, 'victimIds', 'mum'));
    assert.ok(isChecked(form.body, 'perpetratorIds', 'dad'));

    const fields: [string, string][] = [
      ['kind', 'police-domestic-abuse-incident'],
      ['occurred-day', '19'],
      ['occurred-month', '10'],
      ['occurred-year', '2026'],
      ['summary', 'Neighbour called police after shouting'],
      ['source', 'agency-record'],
      ['personIds', 'mum'],
      ['personIds', 'dad'],
      ['victimIds', 'mum'],
      ['perpetratorIds', 'dad'],
      ['agency', 'Northfield Police'],
    ];
    const noReason = await postFields(t.app, client, form.body, correctUrl, fields);
    assert.equal(noReason.statusCode, 400);
    assert.deepEqual(summaryErrors(noReason.body), ['#correctionReason: Say why the entry is being corrected']);
    assert.equal(inputValue(noReason.body, 'occurred-day'), '19');

    const saved = await postFields(t.app, client, form.body, correctUrl, [['correctionReason', 'The police log gives the 19th'], ...fields]);
    assert.equal(saved.statusCode, 303);
    const correction = (await entries()).find((e) => e.corrects === original!.id)!;
    assert.equal(correction.correctionReason, 'The police log gives the 19th');
    assert.equal(correction.occurredAt, '2026-10-19');

    // Newest first: the original (the 20th), then its correction (the 19th), each tagged.
    const list = await client.get(`/cases/${caseId}/chronology`);
    const [listedOriginal, listedCorrection] = qaElements(list.body, 'entry');
    assert.match(listedCorrection!, new RegExp(`id="entry-${correction.id}"`));
    assert.match(qaElement(listedCorrection!, 'correction')!, /Correction/);
    assert.match(qaElement(listedOriginal!, 'corrected')!, /Corrected/);

    const shownCorrection = (await client.get(`/cases/${caseId}/chronology/${correction.id}`)).body;
    assert.match(textOf(qaElement(shownCorrection, 'correction-note')), /This corrects an earlier entry. Why: The police log gives the 19th See the entry it corrects: Domestic abuse incident reported to the police on 20 October 2026 at 10:15pm/);
    assert.match(shownCorrection, new RegExp(`href="/cases/${caseId}/chronology/${original!.id}"`));
    assert.match(shownCorrection, /data-qa="correct-entry"/);
    const shownOriginal = (await client.get(`/cases/${caseId}/chronology/${original!.id}`)).body;
    assert.match(textOf(qaElement(shownOriginal, 'corrected-note')), /This entry was corrected. Why: The police log gives the 19th See the correction: Domestic abuse incident reported to the police on 19 October 2026/);
    assert.match(shownOriginal, new RegExp(`href="/cases/${caseId}/chronology/${correction.id}"`));
    assert.doesNotMatch(shownOriginal, /data-qa="correct-entry"/, 'only the current version offers a correction');
  });

  it('corrects the newest version when asked to correct an entry already corrected, and refuses a stale correction', async () => {
    const client = await WebClient.signedIn(t.app, lead);
    const all = await entries();
    const original = all.find((e) => e.corrects === undefined)!;
    const correction = all.find((e) => e.corrects === original.id)!;
    const again = await client.get(`/cases/${caseId}/chronology/${original.id}/correct`);
    assert.equal(again.statusCode, 303);
    assert.equal(again.headers.location, `/cases/${caseId}/chronology/${correction.id}/correct`);

    // A form opened before the correction was saved, sent afterwards.
    const stale = await memberClient.get(newUrl());
    const refused = await postFields(t.app, memberClient, stale.body, `/cases/${caseId}/chronology/${original.id}/correct`, [
      ['correctionReason', 'Wrong day'],
      ['kind', 'police-domestic-abuse-incident'],
      ['occurred-day', '18'],
      ['occurred-month', '10'],
      ['occurred-year', '2026'],
      ['summary', 'Shouting'],
      ['source', 'agency-record'],
    ]);
    assert.equal(refused.statusCode, 409);
    assert.match(summaryErrors(refused.body)[0]!, /^#correctionReason: Someone has corrected this entry since you opened it/);
    assert.match(refused.body, new RegExp(`href="/cases/${caseId}/chronology/${correction.id}" data-qa="newest-correction"`));
    assert.equal(inputValue(refused.body, 'occurred-day'), '18');
    assert.equal((await entries()).length, 2);
  });

  it('refuses outsiders and read-only access, audited, and finds no unknown case or entry', async () => {
    const outsider = await makeUser(t.ctx);
    const client = await WebClient.signedIn(t.app, outsider);
    const [entry] = await entries();
    for (const url of [newUrl(), `/cases/${caseId}/chronology/${entry!.id}/correct`, `/cases/${caseId}/chronology/${entry!.id}`]) {
      const response = await client.get(url);
      assert.equal(response.statusCode, 403, url);
      assert.doesNotMatch(response.body, /Hart|Neighbour/);
    }
    assert.equal((await client.post(newUrl(), { kind: 'case-note' })).statusCode, 403);
    const refusals = await t.ctx.db.selectFrom('audit_log').select(['action', 'subject_type', 'subject_id']).where('actor_user_id', '=', outsider.id).where('outcome', '=', 'denied').execute();
    assert.equal(refusals.length, 4);
    assert.ok(refusals.some((r) => r.action === 'chronology.view' && r.subject_type === 'chronology-entry' && r.subject_id === entry!.id), JSON.stringify(refusals));

    const visitor = await makeUser(t.ctx);
    const now = t.ctx.clock.now();
    await t.ctx.db.insertInto('break_glass_access').values({ case_id: caseId, id: 'bg', user_id: visitor.id, reason: 'emergency', started_at: now, expires_at: new Date(now.getTime() + 3_600_000) }).execute();
    const readOnly = await WebClient.signedIn(t.app, visitor);
    const list = await readOnly.get(`/cases/${caseId}/chronology`);
    assert.equal(list.statusCode, 200);
    assert.doesNotMatch(list.body, /data-qa="add-entry"/);
    const readOnlyEntry = await readOnly.get(`/cases/${caseId}/chronology/${entry!.id}`);
    assert.equal(readOnlyEntry.statusCode, 200);
    assert.doesNotMatch(readOnlyEntry.body, /data-qa="correct-entry"/);
    assert.equal((await readOnly.get(newUrl())).statusCode, 403);
    const refusal = await t.ctx.db.selectFrom('audit_log').select('action').where('actor_user_id', '=', visitor.id).where('outcome', '=', 'denied').executeTakeFirstOrThrow();
    assert.equal(refusal.action, 'chronology.record');

    const own = await WebClient.signedIn(t.app, lead);
    assert.equal((await own.get('/cases/no-such-case/chronology/new')).statusCode, 404);
    assert.equal((await own.get(`/cases/${caseId}/chronology/no-such-entry/correct`)).statusCode, 404);
    const { id: otherCase } = await makeCase(t.ctx, { teamUserIds: [lead.id] });
    assert.equal((await own.get(`/cases/${otherCase}/chronology/${entry!.id}/correct`)).statusCode, 404, "another case's entry is not found here");
    assert.equal((await own.get(`/cases/${otherCase}/chronology/${entry!.id}`)).statusCode, 404, "another case's entry is not shown here");
  });
});
