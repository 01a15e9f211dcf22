import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { actorFor, makeCase, makeOrganisation, makeUser } from '../../../../test/helpers/factories.ts';
import { qaElement, qaElements, textOf } from '../../../../test/helpers/html.ts';
import { createTestApp, TEST_SESSION_SECRET, type TestApp } from '../../../../test/helpers/test-app.ts';
import { RoundTrips } from '../../../../test/helpers/round-trips.ts';
import { buildApp } from '../../../app.ts';
import { WebClient } from '../../../../test/helpers/web-client.ts';
import { readFirstOpenAlerts } from '../../../application/alerts/list-alerts.ts';
import { recordEntry } from '../../../application/chronology/record-entry.ts';
import { escalateOverdueAlerts } from '../../../application/alerts/escalate-alerts.ts';
import { ESCALATION_UNREACHED } from '../../../domain/alerts/recipients.ts';

/** The error summary's links, ids with digits included. */
function summaryLinks(html: string): string[] {
  const summary = /<div class="govuk-error-summary"[\s\S]*?<\/ul>/.exec(html)?.[0] ?? '';
  return [...summary.matchAll(/<a href="#([^"]+)">([^<]*)<\/a>/g)].map((m) => `#${m[1]!}: ${m[2]!}`);
}

const navigation = (html: string) => textOf(/<ul class="govuk-service-navigation__list"[\s\S]*?<\/ul>/.exec(html)?.[0] ?? '');

