import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { actorFor, makeCase, makeOrganisation, makeUser } from '../../../../test/helpers/factories.ts';
import { qaElement, qaElements, summaryErrors, textOf } from '../../../../test/helpers/html.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { WebClient } from '../../../../test/helpers/web-client.ts';
import { recordEntry } from '../../../application/chronology/record-entry.ts';
import { serviceToday } from '../../../domain/shared/service-day.ts';

describe('the dispute form of a chronology entry', () => {
  let t: TestApp;
  let caseId: string;
  let entryId: string;
  let lead: WebClient;
  let outsider: WebClient;

  before(async () => {
    t = await createTestApp();
    const org = await makeOrganisation(t.ctx, 'health-visiting', 'Dispute Health');
    const leadUser = await makeUser(t.ctx, { organisationId: org.id, name: 'Dora Lead' });
    const outsiderUser = await makeUser(t.ctx, { organisationId: (await makeOrganisation(t.ctx, 'gp')).id });
    ({ id: caseId } = await makeCase(t.ctx, { teamUserIds: [leadUser.id] }));
    const recorded = await recordEntry(t.ctx, actorFor(leadUser), caseId, { kind: 'case-note', occurredAt: serviceToday(t.clock.now()), summary: 'Mother said the father stays most nights', source: 'carer-account' });
    assert.ok(recorded.ok);
    entryId = recorded.entry.id;
    [lead, outsider] = await Promise.all([WebClient.signedIn(t.app, leadUser), WebClient.signedIn(t.app, outsiderUser)]);
  });
  after(async () => t.close());

  const url = () => `/cases/${caseId}/chronology/${entryId}/dispute`;

  it('is linked from the entry, shows the entry, and keeps what was typed with the error summary when a part is missing', async () => {
    assert.match((await lead.get(`/cases/${caseId}/chronology/${entryId}`)).body, /data-qa="dispute-entry"/);
    const form = await lead.get(url());
    assert.equal(form.statusCode, 200);
    assert.match(textOf(qaElement(form.body, 'disputed-entry')), /Mother said the father stays most nights/);
    const missing = await lead.post(url(), { disputedBy: 'the father, Sam Hart', text: ' ' });
    assert.equal(missing.statusCode, 400);
    assert.deepEqual(summaryErrors(missing.body), ['#text: Enter what they say is wrong, in their words']);
    assert.match(missing.body, /value="the father, Sam Hart"/);
    const said = `He lives ${'w'.repeat(6000)}`;
    const tooLong = await lead.post(url(), { disputedBy: 'the father, Sam Hart', text: said });
    assert.deepEqual(summaryErrors(tooLong.body), ['#text: What they say must be 4,000 characters or fewer: you have 6,009.']);
    assert.ok(tooLong.body.includes(`>${said}</textarea>`), 'what was typed comes back whole, never cut');
  });

  it('records the dispute beside the entry, shown on its page, in the list, the CSV file and the printed copy', async () => {
    const saved = await lead.post(url(), { disputedBy: 'the father, Sam Hart', text: 'I live at my mother’s' });
    assert.equal(saved.statusCode, 303);
    assert.equal(saved.headers.location, `/cases/${caseId}/chronology/${entryId}`);
    const page = await lead.get(`/cases/${caseId}/chronology/${entryId}`);
    assert.ok(qaElement(page.body, 'disputed'));
    const [dispute] = qaElements(page.body, 'dispute');
    assert.match(textOf(dispute ?? null), /I live at my mother’s.*Disputed by the father, Sam Hart, recorded by Dora Lead \(Dispute Health\)/s);
    assert.match(textOf(qaElement(page.body, 'entry-detail')), /Mother said the father stays most nights/);
    assert.ok(qaElement((await lead.get(`/cases/${caseId}/chronology`)).body, 'disputed'));
    assert.match((await lead.get(`/cases/${caseId}/chronology.csv`)).body, /Disputed by the father, Sam Hart, recorded by Dora Lead \(Dispute Health\) on .*: I live at my mother’s/);
    assert.match((await lead.get(`/cases/${caseId}/chronology/print`)).body, /I live at my mother’s \(Disputed by the father, Sam Hart/);
  });

  it('is refused, audited and nothing stored, for someone outside the team', async () => {
    assert.equal((await outsider.get(url())).statusCode, 403);
    assert.equal((await outsider.post(url(), { disputedBy: 'x', text: 'y' })).statusCode, 403);
    assert.equal((await t.ctx.db.selectFrom('chronology_disputes').select('id').execute()).length, 1);
    // The form and its post are each refused as the dispute they are for.
    const audit = await t.ctx.db.selectFrom('audit_log').select('action').where('outcome', '=', 'denied').where('case_id', '=', caseId).orderBy('seq').execute();
    assert.deepEqual(audit.map((a) => a.action), ['chronology.dispute', 'chronology.dispute']);
  });
});
