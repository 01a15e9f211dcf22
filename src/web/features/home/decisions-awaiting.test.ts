// H7 (ADR 0027, amendment): a safeguarding lead's home page lists the decisions awaiting their answer,
// each linking straight to its confirmation page, until a lead answers; writing on the alert does not
// take one off. Nobody else's page lists them. The alert itself links to the confirmation page too.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeCase, makeOrganisation, makeUser } from '../../../../test/helpers/factories.ts';
import { qaElement, qaElements, textOf } from '../../../../test/helpers/html.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { WebClient } from '../../../../test/helpers/web-client.ts';

describe('decisions awaiting a safeguarding lead’s answer, on the home page', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  /** A decision awaiting the lead's confirmation and the alert asking them, as record-decision.ts writes them. */
  async function awaiting() {
    const health = await makeOrganisation(t.ctx, 'health-visiting', 'Southvale Health Visiting');
    const visitor = await makeUser(t.ctx, { organisationId: health.id, name: 'Hana Visitor' });
    const lead = await makeUser(t.ctx, { organisationId: health.id, name: 'Mark Ellis', role: 'safeguarding-lead' });
    const other = await makeUser(t.ctx, { organisationId: health.id, name: 'Lena Lead', role: 'safeguarding-lead' });
    const { id: caseId } = await makeCase(t.ctx, { familyName: 'Okafor', teamUserIds: [visitor.id] });
    const now = t.clock.now();
    const decisionId = 'decision-1';
    await t.ctx.db
      .insertInto('profile_decisions')
      .values({ case_id: caseId, id: decisionId, decision: 'universal-plus', reasoning: 'Support at home', lead_consulted: false, lead_name: null, findings: JSON.stringify([]), profile_version: 1, decided_at: now, decided_by: visitor.id, decided_by_name: 'Hana Visitor', agency: 'Southvale Health Visiting', confirming_lead_id: lead.id })
      .execute();
    const alertId = 'alert-1';
    await t.ctx.db.insertInto('alerts').values({ case_id: caseId, id: alertId, reason: 'decision-to-confirm', severity: 'critical', message: 'Hana Visitor recorded a decision', steps: JSON.stringify([]), entry_id: null, finding_id: null, raised_at: now, escalated_at: null, decision_id: decisionId }).execute();
    await t.ctx.db.insertInto('alert_recipients').values({ alert_id: alertId, user_id: lead.id, reached_as: 'safeguarding-lead', created_at: now, acknowledged_at: null, acknowledged_note: null }).execute();
    return { caseId, decisionId, alertId, visitor, lead, other };
  }

  it('lists it for the lead asked, linking to the confirmation page, through a refused acknowledgement, until a lead answers', async () => {
    const { caseId, decisionId, alertId, visitor, lead, other } = await awaiting();
    const confirmation = `/cases/${caseId}/profile/decisions/${decisionId}/confirmation`;
    const client = await WebClient.signedIn(t.app, lead);
    const home = (await client.get('/')).body;
    const listed = qaElements(home, 'decision-awaiting');
    assert.equal(listed.length, 1);
    assert.match(textOf(listed[0]!), /^Confirm or overturn “Universal plus” on .*Okafor Recorded by Hana Visitor \(Southvale Health Visiting\), 22 November 2026 at/);
    assert.match(listed[0]!, new RegExp(`href="${confirmation}"`));
    // The alert's banner links to the confirmation page too.
    assert.match(qaElement(home, 'open-alerts') ?? '', new RegExp(`href="${confirmation}"`));
    const audit = await t.ctx.db.selectFrom('audit_log').select('details').where('action', '=', 'cases.list').where('actor_user_id', '=', lead.id).execute();
    assert.deepEqual(audit.map((a) => a.details['decisionsAwaiting']), [[decisionId]]);

    // On the alerts page: no note to close it with, a button to the confirmation page instead; a note posted all the same is refused and sends the lead there.
    const alerts = (await client.get('/alerts')).body;
    const alert = qaElements(alerts, 'alert')[0]!;
    assert.equal(qaElement(alert, 'acknowledge-form'), null);
    assert.match(qaElement(alert, 'answer-decision') ?? '', new RegExp(`href="${confirmation}"`));
    assert.match(qaElement(alert, 'alert-case') ?? '', new RegExp(`href="${confirmation}"`));
    const posted = await client.post(`/alerts/${alertId}/acknowledge`, { note: 'Will look at it tomorrow' });
    assert.equal(posted.statusCode, 303);
    assert.equal(posted.headers.location, confirmation);
    assert.equal(qaElements((await client.get('/')).body, 'decision-awaiting').length, 1, 'still listed');

    // Nobody else's page lists it: the practitioner who decided, a lead it did not reach.
    for (const who of [visitor, other]) assert.equal(qaElement((await (await WebClient.signedIn(t.app, who)).get('/')).body, 'decisions-awaiting'), null);

    // Another lead answers: off the list.
    await t.ctx.db.insertInto('decision_confirmations').values({ case_id: caseId, decision_id: decisionId, answer: 'confirmed', reasoning: 'Seen', answered_at: t.clock.now(), answered_by: other.id, answered_by_name: 'Lena Lead', agency: 'Southvale Health Visiting' }).execute();
    assert.equal(qaElement((await client.get('/')).body, 'decisions-awaiting'), null);
  });
});
