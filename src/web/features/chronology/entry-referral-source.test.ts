import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { loadChronology } from '../../../application/chronology/chronology-rows.ts';
import { makeCase, makeOrganisation, makeUser } from '../../../../test/helpers/factories.ts';
import { qaElement, summaryErrors, textOf } from '../../../../test/helpers/html.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { WebClient } from '../../../../test/helpers/web-client.ts';
import { serviceToday } from '../../../domain/shared/service-day.ts';

/** Posts the entry form with the page's CSRF token. */
async function post(app: FastifyInstance, client: WebClient, page: string, url: string, fields: [string, string][]) {
  const token = /name="_csrf" value="([^"]+)"/.exec(page)![1]!;
  return app.inject({ method: 'POST', url, payload: new URLSearchParams([['_csrf', token], ...fields]).toString(), headers: { cookie: client.cookieHeader, 'content-type': 'application/x-www-form-urlencoded' } });
}

/** The option the browser shows chosen: the one marked selected, else the first ("Not recorded"). */
const selected = (html: string) => {
  const select = /<select class="govuk-select[^"]*" id="referralSource"[\s\S]*?<\/select>/.exec(html)?.[0];
  assert.ok(select, 'the form has the referral source list');
  return /<option value="([^"]*)" selected/.exec(select)?.[1] ?? /<option value="([^"]*)"/.exec(select)![1];
};
const whoReferred = (html: string) => /Who referred \(census\) (.*?)(?: Baby seen|$)/.exec(textOf(qaElement(html, 'entry-detail')))?.[1];

// Who referred, on the referral entry's form (issue 16): the census's list, starting at the
// recorder's kind's source where it names one, kept only on a referral, shown on the entry's page.
describe('the referral source on the chronology entry form', () => {
  let t: TestApp;
  let caseId: string;
  let hv: WebClient;
  let social: WebClient;
  let day: [string, string][];

  before(async () => {
    t = await createTestApp();
    const [y, m, d] = serviceToday(t.clock.now()).split('-');
    day = [['occurred-day', String(Number(d))], ['occurred-month', String(Number(m))], ['occurred-year', y!]];
    const hvUser = await makeUser(t.ctx, { organisationId: (await makeOrganisation(t.ctx, 'health-visiting')).id });
    const socialUser = await makeUser(t.ctx, { organisationId: (await makeOrganisation(t.ctx, 'childrens-social-care')).id });
    ({ id: caseId } = await makeCase(t.ctx, { teamUserIds: [socialUser.id, hvUser.id] }));
    hv = await WebClient.signedIn(t.app, hvUser);
    social = await WebClient.signedIn(t.app, socialUser);
  });
  after(async () => t.close());

  const newUrl = () => `/cases/${caseId}/chronology/new`;
  const entry = (kind: string, extra: [string, string][] = []): [string, string][] => [['kind', kind], ...day, ['summary', `A ${kind}`], ['source', 'agency-record'], ...extra];

  it('starts at the health visitor’s source, keeps it on a referral and shows it on the entry’s page', async () => {
    const form = await hv.get(newUrl());
    assert.equal(form.statusCode, 200);
    assert.equal(selected(form.body), '3B');
    assert.match(form.body, /<option value="3E">3E Health services: A&amp;E \(emergency department\)<\/option>/);
    const response = await post(t.app, hv, form.body, newUrl(), entry('referral', [['referralSource', '3B']]));
    assert.equal(response.statusCode, 303, response.body);
    const shown = await hv.get(response.headers.location!);
    assert.equal(whoReferred(shown.body), '3B Health services: health visitor');
    const list = await hv.get(`/cases/${caseId}/chronology?kind=referral`);
    assert.equal(textOf(qaElement(list.body, 'referral-source')), 'Who referred (census): 3B Health services: health visitor', 'the list of referrals says who referred');
  });

  it('leaves the source aside on any other kind of entry', async () => {
    const form = await hv.get(newUrl());
    const response = await post(t.app, hv, form.body, newUrl(), entry('information-from-family', [['referralSource', '3B']]));
    assert.equal(response.statusCode, 303, response.body);
    const visit = (await loadChronology(t.ctx.db, caseId)).find((e) => e.kind === 'information-from-family')!;
    assert.equal(visit.referralSource, undefined);
  });

  it('starts children’s social care at not recorded, says so on the page, and a correction chooses one', async () => {
    const form = await social.get(newUrl());
    assert.equal(selected(form.body), '');
    const response = await post(t.app, social, form.body, newUrl(), entry('referral'));
    assert.equal(response.statusCode, 303, response.body);
    const shown = await social.get(response.headers.location!);
    assert.equal(whoReferred(shown.body), 'Not recorded: correct the entry to choose one');
    const correctUrl = `${response.headers.location!}/correct`;
    const correcting = await social.get(correctUrl);
    assert.equal(selected(correcting.body), '');
    const corrected = await post(t.app, social, correcting.body, correctUrl, [...entry('referral', [['referralSource', '1A']]), ['correctionReason', 'The grandmother referred']]);
    assert.equal(corrected.statusCode, 303, corrected.body);
    assert.equal(whoReferred((await social.get(corrected.headers.location!)).body), '1A Individual: family member, relative or carer');
    assert.equal(selected((await social.get(`${corrected.headers.location!}/correct`)).body), '1A', 'a correction of it starts at the source chosen');
  });

  it('refuses a code not in the census list by its field, keeping what was typed', async () => {
    const form = await social.get(newUrl());
    const response = await post(t.app, social, form.body, newUrl(), entry('referral', [['referralSource', '3G']]));
    assert.equal(response.statusCode, 400);
    assert.deepEqual(summaryErrors(response.body), ['#referralSource: Choose who referred from the census list']);
    assert.match(response.body, /A referral<\/textarea>/);
  });
});
