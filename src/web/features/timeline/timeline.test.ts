import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { recordEntry, type EntryInput } from '../../../application/chronology/record-entry.ts';
import { actorFor, makeCase, makeOrganisation, makePerson, makeUser } from '../../../../test/helpers/factories.ts';
import { qaElement, textOf } from '../../../../test/helpers/html.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { WebClient } from '../../../../test/helpers/web-client.ts';

type User = Awaited<ReturnType<typeof makeUser>>;

describe('chronology timeline page', () => {
  let t: TestApp;
  let caseId: string;
  let emptyCaseId: string;
  let lead: User;
  let police: User;

  const record = async (user: User, input: EntryInput) => {
    const result = await recordEntry(t.ctx, actorFor(user), caseId, input);
    assert.ok(result.ok, JSON.stringify(result));
    return result.entry.id;
  };

  before(async () => {
    t = await createTestApp();
    const health = await makeOrganisation(t.ctx, 'health-visiting', 'Northfield Health Visiting');
    const constabulary = await makeOrganisation(t.ctx, 'police', 'Northfield Police');
    lead = await makeUser(t.ctx, { organisationId: health.id, name: 'Claire Dobson' });
    police = await makeUser(t.ctx, { organisationId: constabulary.id, name: 'DC Ben Carter' });
    ({ id: caseId } = await makeCase(t.ctx, { familyName: 'Hart', teamUserIds: [lead.id, police.id] }));
    ({ id: emptyCaseId } = await makeCase(t.ctx, { familyName: 'Quiet', teamUserIds: [lead.id] }));
    await makePerson(t.ctx, caseId, { id: 'mum' });
    await makePerson(t.ctx, caseId, { id: 'dad', given_name: 'Mark', relationship_to_infant: 'father' });
    await record(lead, { kind: 'home-visit', occurredAt: '2026-10-05', summary: 'Baby seen asleep in a Moses basket', source: 'observed', babySeen: true });
    for (const [i, day] of ['2026-10-10', '2026-10-24', '2026-11-07'].entries()) {
      await record(police, { kind: 'police-domestic-abuse-incident', occurredAt: day, summary: `Incident ${i + 1}: <shouting> & a neighbour called`, source: 'agency-record', victimIds: ['mum'], perpetratorIds: ['dad'] });
    }
  });
  after(async () => t.close());

  const url = (id = caseId) => `/cases/${id}/chronology/timeline`;

  it('draws the chronology with a lane per agency, the pattern shaded, a key, the words and a way back', async () => {
    const client = await WebClient.signedIn(t.app, lead);
    const page = await client.get(url());
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1 class="govuk-heading-l">Chronology timeline<\/h1>/);
    const svg = qaElement(page.body, 'timeline')!;
    assert.match(svg, /<svg [^>]*role="img" aria-labelledby="timeline-title timeline-desc"/);
    assert.equal([...svg.matchAll(/<g class="app-timeline__entry"/g)].length, 4);
    assert.match(svg, /<tspan font-weight="bold">Northfield Health Visiting<\/tspan>/);
    assert.match(svg, /<tspan font-weight="bold">Northfield Police<\/tspan>/);
    assert.match(svg, /data-pattern="repeated-incidents"/);
    assert.match(svg, /Incident 1: &lt;shouting&gt; &amp; a neighbour called/);
    assert.doesNotMatch(svg, /<shouting>/);

    assert.match(textOf(qaElement(page.body, 'timeline-summary')), /^The timeline shows 4 entries from 2 agencies between 5 October 2026 and 7 November 2026: 1 from Northfield Health Visiting and 3 from Northfield Police\. 3 are significant\./);
    assert.match(textOf(qaElement(page.body, 'timeline-summary')), /Repeated domestic abuse incidents \(between 10 October 2026 and 7 November 2026\)/);
    const key = textOf(qaElement(page.body, 'timeline-key'));
    for (const words of ['Contact or visit', 'Police incident', 'Significant entry', 'Pattern of high concern', 'Today']) assert.match(key, new RegExp(words));
    const words = textOf(qaElement(page.body, 'timeline-text'));
    assert.match(words, /24 October 2026: Domestic abuse incident reported to the police, Northfield Police, significant, about Sarah Hart and Mark Hart\. Incident 2/);
    assert.match(words, /Repeated domestic abuse incidents, between 10 October 2026 and 7 November 2026 \(high concern\)/);
    assert.match(page.body, /href="\/cases\/[^"]+\/chronology" data-qa="chronology-link">Back to the chronology<\/a>/);
  });

  it('records the look in the audit log as reading the chronology', async () => {
    const client = await WebClient.signedIn(t.app, police);
    assert.equal((await client.get(url())).statusCode, 200);
    const audit = await t.ctx.db.selectFrom('audit_log').select(['action', 'outcome']).where('actor_user_id', '=', police.id).where('case_id', '=', caseId).where('action', '=', 'chronology.view').execute();
    assert.deepEqual(audit.map((a) => [a.action, a.outcome]), [['chronology.view', 'success']]);
  });

  it('says so, with no picture, when the chronology is empty', async () => {
    const client = await WebClient.signedIn(t.app, lead);
    const page = await client.get(url(emptyCaseId));
    assert.equal(page.statusCode, 200);
    assert.equal(qaElement(page.body, 'timeline'), null);
    assert.doesNotMatch(page.body, /<svg [^>]*class="app-timeline"/);
    assert.match(textOf(qaElement(page.body, 'timeline-summary')), /There are no entries in the chronology yet, so there is no timeline to draw\./);
  });

  it('refuses someone outside the team, and audits the refusal', async () => {
    const outsider = await makeUser(t.ctx);
    const client = await WebClient.signedIn(t.app, outsider);
    const page = await client.get(url());
    assert.equal(page.statusCode, 403);
    assert.doesNotMatch(page.body, /app-timeline|Moses basket/);
    const refusal = await t.ctx.db.selectFrom('audit_log').select('action').where('actor_user_id', '=', outsider.id).where('outcome', '=', 'denied').executeTakeFirstOrThrow();
    assert.equal(refusal.action, 'chronology.view');
  });

  it('has no page for a case that does not exist, and asks who you are first', async () => {
    const client = await WebClient.signedIn(t.app, lead);
    assert.equal((await client.get(url(randomUUID()))).statusCode, 404);
    assert.equal((await client.get(url('not-a-case'))).statusCode, 404);
    const anonymous = await t.app.inject({ method: 'GET', url: url() });
    assert.equal(anonymous.statusCode, 303);
  });
});
