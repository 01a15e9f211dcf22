import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openInEmergency } from '../../../application/cases/emergency-access.ts';
import { viewCase } from '../../../application/cases/view-case.ts';
import { viewCasePrint } from '../../../application/cases/view-case-print.ts';
import { actorFor, makeCase, makeOrganisation, makeUser } from '../../../../test/helpers/factories.ts';
import { qaElement, qaElements, textOf } from '../../../../test/helpers/html.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { WebClient } from '../../../../test/helpers/web-client.ts';

describe('who has looked at this record', () => {
  let t: TestApp;
  let lead: Awaited<ReturnType<typeof makeUser>>;
  let member: Awaited<ReturnType<typeof makeUser>>;
  let officer: Awaited<ReturnType<typeof makeUser>>;
  let caseId: string;
  before(async () => {
    t = await createTestApp();
    const visiting = await makeOrganisation(t.ctx, 'health-visiting', 'Northfield Health Visiting');
    const police = await makeOrganisation(t.ctx, 'police', 'Northfield Police');
    lead = await makeUser(t.ctx, { organisationId: visiting.id, name: 'Lena Lead' });
    member = await makeUser(t.ctx, { name: 'Max Member' });
    officer = await makeUser(t.ctx, { organisationId: police.id, name: 'Otto Officer' });
    ({ id: caseId } = await makeCase(t.ctx, { teamUserIds: [lead.id, member.id] }));
    // Ten days ago the member opened the record; today the officer was refused, then opened it in an emergency and read it.
    assert.ok((await viewCase(t.ctx, actorFor(member), caseId)).ok);
    t.clock.advanceMinutes(10 * 24 * 60);
    assert.equal((await viewCase(t.ctx, actorFor(officer), caseId)).ok, false);
    assert.ok((await openInEmergency(t.ctx, actorFor(officer), caseId, 'Police at the door at night, a baby crying and nobody answering')).ok);
    assert.ok((await viewCase(t.ctx, actorFor(officer), caseId)).ok);
  });
  after(async () => t.close());

  const looksPage = async (query = '') => (await WebClient.signedIn(t.app, lead)).get(`/cases/${caseId}/looks${query}`);

  it('puts the emergency access and the refused attempt first, tagged, in plain words, with a warning', async () => {
    const response = await looksPage();
    assert.equal(response.statusCode, 200);
    assert.equal(textOf(qaElement(response.body, 'looks-warning')), '! Warning 2 emergency accesses and 1 refused attempt in this period. They are listed first.');
    const rows = qaElements(qaElement(response.body, 'looks')!, 'look').map((row) => textOf(row));
    assert.match(rows[0]!, /Otto Officer, Northfield Police Not in the team Emergency access Opened the record$/);
    assert.match(rows[1]!, /Otto Officer, Northfield Police Not in the team Emergency access Opened the record in an emergency$/);
    assert.match(rows[2]!, /Otto Officer, Northfield Police Not in the team Refused Opened the record$/);
    assert.match(rows[3]!, /Max Member, Org \w+ Team member Opened the record$/);
    assert.doesNotMatch(response.body, /case\.view|break-glass|case\.audit-view/);
    assert.match(qaElement(response.body, 'looks')!, /govuk-tag--red[^>]*>Emergency access/);
  });

  it('groups the entries by person and organisation with their place in the team, the flagged ones first', async () => {
    const people = qaElements((await looksPage()).body, 'looks-person').map((row) => textOf(row));
    assert.equal(people.length, 2 + 1, 'the officer, the member, and the lead for their own earlier looks');
    assert.match(people[0]!, /^Otto Officer 2 emergency accesses 1 refused Northfield Police Not in the team 3 /);
    assert.ok(people.some((p) => /^Max Member .* Team member 1 /.test(p)));
    assert.ok(people.some((p) => /^Lena Lead Northfield Health Visiting Lead professional /.test(p)));
  });

  it('filters by period and by kind, keeping both in the form and the address', async () => {
    const week = await looksPage('?period=week');
    assert.doesNotMatch(qaElement(week.body, 'looks')!, /Max Member/);
    assert.match(qaElement(week.body, 'looks-filters')!, /value="week" checked/);
    const refused = await looksPage('?kind=refused');
    assert.deepEqual(qaElements(qaElement(refused.body, 'looks')!, 'look').map((row) => textOf(row).replace(/^.*? (Otto)/, '$1')), ['Otto Officer, Northfield Police Not in the team Refused Opened the record']);
    assert.match(qaElement(refused.body, 'looks-filters')!, /value="refused" checked/);
    const emergency = await looksPage('?kind=emergency&period=day');
    assert.equal(qaElements(emergency.body, 'look').length, 2);
    const nothing = await looksPage('?kind=changes');
    assert.match(textOf(qaElement(nothing.body, 'no-looks')), /Nothing was recorded that these filters keep/);
    const unknown = await looksPage('?kind=sideways&period=forever&page=last');
    assert.match(qaElement(unknown.body, 'looks-filters')!, /value="all" checked/);
  });

  it('shows 50 entries a page, flagged first across the pages, with links that keep the filters', async () => {
    for (let i = 0; i < 50; i++) assert.ok((await viewCase(t.ctx, actorFor(member), caseId)).ok);
    const first = await looksPage('?period=year');
    assert.equal(qaElements(first.body, 'look').length, 50);
    assert.match(textOf(qaElement(first.body, 'looks-shown')), /^Showing 1 to 50 of \d+ entries$/);
    assert.match(first.body, new RegExp(`href="/cases/${caseId}/looks\\?period=year&amp;page=2"`));
    assert.match(textOf(qaElements(first.body, 'look')[0]!), /Emergency access/);
    const second = await looksPage('?period=year&page=2');
    assert.ok(qaElements(second.body, 'look').length > 0);
    assert.doesNotMatch(qaElement(second.body, 'looks')!, /Emergency access|Refused/);
  });

  it('audits each look with the filters, and refuses a team member who is not the lead, audited', async () => {
    await looksPage('?kind=emergency&period=month');
    const [looked] = await t.ctx.db.selectFrom('audit_log').select('details').where('action', '=', 'case.audit-view').where('actor_user_id', '=', lead.id).orderBy('seq', 'desc').limit(1).execute();
    assert.deepEqual(looked?.details, { basis: 'lead-professional', period: 'month', kind: 'emergency' });
    const refused = await (await WebClient.signedIn(t.app, member)).get(`/cases/${caseId}/looks`);
    assert.equal(refused.statusCode, 403);
    const denied = await t.ctx.db.selectFrom('audit_log').select('outcome').where('action', '=', 'case.audit-view').where('actor_user_id', '=', member.id).execute();
    assert.deepEqual(denied, [{ outcome: 'denied' }]);
  });

  it('counts a person once whether they came through the web or the API', async () => {
    assert.ok((await viewCase(t.ctx, { ...actorFor(member), channel: 'api' }, caseId)).ok);
    const people = qaElements((await looksPage()).body, 'looks-person').map((row) => textOf(row));
    assert.deepEqual(people.filter((p) => p.startsWith('Max Member')).map((p) => / (\d+) \d+ \w+ \d{4}/.exec(p)?.[1]), ['53'], 'one row: 51 looks on the web, the refused look at this page and 1 through the API');
  });

  it('says what a look printed, and whether as a PDF', async () => {
    assert.ok((await viewCasePrint(t.ctx, actorFor(lead), caseId, 'profile', 'pdf')).ok);
    assert.ok((await viewCasePrint(t.ctx, actorFor(lead), caseId, 'summary', 'html')).ok);
    const rows = qaElements(qaElement((await looksPage('?kind=looks')).body, 'looks')!, 'look').map((row) => textOf(row));
    assert.ok(rows.some((row) => /Lena Lead.* Made a PDF of the profile$/.test(row)), rows.join('\n'));
    assert.ok(rows.some((row) => /Lena Lead.* Opened the case summary to print$/.test(row)), rows.join('\n'));
  });
});
