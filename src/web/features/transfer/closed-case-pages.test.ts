// A case closed for transfer looks closed (docs/domain.md, "Transfer to another area"):
// the case page says when and where the family went and offers no change, the home list marks it and
// runs no clock on it, and every change form's page says the case is closed instead of offering the
// form (audited as the change would be); reading goes on, unaudited as a refusal.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { actorFor, makeCase, makeOrganisation, makePerson, makeUser } from '../../../../test/helpers/factories.ts';
import { qaElement, qaElements, textOf } from '../../../../test/helpers/html.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { WebClient } from '../../../../test/helpers/web-client.ts';
import { recordEntry } from '../../../application/chronology/record-entry.ts';
import { CORRECT_BIRTH_DETAILS } from '../../../application/cases/correct-birth-details.ts';
import { dayInWords } from '../../../domain/shared/calendar-date.ts';
import { serviceToday } from '../../../domain/shared/service-day.ts';

describe('a case closed for transfer looks closed', () => {
  let t: TestApp;
  let caseId: string;
  let openCaseId: string;
  let lead: WebClient;
  let manager: WebClient;

  before(async () => {
    t = await createTestApp();
    const org = await makeOrganisation(t.ctx, 'childrens-social-care', 'Southby Children’s Services');
    const leadUser = await makeUser(t.ctx, { organisationId: org.id, name: 'Lena Lead' });
    const managerUser = await makeUser(t.ctx, { organisationId: org.id, role: 'manager', name: 'Mo Manager' });
    // "Aaron" sorts first by family name; a strategy discussion runs a clock on it before it closes.
    ({ id: caseId } = await makeCase(t.ctx, { familyName: 'Aaron', teamUserIds: [leadUser.id] }));
    ({ id: openCaseId } = await makeCase(t.ctx, { familyName: 'Zed', teamUserIds: [leadUser.id] }));
    const heldOn = serviceToday(t.clock.now());
    assert.ok((await recordEntry(t.ctx, actorFor(leadUser), caseId, { kind: 'strategy-discussion', occurredAt: heldOn, summary: 'Strategy discussion: section 47 enquiries to start', source: 'agency-record' })).ok);
    await makePerson(t.ctx, caseId, { id: `mum-${caseId}` });
    [lead, manager] = await Promise.all([WebClient.signedIn(t.app, leadUser), WebClient.signedIn(t.app, managerUser)]);
    const closed = await lead.post(`/cases/${caseId}/transfer`, { toArea: 'Northshire County Council', contact: 'Rita Receiver, duty team,\n01234 567890' });
    assert.equal(closed.statusCode, 303);
  });
  after(async () => t.close());

  it('the case page says when and where the family went, whom to send anything new to, and offers no change', async () => {
    const page = await lead.get(`/cases/${caseId}`);
    assert.equal(page.statusCode, 200);
    const banner = textOf(qaElement(page.body, 'closed-for-transfer'));
    assert.match(banner, new RegExp(`This case was closed on ${dayInWords(serviceToday(t.clock.now()))} because the family moved to Northshire County Council\\.`));
    assert.match(banner, /read-only here/);
    assert.match(banner, /Send anything new about the family to Northshire County Council: the lead professional named Rita Receiver, duty team, 01234 567890 to receive the record there\./);
    assert.ok(qaElement(page.body, 'closed-transfer-link')?.includes(`/cases/${caseId}/transfer`));
    assert.doesNotMatch(page.body, /If the family has moved to another area, transfer this case/);
    assert.match(textOf(qaElement(page.body, 'open-transfer')), /See the transfer to another area/);
    for (const change of ['add-person', 'record-contact', 'add-entry', 'change-record-details', 'correct-birth-details', 'open-withdrawal']) assert.equal(qaElement(page.body, change), null, change);
    assert.doesNotMatch(page.body, new RegExp(`href="/cases/${caseId}/team"`));
    assert.equal(qaElement(page.body, 'clocks'), null);
    assert.match(textOf(qaElement(page.body, 'clocks-stopped')), /No timescale runs here any more/);
  });

  it('an open case keeps its change links and no banner', async () => {
    const page = await lead.get(`/cases/${openCaseId}`);
    assert.equal(qaElement(page.body, 'closed-for-transfer'), null);
    assert.match(textOf(qaElement(page.body, 'open-transfer')), /If the family has moved to another area, transfer this case/);
    assert.ok(qaElement(page.body, 'add-person'));
  });

  it("every change form's page says the case is closed instead of the form, each audited once as the change refused", async () => {
    const forms = {
      [`/cases/${caseId}/plan/edit`]: 'plan.update',
      [`/cases/${caseId}/chronology/new`]: 'chronology.record',
      [`/cases/${caseId}/contacts/new`]: 'chronology.contact',
      [`/cases/${caseId}/meetings/new`]: 'meeting.record',
      [`/cases/${caseId}/people/new`]: 'person.add',
      [`/cases/${caseId}/household-children`]: 'case.household-children',
      [`/cases/${caseId}/details`]: 'case.details-update',
      [`/cases/${caseId}/birth`]: 'case.birth-recorded',
      [`/cases/${caseId}/birth-details`]: CORRECT_BIRTH_DETAILS,
      [`/cases/${caseId}/withdrawal`]: 'case.withdrawal-view',
      [`/cases/${caseId}/people/mum-${caseId}/withdrawal`]: 'person.withdrawal-view',
    };
    for (const [url, action] of Object.entries(forms)) {
      const page = await lead.get(url);
      assert.equal(page.statusCode, 409, url);
      assert.match(page.body, /This case was closed for transfer to Northshire County Council/, url);
      assert.doesNotMatch(page.body, /<form method="post" action="\/cases\//, url);
      const denied = await t.ctx.db.selectFrom('audit_log').select(['action', 'details']).where('case_id', '=', caseId).where('outcome', '=', 'denied').where('action', '=', action).execute();
      assert.equal(denied.length, 1, `${url}: ${JSON.stringify(denied)}`);
      assert.deepEqual(denied[0]!.details, { reason: 'closed-for-transfer' });
    }
    const supervision = await manager.get(`/cases/${caseId}/supervision/new`);
    assert.equal(supervision.statusCode, 409);
    assert.match(supervision.body, /closed for transfer to Northshire County Council/);
  });

  it('reading the case goes on, and is not a refusal', async () => {
    const before = await t.ctx.db.selectFrom('audit_log').select('seq').where('outcome', '=', 'denied').execute();
    for (const url of [`/cases/${caseId}`, `/cases/${caseId}/plan`, `/cases/${caseId}/chronology`, `/cases/${caseId}/meetings`, `/cases/${caseId}/transfer`]) assert.equal((await lead.get(url)).statusCode, 200, url);
    assert.equal((await t.ctx.db.selectFrom('audit_log').select('seq').where('outcome', '=', 'denied').execute()).length, before.length);
  });

  it('the home list marks it closed for transfer, after the open cases, with no clock or review due and in no count', async () => {
    const body = (await lead.get('/')).body;
    const table = qaElement(body, 'my-cases')!;
    const names = qaElements(table, 'clock').length;
    assert.equal(names, 2);
    assert.deepEqual(qaElements(table, 'clock').map((cell) => textOf(cell)), ['No timescale running', 'None running: the case was closed for transfer']);
    assert.deepEqual(qaElements(table, 'profile-review').map((cell) => textOf(cell))[1], 'None here: the receiving area reviews it');
    assert.match(textOf(qaElement(table, 'closed-for-transfer')), /Closed for transfer to Northshire County Council on/);
    assert.ok(table.indexOf(`/cases/${openCaseId}"`) < table.indexOf(`/cases/${caseId}"`), 'the open case comes first');
    assert.match(textOf(qaElement(body, 'review-summary')), /^1 profile has not been reviewed yet\.$/);
    assert.doesNotMatch(body, /due in \d+ working days/);
  });
});
