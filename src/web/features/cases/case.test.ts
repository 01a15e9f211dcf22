import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { recordMeeting } from '../../../application/meetings/record-meeting.ts';
import { addDays } from '../../../domain/shared/calendar-date.ts';
import { serviceToday } from '../../../domain/shared/service-day.ts';
import { actorFor, makeCase, makePerson, makeUser } from '../../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { WebClient } from '../../../../test/helpers/web-client.ts';

describe('case overview page', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ demo: true });
  });
  after(async () => t.close());

  const caseIdOf = async (familyName: string) =>
    (await t.ctx.db.selectFrom('cases').select('id').where('family_name', '=', familyName).executeTakeFirstOrThrow()).id;

  it('shows a team member the baby, the people around them and the team', async () => {
    const client = await WebClient.signedIn(t.app, { email: 'health-visitor@demo.example', password: 'demo-password' });
    const response = await client.get(`/cases/${await caseIdOf('Okafor')}`);
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /data-qa="case-name">Ruby Okafor</);
    assert.match(response.body, /Corrected age/, 'born at 34 weeks');
    assert.match(response.body, /Daniel Mensah/);
    assert.match(response.body, /Half-sibling/);
    assert.match(response.body, /You are the lead professional/);
  });

  it('shows the timescales running, and links to the meetings: a strategy discussion starts the initial conference clock', async () => {
    const lead = await makeUser(t.ctx, { role: 'practitioner' });
    const { id: caseId } = await makeCase(t.ctx, { familyName: 'Clockwork', teamUserIds: [lead.id] });
    const client = await WebClient.signedIn(t.app, lead);
    const before = await client.get(`/cases/${caseId}`);
    assert.match(before.body, /<h2[^>]*id="timescales">Meetings and timescales<\/h2>/);
    assert.match(before.body, /data-qa="no-clocks"/);
    assert.match(before.body, new RegExp(`href="/cases/${caseId}/meetings" data-qa="open-meetings"`));
    const today = serviceToday(t.ctx.clock.now());
    const held = await recordMeeting(t.ctx, actorFor(lead), caseId, {
      kind: 'strategy-discussion',
      heldOn: today,
      chair: 'Cleo Clock',
      parentsPresent: false,
      attendees: [{ name: 'Hana', agency: 'health-visiting' }, { name: 'Dr Ray', agency: 'gp' }],
      decisions: ['Section 47 enquiries'],
      section47: true,
    });
    assert.ok(held.ok, JSON.stringify(held));
    const after = await client.get(`/cases/${caseId}`);
    assert.match(after.body, /data-qa="clock-initial-conference"[\s\S]*?Initial child protection conference[\s\S]*?govuk-tag--blue">Due</);
  });

  it('draws the family diagram with a title, a description, links to each person and a text alternative', async () => {
    const client = await WebClient.signedIn(t.app, { email: 'health-visitor@demo.example', password: 'demo-password' });
    const response = await client.get(`/cases/${await caseIdOf('Okafor')}`);
    const svg = /<svg[\s\S]*?<\/svg>/.exec(response.body)?.[0] ?? '';
    assert.match(svg, /aria-labelledby="genogram-title"/);
    assert.match(svg, /<title id="genogram-title">/);
    assert.match(svg, /<desc id="genogram-desc">/);
    const people = await t.ctx.db.selectFrom('people').select('id').where('case_id', '=', await caseIdOf('Okafor')).execute();
    for (const person of people) assert.match(svg, new RegExp(`href="#person-${person.id}"`));
    assert.match(response.body, /data-qa="genogram-text"/);
    assert.match(response.body, /separated/i);
  });

  it('heads the page with the findings of the Infant Care Profile', async () => {
    const client = await WebClient.signedIn(t.app, { email: 'midwife@demo.example', password: 'demo-password' });
    const response = await client.get(`/cases/${await caseIdOf('Ashworth')}`);
    assert.match(response.body, /data-qa="case-findings"/);
    assert.match(response.body, /data-qa="finding-hidden-risk"/, 'the unknown partner is hidden risk');
  });

  it('shows an unknown adult prominently', async () => {
    const client = await WebClient.signedIn(t.app, { email: 'midwife@demo.example', password: 'demo-password' });
    const response = await client.get(`/cases/${await caseIdOf('Ashworth')}`);
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /data-qa="unknown-adult-warning"/);
    assert.match(response.body, /Mother&#39;s new partner, name unknown/);
    assert.match(response.body, /Gestation today/);
  });

  it('says gestation today with a singular day: 28 weeks 1 day', async () => {
    const lead = await makeUser(t.ctx, { role: 'practitioner' });
    const { id: caseId } = await makeCase(t.ctx, { familyName: 'Weekday', teamUserIds: [lead.id] });
    // 40 weeks less 83 days to the due date is 197 days: 28 weeks 1 day.
    await t.ctx.db.updateTable('cases').set({ status: 'unborn', date_of_birth: null, expected_delivery_date: addDays(serviceToday(t.clock.now()), 83) }).where('id', '=', caseId).execute();
    const page = await (await WebClient.signedIn(t.app, lead)).get(`/cases/${caseId}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /28 weeks 1 day\b(?! s)/);
    assert.ok(!page.body.includes('1 days'));
  });

  it('audits each look at the record with the basis for access', async () => {
    const caseId = await caseIdOf('Hartley');
    const client = await WebClient.signedIn(t.app, { email: 'gp@demo.example', password: 'demo-password' });
    await client.get(`/cases/${caseId}`);
    const rows = await t.ctx.db.selectFrom('audit_log').select(['outcome', 'details']).where('action', '=', 'case.view').where('case_id', '=', caseId).execute();
    assert.deepEqual(rows.map((r) => [r.outcome, r.details['basis']]), [['success', 'team-member']]);
  });

  it("lets a safeguarding lead see their organisation's cases", async () => {
    const client = await WebClient.signedIn(t.app, { email: 'safeguarding-lead@demo.example', password: 'demo-password' });
    const response = await client.get(`/cases/${await caseIdOf('Nowak')}`);
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /You oversee your organisation/);
  });

  it('offers recording a contact or visit first, with the plan’s checks, and "add an entry" for other kinds', async () => {
    const client = await WebClient.signedIn(t.app, { email: 'health-visitor@demo.example', password: 'demo-password' });
    const caseId = await caseIdOf('Okafor');
    const body = (await client.get(`/cases/${caseId}`)).body;
    assert.match(body, new RegExp(`<a href="/cases/${caseId}/contacts/new" role="button"[^>]*class="govuk-button"[^>]*data-qa="record-contact"[^>]*>\\s*Record a contact or visit\\s*</a>`));
    assert.ok(body.indexOf('data-qa="record-contact"') < body.indexOf('data-qa="add-entry"'), 'before "add an entry"');
    assert.match(body, new RegExp(`href="/cases/${caseId}/chronology/new" data-qa="add-entry">add another kind of entry</a>`));
  });

  it('refuses a practitioner outside the team, says who to contact, shows nothing of the record, and audits the refusal', async () => {
    const caseId = await caseIdOf('Okafor');
    const client = await WebClient.signedIn(t.app, { email: 'police@demo.example', password: 'demo-password' });
    const response = await client.get(`/cases/${caseId}`);
    assert.equal(response.statusCode, 403);
    assert.match(response.body, /data-qa="case-contact"/);
    assert.match(response.body, /Claire Dobson/);
    assert.doesNotMatch(response.body, /Ruby|Okafor|Mensah/);
    const denied = await t.ctx.db.selectFrom('audit_log').select('outcome').where('action', '=', 'case.view').where('case_id', '=', caseId).where('outcome', '=', 'denied').execute();
    assert.equal(denied.length, 1);
  });

  it('answers an unknown or guessed case id with not found, and audits it', async () => {
    const client = await WebClient.signedIn(t.app, { email: 'gp@demo.example', password: 'demo-password' });
    const response = await client.get('/cases/00000000-0000-0000-0000-000000000000');
    assert.equal(response.statusCode, 404);
    const rows = await t.ctx.db.selectFrom('audit_log').select('outcome').where('action', '=', 'case.view').where('subject_id', '=', '00000000-0000-0000-0000-000000000000').execute();
    assert.deepEqual(rows, [{ outcome: 'failure' }]);
  });

  it('withholds a restricted address from team members but shows it to the lead professional', async () => {
    const lead = await makeUser(t.ctx);
    const member = await makeUser(t.ctx);
    const { id: caseId } = await makeCase(t.ctx, { teamUserIds: [lead.id, member.id] });
    await makePerson(t.ctx, caseId, { given_name: 'Ann', family_name: 'Safe', address: '1 Refuge Road', address_restricted: true });
    const asMember = await (await WebClient.signedIn(t.app, member)).get(`/cases/${caseId}`);
    assert.doesNotMatch(asMember.body, /Refuge Road/);
    assert.match(asMember.body, /data-qa="address-withheld"/);
    const asLead = await (await WebClient.signedIn(t.app, lead)).get(`/cases/${caseId}`);
    assert.match(asLead.body, /1 Refuge Road/);
  });

  it('sends someone not signed in to sign in', async () => {
    const response = await t.app.inject({ method: 'GET', url: `/cases/${await caseIdOf('Okafor')}` });
    assert.equal(response.statusCode, 303);
  });
});