describe('alerts pages', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  /** A social worker (lead) and a hospital nurse in one team; the nurse records what is given. */
  async function team(kinds: string[]) {
    const socialWorker = await makeUser(t.ctx, { name: 'Sam Social Worker' });
    const nurse = await makeUser(t.ctx, { name: 'Nia Nurse' });
    const { id: caseId } = await makeCase(t.ctx, { familyName: 'Okafor', teamUserIds: [socialWorker.id, nurse.id] });
    for (const kind of kinds) {
      const recorded = await recordEntry(t.ctx, actorFor(nurse), caseId, { kind, occurredAt: '2026-11-22', summary: 'From the ward', source: 'observed' });
      assert.ok(recorded.ok);
    }
    const alertIds = (await t.ctx.db.selectFrom('alerts').select('id').where('case_id', '=', caseId).orderBy('raised_at').execute()).map((a) => a.id);
    return { socialWorker, nurse, caseId, alertIds, client: await WebClient.signedIn(t.app, socialWorker) };
  }

  it('lists each open alert with its severity, the case, the message, the steps, when it was raised and a form to acknowledge it', async () => {
    const { client, caseId } = await team(['injury-observed']);
    const page = await client.get('/alerts');
    assert.equal(page.statusCode, 200);
    const alerts = qaElements(page.body, 'alert');
    assert.equal(alerts.length, 2);
    const [critical, trigger] = alerts as [string, string];
    assert.match(critical, /govuk-tag--red[^>]*>\s*Critical/);
    assert.match(textOf(critical), /Critical Injury to a baby who is not independently mobile/);
    assert.match(qaElement(critical, 'alert-case')!, new RegExp(`href="/cases/${caseId}"[^>]*>Test Okafor<`));
    assert.equal(textOf(qaElement(critical, 'alert-message')), 'Injury to a baby who is not independently mobile: Test Okafor. Act now: follow the steps.');
    assert.equal((qaElement(critical, 'alert-steps')!.match(/<li>/g) ?? []).length, 4);
    assert.match(textOf(qaElement(critical, 'alert-facts')), /Raised 22 November 2026 at 9:00am Sent to you as the lead professional/);
    assert.ok(qaElement(critical, 'acknowledge-form'));
    assert.match(trigger, /govuk-tag--orange[^>]*>\s*High/);
    assert.match(navigation(page.body), /Alerts \(2\)/);
    assert.match(textOf(qaElement(page.body, 'alert-filters')), /Open \(2\) All \(2\)/);
  });

  it('shows an error summary linked to the note when acknowledging without one, and keeps the alert open', async () => {
    const { client, alertIds } = await team(['hospital-discharge']);
    await client.get('/alerts');
    const response = await client.post(`/alerts/${alertIds[0]!}/acknowledge`, { note: '   ', status: 'open' });
    assert.equal(response.statusCode, 400);
    assert.deepEqual(summaryLinks(response.body), [`#note-${alertIds[0]!}: Enter a note saying what you have done or will do about this alert`]);
    assert.match(response.body, new RegExp(`<textarea class="govuk-textarea govuk-textarea--error" id="note-${alertIds[0]!}"`));
    assert.match(response.body, /<title>Error: Open alerts/);
    assert.match(navigation(response.body), /Alerts \(1\)/);
  });

  it('acknowledges with a note: a success banner, gone from the open alerts, the note shown under all', async () => {
    const { client, alertIds } = await team(['hospital-discharge']);
    await client.get('/alerts');
    const response = await client.post(`/alerts/${alertIds[0]!}/acknowledge`, { note: 'Visit booked for tomorrow', status: 'open' });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/alerts');
    const open = await client.get('/alerts');
    assert.equal(textOf(qaElement(open.body, 'acknowledged-banner')), 'Success Alert acknowledged. Your note is kept with it.');
    assert.equal(qaElement((await client.get('/alerts')).body, 'acknowledged-banner'), null, 'the banner is shown once, not on reload');
    assert.equal(qaElement((await client.get('/alerts?acknowledged=1')).body, 'acknowledged-banner'), null, 'nor by an old bookmark');
    assert.equal(textOf(qaElement(open.body, 'no-alerts')), 'You have no open alerts.');
    assert.match(navigation(open.body), /Alerts(?! \()/);
    const all = await client.get('/alerts?status=all');
    assert.match(textOf(qaElement(all.body, 'alert-facts')), /You acknowledged it 22 November 2026 at 9:00am: Visit booked for tomorrow/);
    assert.equal(qaElement(all.body, 'acknowledge-form'), null);
    const again = await client.post(`/alerts/${alertIds[0]!}/acknowledge`, { note: 'Twice' });
    assert.equal(again.statusCode, 303);
    assert.equal(again.headers.location, `/alerts?status=all#alert-${alertIds[0]!}`);
  });

  it('acknowledging from all alerts goes back to all alerts, with the banner', async () => {
    const { client, alertIds } = await team(['hospital-discharge']);
    await client.get('/alerts?status=all');
    const response = await client.post(`/alerts/${alertIds[0]!}/acknowledge`, { note: 'Rang the ward', status: 'all' });
    assert.equal(response.headers.location, '/alerts?status=all');
    assert.ok(qaElement((await client.get('/alerts?status=all')).body, 'acknowledged-banner'));
  });

  it('shows the recorder their own alert as acknowledged automatically', async () => {
    const { nurse } = await team(['hospital-discharge']);
    const client = await WebClient.signedIn(t.app, nurse);
    const all = await client.get('/alerts?status=all');
    assert.match(textOf(qaElement(all.body, 'alert-facts')), /You acknowledged it Automatically, 22 November 2026 at 9:00am: you recorded what raised it/);
  });

  it('refuses someone the alert was not sent to, and audits it', async () => {
    const { alertIds } = await team(['hospital-discharge']);
    const stranger = await makeUser(t.ctx);
    const client = await WebClient.signedIn(t.app, stranger);
    await client.get('/alerts');
    const response = await client.post(`/alerts/${alertIds[0]!}/acknowledge`, { note: 'Not mine' });
    assert.equal(response.statusCode, 403);
    const audit = await t.ctx.db.selectFrom('audit_log').select(['outcome', 'channel']).where('action', '=', 'alert.acknowledge').where('actor_user_id', '=', stranger.id).execute();
    assert.deepEqual(audit, [{ outcome: 'denied', channel: 'web' }]);
    assert.equal((await client.post('/alerts/no-such-alert/acknowledge', { note: 'x' })).statusCode, 404);
  });

  it('sends someone not signed in to sign in', async () => {
    const response = await new WebClient(t.app).get('/alerts');
    assert.equal(response.statusCode, 303);
  });

  it('reads the alerts and both counts in one statement, then audits what it shows (issue 12)', async () => {
    // The recorder's own alerts were acknowledged for them: none open, both in all.
    const { client, nurse } = await team(['hospital-discharge', 'police-incident']);
    const nurseCookie = (await WebClient.signedIn(t.app, nurse)).cookieHeader;
    const trips = new RoundTrips(t.database);
    const counted = await buildApp({ ctx: { ...t.ctx, db: trips.db }, sessionSecret: TEST_SESSION_SECRET });
    try {
      const view = async (url: string, cookie: string) => {
        const response = await counted.inject({ url, headers: { cookie } });
        assert.equal(response.statusCode, 200);
        return response.body;
      };
      const expected = [
        { url: '/alerts', cookie: client.cookieHeader, tabs: 'Open (2) All (2)', alerts: 2, statements: 3 },
        { url: '/alerts?status=all', cookie: client.cookieHeader, tabs: 'Open (2) All (2)', alerts: 2, statements: 3 },
        // Nothing shown, nothing audited: the counts still come back.
        { url: '/alerts', cookie: nurseCookie, tabs: 'Open (0) All (2)', alerts: 0, statements: 2 },
        { url: '/alerts?status=all', cookie: nurseCookie, tabs: 'Open (0) All (2)', alerts: 2, statements: 3 },
      ];
      for (const page of expected) {
        await view(page.url, page.cookie);
        let body = '';
        const sent = await trips.count(async () => {
          body = await view(page.url, page.cookie);
        });
        assert.equal(`${/Open \(\d+\)/.exec(body)?.[0] ?? ''} ${/All \(\d+\)/.exec(body)?.[0] ?? ''}`, page.tabs, page.url);
        assert.equal(qaElements(body, 'alert-facts').length, page.alerts, page.url);
        assert.deepEqual({ statements: sent.statements.length, inSequence: sent.inSequence }, { statements: page.statements, inSequence: page.statements }, sent.statements.join('\n'));
      }
    } finally {
      await counted.close();
    }
  });

  describe('on the home page', () => {
    it('shows open alerts in a banner above My cases, with the count in the header', async () => {
      const { client, caseId } = await team(['hospital-discharge', 'police-incident']);
      const home = await client.get('/');
      const banner = qaElement(home.body, 'open-alerts');
      assert.ok(banner);
      assert.ok(home.body.indexOf('data-qa="open-alerts"') < home.body.indexOf('<h1'), 'before the heading');
      assert.match(textOf(banner), /You have 2 open alerts/);
      const items = qaElements(banner, 'home-alert');
      // The message names the baby and links to the record: the name is said once.
      for (const item of items) {
        assert.match(textOf(item), /^High (For )?Test Okafor\b/);
        assert.equal(textOf(item).split('Test Okafor').length, 2, textOf(item));
      }
      assert.match(items[0]!, new RegExp(`href="/cases/${caseId}"`));
      assert.match(banner, /href="\/alerts"/);
      assert.match(navigation(home.body), /My cases Alerts \(2\)/);
    });

    it('shows no banner when nothing is open', async () => {
      const { nurse } = await team(['hospital-discharge']);
      const home = await (await WebClient.signedIn(t.app, nurse)).get('/');
      assert.equal(qaElement(home.body, 'open-alerts'), null);
      assert.doesNotMatch(navigation(home.body), /Alerts \(/);
    });

    it('shows the five newest and says how many there are', async () => {
      const { client } = await team(['police-incident', 'new-adult-in-household', 'relationship-breakdown', 'mental-health-deterioration', 'change-of-address', 'sibling-born']);
      const banner = qaElement((await client.get('/')).body, 'open-alerts')!;
      assert.equal(qaElements(banner, 'home-alert').length, 5);
      assert.match(textOf(banner), /See all 6 open alerts, their steps, and acknowledge them/);
    });

    it('audits the five alerts it shows, not the one it only counts', async () => {
      const { client, socialWorker } = await team(['police-incident', 'new-adult-in-household', 'relationship-breakdown', 'mental-health-deterioration', 'change-of-address', 'sibling-born']);
      await client.get('/');
      const inPageOrder = (await readFirstOpenAlerts(t.ctx.db, socialWorker.id, 10)).shown.map((a) => a.id);
      assert.equal(inPageOrder.length, 6);
      const entry = await t.ctx.db.selectFrom('audit_log').select('details').where('actor_user_id', '=', socialWorker.id).where('action', '=', 'cases.list').executeTakeFirstOrThrow();
      assert.deepEqual((entry.details as { alertIds: string[] }).alertIds, inPageOrder.slice(0, 5));
    });
  });
});

describe('an alert whose escalation reached nobody', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  /** A team of two from one organisation, with or without a safeguarding lead of its own; a discharge alerts both, and nobody acknowledges it in time. */
  async function overdueAlert(name: string, withLead: boolean) {
    const organisation = await makeOrganisation(t.ctx, 'hospital', `${name} Hospital`);
    const nurse = await makeUser(t.ctx, { organisationId: organisation.id, name: `${name} Nurse` });
    const midwife = await makeUser(t.ctx, { organisationId: organisation.id, name: `${name} Midwife` });
    if (withLead) await makeUser(t.ctx, { organisationId: organisation.id, name: `${name} Lead`, role: 'safeguarding-lead' });
    const { id: caseId } = await makeCase(t.ctx, { familyName: name, teamUserIds: [nurse.id, midwife.id] });
    assert.ok((await recordEntry(t.ctx, actorFor(nurse), caseId, { kind: 'hospital-discharge', occurredAt: '2026-11-22', summary: 'Home today', source: 'observed' })).ok);
    return { caseId, midwife };
  }

  it('says so on the alert, plainly, with what to do; an alert that reached a lead does not', async () => {
    const unreached = await overdueAlert('Nolead', false);
    const reached = await overdueAlert('Haslead', true);
    t.clock.advanceMinutes(5 * 60);
    const report = await escalateOverdueAlerts(t.ctx);
    assert.deepEqual(report.escalated.map((e) => [e.caseId, e.via]).sort(), [[unreached.caseId, 'nobody'], [reached.caseId, 'organisations']].sort());
    // Signed in after the hours have passed (a session left idle that long has ended).
    const client = await WebClient.signedIn(t.app, unreached.midwife);

    const alert = qaElements((await client.get('/alerts')).body, 'alert');
    assert.equal(alert.length, 1);
    assert.equal(textOf(qaElement(alert[0]!, 'escalation-unreached')), `! Warning Escalation found no safeguarding lead to reach. ${ESCALATION_UNREACHED}`);
    assert.equal(
      textOf(qaElement(alert[0]!, 'escalation-unreached-what-to-do')),
      'Ask an administrator to give a safeguarding lead the partnership view, or to give one of the organisations in the team around the family a safeguarding lead. Until then, an alert on this baby that nobody in the team acknowledges in time reaches nobody else: act on this one within the team.',
    );
    assert.match(textOf(qaElement(alert[0]!, 'alert-facts')), /Escalated 22 November 2026 at 2:00pm: nobody had acknowledged it, but there was no safeguarding lead to send it to/);
    // Under all alerts too.
    const all = await client.get('/alerts?status=all');
    assert.ok(qaElement(all.body, 'escalation-unreached'));

    const other = (await (await WebClient.signedIn(t.app, reached.midwife)).get('/alerts')).body;
    assert.equal(qaElement(other, 'escalation-unreached'), null);
    assert.match(textOf(qaElement(other, 'alert-facts')), /Escalated 22 November 2026 at 2:00pm: nobody had acknowledged it$/);
  });
});
