import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeCase, makePerson, makeUser } from '../../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { qaElement, textOf } from '../../../../test/helpers/html.ts';
import { WebClient } from '../../../../test/helpers/web-client.ts';

describe('profile pages', () => {
  let t: TestApp;
  let caseId: string;
  let lead: Awaited<ReturnType<typeof makeUser>>;
  before(async () => {
    t = await createTestApp();
    lead = await makeUser(t.ctx, { name: 'Hana Visitor' });
    ({ id: caseId } = await makeCase(t.ctx, { teamUserIds: [lead.id] }));
    await makePerson(t.ctx, caseId, { id: 'mum', history_checked: true });
  });
  after(async () => t.close());

  const factorUrl = () => `/cases/${caseId}/profile/mum/alcohol-misuse`;

  it('shows the task list by subject, every factor not yet assessed, and the findings', async () => {
    const client = await WebClient.signedIn(t.app, lead);
    const page = await client.get(`/cases/${caseId}/profile`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /The baby: Test Baby/);
    assert.match(page.body, /Sarah Hart \(mother\)/);
    assert.match(page.body, /The household/);
    assert.match(page.body, /data-qa="finding-adult-not-assessed"/);
    assert.match(page.body, new RegExp(`href="${factorUrl()}"`));
  });

  it("records an exclusion on the carer's word: saved, shown as unverified, with its finding", async () => {
    const client = await WebClient.signedIn(t.app, lead);
    const form = await client.get(factorUrl());
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /data-qa="questions"/);
    const saved = await client.post(factorUrl(), { version: '0', status: 'excluded', evidenceNote: 'Says she does not drink', evidenceSource: 'carer-account' });
    assert.equal(saved.statusCode, 303);
    const page = await client.get(`/cases/${caseId}/profile`);
    assert.match(page.body, /Excluded on the carer&#39;s word only/);
    assert.match(page.body, /data-qa="finding-unverified-exclusion"/);
    assert.match(textOf(qaElement(page.body, 'counts-subject-mum')), /^14 not yet assessed, 2 excluded \(1 on the carer's word only\), 0 present, 0 cannot be assessed$/);
    assert.match(textOf(qaElement(page.body, 'profile-links')), /Profile history \(version 1\)/);
  });

  it('asks for evidence to exclude, detail for present, and keeps what was typed', async () => {
    const client = await WebClient.signedIn(t.app, lead);
    await client.get(`/cases/${caseId}/profile/household/housing-instability`);
    const noEvidence = await client.post(`/cases/${caseId}/profile/household/housing-instability`, { version: '0', status: 'excluded', detail: 'keep me' });
    assert.equal(noEvidence.statusCode, 400);
    assert.match(noEvidence.body, /To exclude this, add the evidence that rules it out/);
    assert.match(noEvidence.body, /keep me/);
    const noDetail = await client.post(`/cases/${caseId}/profile/household/housing-instability`, { version: '0', status: 'present' });
    assert.match(noDetail.body, /Say what is known about it/);
    const noSource = await client.post(`/cases/${caseId}/profile/household/housing-instability`, { version: '0', status: 'excluded', evidenceNote: 'Tenancy seen' });
    assert.match(noSource.body, /Select where the evidence comes from/);
  });

  it('catches a save over someone else’s change, keeping what was typed', async () => {
    const client = await WebClient.signedIn(t.app, lead);
    await client.get(factorUrl());
    const stale = await client.post(factorUrl(), { version: '0', status: 'present', detail: 'Drinks daily, typed by me', pattern: 'chaotic' });
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /Someone else changed this factor/);
    assert.match(stale.body, /Drinks daily, typed by me/);
  });

  it('gives the findings and task lists kept for the version to each viewer as they may see them, and a change at once', async () => {
    const client = await WebClient.signedIn(t.app, lead);
    const first = await client.get(`/cases/${caseId}/profile`);
    const again = await client.get(`/cases/${caseId}/profile`);
    const withoutTokens = (html: string) => html.replace(/name="_csrf" value="[^"]*"|data-csrf-token="[^"]*"/g, '');
    assert.equal(withoutTokens(again.body), withoutTokens(first.body));
    assert.notEqual(qaElement(again.body, 'assess-all-subject-mum'), null);

    const police = await makeUser(t.ctx);
    const now = t.clock.now();
    await t.ctx.db.insertInto('break_glass_access').values({ case_id: caseId, id: 'bg-profile', user_id: police.id, reason: 'test emergency access', started_at: now, expires_at: new Date(now.getTime() + 3_600_000) }).execute();
    const readOnly = await (await WebClient.signedIn(t.app, police)).get(`/cases/${caseId}/profile`);
    assert.equal(readOnly.statusCode, 200);
    assert.equal(qaElement(readOnly.body, 'assess-all-subject-mum'), null);
    assert.equal(textOf(qaElement(readOnly.body, 'counts-subject-mum')), textOf(qaElement(first.body, 'counts-subject-mum')));
    assert.notEqual(qaElement((await client.get(`/cases/${caseId}/profile`)).body, 'assess-all-subject-mum'), null);

    await client.get(`/cases/${caseId}/profile/mum/drug-misuse`);
    const saved = await client.post(`/cases/${caseId}/profile/mum/drug-misuse`, { version: '0', status: 'present', detail: 'Uses cannabis daily', pattern: 'stable' });
    assert.equal(saved.statusCode, 303);
    const changed = await client.get(`/cases/${caseId}/profile`);
    const drugs = (html: string) => html.match(/<li class="govuk-task-list__item[^"]*">(?:(?!<\/li>)[\s\S])*\/mum\/drug-misuse"(?:(?!<\/li>)[\s\S])*<\/li>/)?.[0] ?? '';
    assert.doesNotMatch(drugs(first.body), /Present/);
    assert.match(drugs(changed.body), /govuk-tag--red">\s*Present\s*</);
    assert.notEqual(textOf(qaElement(changed.body, 'counts-subject-mum')), textOf(qaElement(first.body, 'counts-subject-mum')));
  });

  it('refuses someone outside the team, and has no page for a derived factor', async () => {
    const outsider = await makeUser(t.ctx);
    const client = await WebClient.signedIn(t.app, outsider);
    assert.equal((await client.get(`/cases/${caseId}/profile`)).statusCode, 403);
    assert.equal((await client.get(factorUrl())).statusCode, 403);
    const own = await WebClient.signedIn(t.app, lead);
    assert.equal((await own.get(`/cases/${caseId}/profile/infant/prematurity`)).statusCode, 404);
  });
});
