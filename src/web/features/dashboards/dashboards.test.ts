import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeCase, makeOrganisation, makeUser } from '../../../../test/helpers/factories.ts';
import { qaElement, qaElements, summaryErrors, textOf } from '../../../../test/helpers/html.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { WebClient } from '../../../../test/helpers/web-client.ts';
import { csvCell, toCsv } from './dashboard-csv.ts';
import { barsInWords, renderBarChart } from './bar-chart.ts';

type User = Awaited<ReturnType<typeof makeUser>>;

describe('the dashboard pages', () => {
  let t: TestApp;
  const u = {} as Record<'manager' | 'hv' | 'police' | 'admin', User>;
  const c = {} as Record<'manager' | 'hv' | 'admin', WebClient>;
  const ids = {} as Record<'ours' | 'theirs', string>;

  const audits = async (userId: string, action: string, outcome = 'success') =>
    Number((await t.ctx.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<string>().as('n')).where('actor_user_id', '=', userId).where('action', '=', action).where('outcome', '=', outcome).executeTakeFirstOrThrow()).n);

  before(async () => {
    t = await createTestApp();
    const hv = await makeOrganisation(t.ctx, 'health-visiting', 'Health visiting');
    const police = await makeOrganisation(t.ctx, 'police', 'Police');
    u.manager = await makeUser(t.ctx, { role: 'manager', organisationId: hv.id });
    u.hv = await makeUser(t.ctx, { organisationId: hv.id, name: 'Hana Visitor' });
    u.police = await makeUser(t.ctx, { organisationId: police.id });
    u.admin = await makeUser(t.ctx, { role: 'admin', organisationId: hv.id });
    ids.ours = (await makeCase(t.ctx, { familyName: 'Ourfamily', teamUserIds: [u.hv.id] })).id;
    ids.theirs = (await makeCase(t.ctx, { familyName: 'Secretfamily', teamUserIds: [u.police.id] })).id;
    // A name a spreadsheet would run as a formula.
    await t.ctx.db.updateTable('cases').set({ given_name: '=HYPERLINK("x")' }).where('id', '=', ids.ours).execute();
    for (const key of ['manager', 'hv', 'admin'] as const) c[key] = await WebClient.signedIn(t.app, u[key]);
  });
  after(async () => t.close());

  it('shows a manager their organisation’s dashboard: charts as images with the numbers in tables, each number a link to its cases', async () => {
    const home = await c.manager.get('/');
    assert.match(home.body, /data-qa="dashboards-link"/);
    const page = await c.manager.get('/dashboards');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<svg[^>]*role="img"[^>]*aria-labelledby="measures-title measures-desc"/);
    assert.match(page.body, /<title id="measures-title">Cases needing attention, by measure<\/title>/);
    assert.match(textOf(qaElement(page.body, 'dashboard-summary')), /^1 case on /);
    const neverReviewed = qaElement(page.body, 'measure-never-reviewed') ?? '';
    assert.match(neverReviewed, /href="\/dashboards\/organisation\/cases\?measure=never-reviewed">1</);
    assert.doesNotMatch(page.body, /Secretfamily/);
    assert.match(textOf(qaElement(page.body, 'practitioners')), /Hana Visitor 1/);

    const list = await c.manager.get('/dashboards/organisation/cases?measure=never-reviewed');
    assert.equal(list.statusCode, 200);
    assert.equal(qaElements(list.body, 'dashboard-case').length, 1);
    assert.match(list.body, new RegExp(`href="/cases/${ids.ours}"`));
    assert.equal(await audits(u.manager.id, 'dashboards.list'), 1);
  });

  it('downloads a list as CSV, quoted, a formula made text', async () => {
    const csv = await c.manager.get('/dashboards/organisation/cases.csv?measure=never-reviewed');
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /^text\/csv/);
    assert.match(String(csv.headers['content-disposition']), /attachment; filename="dashboard-organisation-\d{4}-\d{2}-\d{2}\.csv"/);
    const lines = csv.body.replace(/^\uFEFF/, '').split('\r\n');
    assert.equal(lines[0], 'Case,Baby,Level,Stage,Lead professional,Needs attention');
    assert.ok(lines[1]!.startsWith(`${ids.ours},"'=HYPERLINK(""x"") Ourfamily",Universal,Under 6 months,"Hana Visitor, Health visiting",`), lines[1]);
    assert.equal(await audits(u.manager.id, 'dashboards.export'), 1);
  });

  it('refuses a practitioner with a page that says why, and audits the refusal', async () => {
    for (const url of ['/dashboards', '/dashboards/partnership', '/dashboards/organisation/cases?measure=hidden-risk', '/dashboards/organisation/cases.csv']) {
      const page = await c.hv.get(url);
      assert.equal(page.statusCode, 403, url);
      assert.match(page.body, /You cannot see this dashboard/);
      assert.doesNotMatch(page.body, /Ourfamily|Secretfamily/);
    }
    assert.equal(await audits(u.hv.id, 'dashboards.view', 'denied'), 2);
    assert.equal(await audits(u.hv.id, 'dashboards.list', 'denied'), 1);
    assert.equal(await audits(u.hv.id, 'dashboards.export', 'denied'), 1);
    assert.doesNotMatch((await c.hv.get('/')).body, /data-qa="dashboards-link"/);
  });

  it('shows a list whose address has a filter it does not know without that filter, saying so; refuses such a spreadsheet with the reason; an unknown dashboard is 404', async () => {
    const whole = await c.manager.get('/dashboards/organisation/cases');
    for (const [query, words] of [
      ['level=bogus', /the level “bogus”, which this dashboard does not know: it is left out/],
      ['measure=nonsense', /the measure “nonsense”/],
      ['openedIn=2026-13', /the month opened “2026-13”/],
      ['stage=x&completeness=y', /the stage “x” and the completeness “y”, which this dashboard does not know: they are left out/],
    ] as const) {
      const page = await c.manager.get(`/dashboards/organisation/cases?${query}`);
      assert.equal(page.statusCode, 200, query);
      assert.match(textOf(qaElement(page.body, 'unknown-filters')), words, query);
      assert.equal(textOf(qaElement(page.body, 'list-count')), textOf(qaElement(whole.body, 'list-count')), query);
      assert.doesNotMatch(page.body, /could not read what your browser sent/, query);
    }
    const kept = await c.manager.get('/dashboards/organisation/cases?measure=never-reviewed&level=bogus');
    assert.match(textOf(qaElement(kept.body, 'unknown-filters')), /the level “bogus”/);
    assert.equal(textOf(qaElement(kept.body, 'list-count')), textOf(qaElement((await c.manager.get('/dashboards/organisation/cases?measure=never-reviewed')).body, 'list-count')));
    assert.deepEqual(qaElements(whole.body, 'unknown-filters'), []);
    const csv = await c.manager.get('/dashboards/organisation/cases.csv?level=bogus');
    assert.equal(csv.statusCode, 400);
    assert.match(csv.body, /This spreadsheet cannot be made/);
    assert.match(csv.body, /the level “bogus”, which this dashboard does not know/);
    assert.equal((await c.manager.get('/dashboards/everything/cases')).statusCode, 404);
  });

  it('lets an administrator grant the partnership view: every case counted, only those the viewer may open named; then revoke it', async () => {
    const bad = await c.admin.post('/admin/partnership-view', { email: 'not an email' });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(summaryErrors(bad.body), ['#email: Enter an email address in the correct format, like name@example.org']);
    assert.match(bad.body, /value="not an email"/);
    const unknown = await c.admin.post('/admin/partnership-view', { email: 'nobody@test.example' });
    assert.equal(unknown.statusCode, 400);
    assert.match(unknown.body, /There is no active account with that email address/);

    assert.equal((await c.admin.post('/admin/partnership-view', { email: u.manager.email })).statusCode, 303);
    assert.match((await c.admin.get('/admin/partnership-view')).body, /data-qa="partnership-view-grants"/);
    const page = await c.manager.get('/dashboards/partnership');
    assert.equal(page.statusCode, 200);
    assert.match(textOf(qaElement(page.body, 'dashboard-summary')), /^2 cases .* You may open 1 of them/);
    const list = await c.manager.get('/dashboards/partnership/cases');
    assert.equal(qaElements(list.body, 'dashboard-case').length, 1);
    assert.match(textOf(qaElement(list.body, 'list-count')), /1 case you may open, and 1 more case counted that you may not open/);
    assert.doesNotMatch(list.body, /Secretfamily/);

    assert.equal((await c.admin.post(`/admin/partnership-view/${u.manager.id}/revoke`, {})).statusCode, 303);
    assert.equal((await c.manager.get('/dashboards/partnership')).statusCode, 403);
  });

  it('refuses the partnership-view page to anyone but an administrator, audited', async () => {
    assert.equal((await c.manager.get('/admin/partnership-view')).statusCode, 403);
    assert.equal((await c.manager.post('/admin/partnership-view', { email: u.manager.email })).statusCode, 403);
    assert.equal(await audits(u.manager.id, 'partnership-view.list', 'denied'), 1);
    assert.equal(await audits(u.manager.id, 'partnership-view.grant', 'denied'), 1);
  });

  it('shows a long list a page of 100 at a time, with GOV.UK pagination; its CSV holds every case', async () => {
    // 100 more cases led by Hana Visitor: 101 never reviewed, all the manager may open.
    for (let i = 0; i < 100; i++) await makeCase(t.ctx, { familyName: `Many${String(i).padStart(3, '0')}`, teamUserIds: [u.hv.id] });
    const first = await c.manager.get('/dashboards/organisation/cases?measure=never-reviewed');
    assert.equal(first.statusCode, 200);
    assert.equal(qaElements(first.body, 'dashboard-case').length, 100);
    assert.match(textOf(qaElement(first.body, 'list-count')), /^101 cases you may open\.$/);
    assert.equal(textOf(qaElement(first.body, 'list-range')), 'Showing cases 1 to 100 of 101.');
    assert.match(first.body, /<nav class="govuk-pagination"/);
    assert.match(first.body, /href="\/dashboards\/organisation\/cases\?measure=never-reviewed&amp;page=2"/);
    const second = await c.manager.get('/dashboards/organisation/cases?measure=never-reviewed&page=2');
    assert.equal(qaElements(second.body, 'dashboard-case').length, 1);
    assert.equal(textOf(qaElement(second.body, 'list-range')), 'Showing cases 101 to 101 of 101.');
    // By name: the formula-named case first, then Test Many000 to Many098; Many099 on the second page.
    assert.match(first.body, /Test Many098/);
    assert.match(second.body, /Test Many099/);
    assert.equal((await c.manager.get('/dashboards/organisation/cases?measure=never-reviewed&page=abc')).statusCode, 200);
    const csv = await c.manager.get('/dashboards/organisation/cases.csv?measure=never-reviewed');
    assert.equal(csv.body.replace(/^\uFEFF/, '').trimEnd().split('\r\n').length, 102, 'the header and every case');
  });
});

describe('a dashboard chart and its file', () => {
  it('draws an image with its title, its numbers in words, every label escaped', () => {
    const svg = renderBarChart({ id: 'x', title: 'A <b> chart', description: barsInWords([{ label: 'One & two', value: 3 }]), bars: [{ label: 'One & two', value: 3 }] });
    assert.match(svg, /^<svg [^>]*role="img" aria-labelledby="x-title x-desc"/);
    assert.match(svg, /<title id="x-title">A &lt;b&gt; chart<\/title><desc id="x-desc">One &amp; two: 3\.<\/desc>/);
    assert.doesNotMatch(svg, /<script|style=/);
  });

  it('quotes cells and makes a formula text', () => {
    assert.equal(csvCell('plain'), 'plain');
    assert.equal(csvCell('a, b'), '"a, b"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    for (const start of ['=', '+', '-', '@']) assert.equal(csvCell(`${start}1`), `'${start}1`);
    assert.equal(toCsv(['A', 'B'], [['1', '=2']]), "\uFEFFA,B\r\n1,'=2\r\n");
  });
});
