// A form that records something new saves it once when its button is pressed twice: the button asks
// govuk-frontend's Button (started by init.mjs) to ignore a second press within a second, as the
// record's details and the new record's forms already did. Found as a new user (H6): a practitioner
// double-clicking "Save entry" on a slow connection could post the entry twice, and the server
// records each post it is sent.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { recordEntry } from '../src/application/chronology/record-entry.ts';
import { serviceToday } from '../src/domain/shared/service-day.ts';
import { actorFor, makeCase, makePerson, makeUser } from './helpers/factories.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';
import { WebClient } from './helpers/web-client.ts';

describe('buttons that record something new ignore a second press', () => {
  let t: TestApp;
  let client: WebClient;
  let lead: WebClient;
  let admin: WebClient;
  let outsider: WebClient;
  let caseId: string;
  let entryId: string;
  before(async () => {
    t = await createTestApp();
    const visitor = await makeUser(t.ctx, { name: 'Hana Visitor' });
    const leadUser = await makeUser(t.ctx, { name: 'Lee Lead', role: 'safeguarding-lead' });
    ({ id: caseId } = await makeCase(t.ctx, { teamUserIds: [visitor.id, leadUser.id] }));
    await makePerson(t.ctx, caseId, { id: 'mum', given_name: 'Grace', family_name: 'Okafor' });
    const recorded = await recordEntry(t.ctx, actorFor(visitor), caseId, { kind: 'home-visit', occurredAt: serviceToday(t.clock.now()), summary: 'Visit', source: 'observed' });
    assert.ok(recorded.ok);
    entryId = recorded.entry.id;
    client = await WebClient.signedIn(t.app, visitor);
    lead = await WebClient.signedIn(t.app, leadUser);
    admin = await WebClient.signedIn(t.app, await makeUser(t.ctx, { role: 'admin' }));
    outsider = await WebClient.signedIn(t.app, await makeUser(t.ctx, { name: 'Out Sider' }));
  });
  after(async () => t.close());

  it('marks the save button of each such form to prevent a double click', async () => {
    const forms: [string, string][] = [
      [`/cases/${caseId}/chronology/new`, 'save-entry'],
      [`/cases/${caseId}/chronology/${entryId}/correct`, 'save-entry'],
      [`/cases/${caseId}/chronology/${entryId}/dispute`, 'record-dispute'],
      [`/cases/${caseId}/contacts/new`, 'save-contact'],
      [`/cases/${caseId}/meetings/new`, 'save-meeting'],
      [`/cases/${caseId}/growth`, 'save-measurement'],
      [`/cases/${caseId}/people/new`, 'save-person'],
    ];
    await expectEachGuarded(client, forms);
  });

  it('marks the save button of the supervision, discharge plan, consent, profile, quality audit, legal hold and emergency access forms too', async () => {
    const profile = `/cases/${caseId}/profile`;
    await expectEachGuarded(client, [
      [`/cases/${caseId}/supervision/new`, 'save-supervision'],
      [`/cases/${caseId}/discharge-plan`, 'save-discharge-plan'],
      [`/cases/${caseId}/consent/consent`, 'save-consent'],
      [`/cases/${caseId}/consent/sharing`, 'save-sharing'],
      [`/cases/${caseId}/consent/gp-told`, 'save-gp-told'],
      [`${profile}/infant/injury`, 'save-factor'],
      [`${profile}/infant/all-factors`, 'save-subject'],
      [`${profile}/review`, 'mark-reviewed'],
      [`${profile}/decision`, 'save-decision'],
      [`${profile}/level/propose`, 'send-proposal'],
    ]);
    await expectEachGuarded(lead, [
      [`${profile}/level`, 'save-level'],
      [`/cases/${caseId}/holds`, 'set-case-hold'],
      ['/quality-audits/new', 'save-audit'],
    ]);
    await expectEachGuarded(admin, [['/admin/legal-holds', 'set-rule-hold']]);
    await expectEachGuarded(outsider, [[`/cases/${caseId}/emergency-access`, 'open-in-emergency']]);
  });

  async function expectEachGuarded(user: WebClient, forms: [string, string][]) {
    for (const [url, qa] of forms) {
      const page = await user.get(url);
      assert.equal(page.statusCode, 200, url);
      const button = new RegExp(`<button[^>]*data-qa="${qa}"[^>]*>`).exec(page.body)?.[0] ?? '';
      assert.match(button, /data-prevent-double-click="true"/, `${url}: ${button}`);
    }
  }
});
