import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeCase, makePerson, makeUser } from '../../../../test/helpers/factories.ts';
import { qaElement, summaryErrors, textOf } from '../../../../test/helpers/html.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { WebClient } from '../../../../test/helpers/web-client.ts';

describe('stress and response', () => {
  let t: TestApp;
  let caseId: string;
  let lead: Awaited<ReturnType<typeof makeUser>>;
  before(async () => {
    t = await createTestApp();
    lead = await makeUser(t.ctx, { name: 'Hana Visitor' });
    ({ id: caseId } = await makeCase(t.ctx, { teamUserIds: [lead.id] }));
    await makePerson(t.ctx, caseId, { id: 'mum', history_checked: true });
    await makePerson(t.ctx, caseId, { id: 'gran', given_name: 'Ada', family_name: 'Hart', relationship_to_infant: 'grandparent', lives_in_household: false, cares_for_infant: false, visits_regularly: true });
  });
  after(async () => t.close());

  const stressUrl = () => `/cases/${caseId}/profile/stress`;
  const factorUrl = () => `/cases/${caseId}/profile/mum/harmful-stress-response`;

  /** Posts the factor form as a browser does: a ticked box per `responses` field, repeated. */
  async function postFactor(client: WebClient, url: string, fields: [string, string][]) {
    const form = await client.get(url);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
    return t.app.inject({
      method: 'POST',
      url,
      payload: new URLSearchParams([['_csrf', csrf], ...fields]).toString(),
      headers: { cookie: client.cookieHeader, 'content-type': 'application/x-www-form-urlencoded' },
    });
  }
  const ticked = (html: string) => [...html.matchAll(/<input[^>]*name="responses"[^>]*value="([^"]+)"[^>]*checked/g)].map((m) => m[1]);

  it('starts with no stressors, each carer not yet assessed with a link to record, and no finding', async () => {
    const client = await WebClient.signedIn(t.app, lead);
    const page = await client.get(stressUrl());
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1 class="govuk-heading-l">Stress and response<\/h1>/);
    assert.equal(textOf(qaElement(page.body, 'no-stressors')), 'No stressors recorded yet: every household factor is still assumed until assessed.');
    const mum = textOf(qaElement(page.body, 'carer-mum'));
    assert.match(mum, /Sarah Hart \(mother\)/);
    assert.match(mum, /Not yet assessed/);
    assert.match(mum, /Harmful responses None recorded Helpful responses None recorded/);
    assert.match(page.body, new RegExp(`<a class="govuk-link" href="${factorUrl()}" data-qa="record-response">Record how Sarah Hart responds to stress</a>`));
    assert.equal(qaElement(page.body, 'carer-gran'), null, 'a visitor is not a carer');
    assert.ok(qaElement(page.body, 'no-finding'));
  });

  it('shows the response checkboxes on the factor page, harmful first, then "or", then helpful', async () => {
    const client = await WebClient.signedIn(t.app, lead);
    const form = await client.get(factorUrl());
    assert.equal(form.statusCode, 200);
    const boxes = qaElement(form.body, 'responses') ?? '';
    assert.match(boxes, /How do they respond to stress\?/);
    const order = [...boxes.matchAll(/value="([a-z-]+)"|govuk-checkboxes__divider">or</g)].map((m) => m[1] ?? 'or');
    assert.deepEqual(order, ['anger-or-aggression', 'drinks-alcohol', 'uses-drugs', 'rough-handling', 'withdraws-or-low-mood', 'self-harm', 'or', 'seeks-help', 'takes-a-break-safely']);
    assert.deepEqual(ticked(form.body), []);
    const other = await client.get(`/cases/${caseId}/profile/mum/mental-health`);
    assert.equal(qaElement(other.body, 'responses'), null, 'only on the response to stress');
  });

  it('refuses an unknown response, keeping the boxes ticked and what was typed', async () => {
    const client = await WebClient.signedIn(t.app, lead);
    const refused = await postFactor(client, factorUrl(), [['version', '0'], ['status', 'present'], ['detail', 'typed by me'], ['responses', 'drinks-alcohol'], ['responses', 'shouting']]);
    assert.equal(refused.statusCode, 400);
    assert.deepEqual(summaryErrors(refused.body), ['#responses: Select how they respond to stress from the list: "shouting" is not one of the choices']);
    assert.deepEqual(ticked(refused.body), ['drinks-alcohol']);
    assert.match(refused.body, /typed by me/);
  });

  it('refuses an exclusion with a harmful response ticked, and keeps the ticks', async () => {
    const client = await WebClient.signedIn(t.app, lead);
    const refused = await postFactor(client, factorUrl(), [
      ['version', '0'],
      ['status', 'excluded'],
      ['responses', 'anger-or-aggression'],
      ['responses', 'seeks-help'],
      ['evidenceNote', 'No police record'],
      ['evidenceSource', 'agency-record'],
    ]);
    assert.equal(refused.statusCode, 400);
    assert.deepEqual(summaryErrors(refused.body), ['#responses: You cannot exclude this while a harmful response is ticked: untick it, or record it as present']);
    assert.deepEqual(ticked(refused.body), ['anger-or-aggression', 'seeks-help']);
  });

  it('keeps the ticks when another field is wrong', async () => {
    const client = await WebClient.signedIn(t.app, lead);
    const refused = await postFactor(client, factorUrl(), [['version', '0'], ['status', 'present'], ['responses', 'uses-drugs'], ['evidenceNote', 'Seen drunk']]);
    assert.equal(refused.statusCode, 400);
    assert.deepEqual(summaryErrors(refused.body), ['#evidenceSource: Select where the evidence comes from']);
    assert.deepEqual(ticked(refused.body), ['uses-drugs']);
    const noStatus = await postFactor(client, factorUrl(), [['version', '0'], ['responses', 'self-harm'], ['responses', 'seeks-help']]);
    assert.deepEqual(summaryErrors(noStatus.body), ['#status: Select what you found']);
    assert.deepEqual(ticked(noStatus.body), ['self-harm', 'seeks-help']);
  });

  it('asks for detail when present rests only on helpful responses', async () => {
    const client = await WebClient.signedIn(t.app, lead);
    const refused = await postFactor(client, factorUrl(), [['version', '0'], ['status', 'present'], ['responses', 'seeks-help']]);
    assert.equal(refused.statusCode, 400);
    assert.deepEqual(summaryErrors(refused.body), ['#detail: Say what is known about it']);
    assert.deepEqual(ticked(refused.body), ['seeks-help']);
  });

  it('saves present with harmful responses and no detail, and shows them ticked again', async () => {
    const client = await WebClient.signedIn(t.app, lead);
    const saved = await postFactor(client, factorUrl(), [['version', '0'], ['status', 'present'], ['responses', 'drinks-alcohol'], ['responses', 'anger-or-aggression'], ['responses', 'takes-a-break-safely']]);
    assert.equal(saved.statusCode, 303, saved.body);
    const form = await client.get(factorUrl());
    assert.deepEqual(ticked(form.body), ['anger-or-aggression', 'drinks-alcohol', 'takes-a-break-safely']);
  });

  it('shows the stressors, each carer’s responses and the finding once a stressor is recorded', async () => {
    const client = await WebClient.signedIn(t.app, lead);
    const hardship = await postFactor(client, `/cases/${caseId}/profile/household/material-hardship`, [['version', '0'], ['status', 'present'], ['detail', 'No money for gas']]);
    assert.equal(hardship.statusCode, 303, hardship.body);
    const page = await client.get(stressUrl());
    assert.equal(page.statusCode, 200);
    const stressors = qaElement(page.body, 'stressors') ?? '';
    assert.match(stressors, new RegExp(`href="/cases/${caseId}/profile/household/material-hardship"`));
    assert.match(textOf(stressors), /Poverty or no essentials The household Present/);
    assert.match(textOf(qaElement(page.body, 'stressors-not-assessed')), /not yet assessed/);
    const mum = textOf(qaElement(page.body, 'carer-mum'));
    assert.match(mum, /Recorded as Present/);
    assert.match(mum, /Harmful responses Anger or aggression Drinks alcohol Helpful responses Puts the baby down safely and takes a break/);
    const finding = textOf(qaElement(page.body, 'finding-stress-response'));
    assert.match(finding, /Sarah Hart is known to respond to stress with anger or aggression and drinking, and the home is under pressure from poverty/);
    assert.doesNotMatch(finding, /taking a break safely/);
  });

  it('clears the responses when every box is unticked', async () => {
    const client = await WebClient.signedIn(t.app, lead);
    const saved = await postFactor(client, factorUrl(), [['version', '1'], ['status', 'present'], ['detail', 'Shouts when tired'], ['responses', 'seeks-help']]);
    assert.equal(saved.statusCode, 303, saved.body);
    assert.deepEqual(ticked((await client.get(factorUrl())).body), ['seeks-help']);
    const cleared = await postFactor(client, factorUrl(), [['version', '2'], ['status', 'present'], ['detail', 'Shouts when tired']]);
    assert.equal(cleared.statusCode, 303, cleared.body);
    assert.deepEqual(ticked((await client.get(factorUrl())).body), []);
  });

  it('lets a read-only visitor see the page without any change links', async () => {
    const visitor = await makeUser(t.ctx);
    const now = t.ctx.clock.now();
    await t.ctx.db
      .insertInto('break_glass_access')
      .values({ case_id: caseId, id: 'stress-bg', user_id: visitor.id, reason: 'Police called tonight', started_at: now, expires_at: new Date(now.getTime() + 3_600_000) })
      .execute();
    const client = await WebClient.signedIn(t.app, visitor);
    const page = await client.get(stressUrl());
    assert.equal(page.statusCode, 200);
    assert.match(textOf(qaElement(page.body, 'stressors')), /Poverty or no essentials/);
    assert.doesNotMatch(page.body, /\/profile\/household\/material-hardship"/);
    assert.equal(qaElement(page.body, 'record-response'), null);
    assert.doesNotMatch(page.body, /Record how/);
  });

  it('refuses someone outside the team, and has no page for an unknown case', async () => {
    const outsider = await makeUser(t.ctx);
    const client = await WebClient.signedIn(t.app, outsider);
    const refused = await client.get(stressUrl());
    assert.equal(refused.statusCode, 403);
    assert.doesNotMatch(refused.body, /Sarah Hart/);
    const own = await WebClient.signedIn(t.app, lead);
    assert.equal((await own.get('/cases/00000000-0000-0000-0000-000000000000/profile/stress')).statusCode, 404);
  });
});
