import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { actorFor, apiTokenFor, makeCase, makeOrganisation, makeUser } from '../../../../test/helpers/factories.ts';
import { inputValue, qaElement, qaElements, summaryErrors, textOf } from '../../../../test/helpers/html.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { WebClient } from '../../../../test/helpers/web-client.ts';
import { grantPartnershipView, revokePartnershipView } from '../../../application/dashboards/partnership-view.ts';
import { addDays } from '../../../domain/shared/calendar-date.ts';
import { serviceToday } from '../../../domain/shared/service-day.ts';

type User = Awaited<ReturnType<typeof makeUser>>;

describe('the reports pages: the census return and the partnership’s reports', () => {
  let t: TestApp;
  let today: string;
  let caseId: string;
  const users = {} as Record<'social' | 'hv' | 'manager' | 'hvLead' | 'policeLead' | 'admin', User>;
  const clients = {} as Record<keyof typeof users, WebClient>;

  before(async () => {
    t = await createTestApp();
    today = serviceToday(t.clock.now());
    const csc = await makeOrganisation(t.ctx, 'childrens-social-care');
    const hv = await makeOrganisation(t.ctx, 'health-visiting');
    const police = await makeOrganisation(t.ctx, 'police');
    users.social = await makeUser(t.ctx, { role: 'practitioner', organisationId: csc.id });
    users.hv = await makeUser(t.ctx, { role: 'practitioner', organisationId: hv.id });
    users.manager = await makeUser(t.ctx, { role: 'manager', organisationId: csc.id });
    users.hvLead = await makeUser(t.ctx, { role: 'safeguarding-lead', organisationId: hv.id });
    users.policeLead = await makeUser(t.ctx, { role: 'safeguarding-lead', organisationId: police.id });
    users.admin = await makeUser(t.ctx, { role: 'admin', organisationId: csc.id });
    caseId = (await makeCase(t.ctx, { familyName: 'Census', teamUserIds: [users.social.id, users.hv.id] })).id;
    const send = async (user: User, path: string, payload: object) => {
      const token = await apiTokenFor(t.ctx, user.email);
      const response = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/${path}`, headers: { authorization: `Bearer ${token}` }, payload });
      assert.ok(response.statusCode < 300, response.body);
    };
    const event = (kind: string, daysAgo: number, summary = kind) => ({ kind, occurredAt: addDays(today, -daysAgo), summary, source: 'agency-record' });
    await send(users.hv, 'events', event('referral', 30, '=HYPERLINK("http://x") referred to social care'));
    await send(users.social, 'events', event('referral', 29));
    await send(users.social, 'events', event('assessment-completed', 10));
    await send(users.hv, 'events', event('was-not-brought', 12));
    await send(users.hv, 'events', { ...event('clinic-contact', 11), babySeen: true });
    await send(users.social, 'meetings', {
      kind: 'initial-conference',
      heldOn: addDays(today, -5),
      chair: 'Independent chair',
      chairIndependent: true,
      parentsPresent: true,
      attendees: [{ name: 'Sam Social', agency: 'childrens-social-care' }],
      decisions: ['Child protection plan under neglect'],
      protectionPlan: true,
      abuseCategory: 'NEG',
    });
    for (const [name, user] of Object.entries(users) as [keyof typeof users, User][]) clients[name] = await WebClient.signedIn(t.app, user);
  });
  after(async () => t.close());

  const audits = async (userId: string, outcome: string, action = 'report.cin-census') =>
    Number((await t.ctx.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<string>().as('n')).where('actor_user_id', '=', userId).where('action', '=', action).where('outcome', '=', outcome).executeTakeFirstOrThrow()).n);

  it('shows a manager the census year so far: the assessment, its referral and source, the plan with its category; audited', async () => {
    const before = await audits(users.manager.id, 'success');
    const response = await clients.manager.get('/reports/cin-census');
    assert.equal(response.statusCode, 200);
    const rows = qaElements(response.body, 'census-row');
    assert.equal(rows.length, 1);
    assert.match(textOf(rows[0]!), /Test Census/);
    assert.equal(textOf(qaElement(rows[0]!, 'census-source')), '3B Health services: health visitor', 'the health visitor referred, and health visiting names its source');
    assert.equal(textOf(qaElement(rows[0]!, 'census-factors')), 'None yet: the profile was not complete');
    assert.equal(qaElement(response.body, 'sources-not-recorded'), null);
    assert.match(textOf(qaElement(rows[0]!, 'census-plan')), /initial Neglect \(NEG\), latest Neglect \(NEG\)/);
    assert.equal(await audits(users.manager.id, 'success'), before + 1);
  });

  it('gives the same as the census’s CSV file, its cells never a formula', async () => {
    const from = addDays(today, -60);
    const response = await clients.manager.get(`/reports/cin-census.csv?from=${from}&to=${today}`);
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^text\/csv/);
    assert.equal(response.headers['content-disposition'], `attachment; filename="cin-census-${from}-to-${today}.csv"`);
    assert.equal(
      response.body,
      `\uFEFFLAchildID,CINreferralDate,ReferralSource,AssessmentAuthorisationDate,AssessmentFactors,CPPstartDate,CPPendDate,InitialCategoryOfAbuse,LatestCategoryOfAbuse\r\n${caseId},${addDays(today, -29)},3B,${addDays(today, -10)},,${addDays(today, -5)},,NEG,NEG\r\n`,
    );
  });

  it('shows another organisation in the team the case, and an organisation not in it nothing', async () => {
    assert.equal(qaElements((await clients.hvLead.get('/reports/cin-census')).body, 'census-row').length, 1);
    const police = await clients.policeLead.get('/reports/cin-census');
    assert.equal(police.statusCode, 200);
    assert.ok(qaElement(police.body, 'no-assessments'));
    assert.doesNotMatch(police.body, /Census/);
  });

  it('leaves out an assessment completed outside the period asked for', async () => {
    const response = await clients.manager.get(`/reports/cin-census?from=${addDays(today, -9)}&to=${today}`);
    assert.ok(qaElement(response.body, 'no-assessments'));
  });

  /** The query the page's form sends: the start and end dates' day, month and year boxes. */
  const boxes = (from: [string, string, string], to: [string, string, string]) =>
    new URLSearchParams({ 'from-day': from[0], 'from-month': from[1], 'from-year': from[2], 'to-day': to[0], 'to-month': to[1], 'to-year': to[2] }).toString();
  /** A day as typed in the boxes: "1", "4", "2026". */
  const inBoxes = (iso: string): [string, string, string] => [String(Number(iso.slice(8))), String(Number(iso.slice(5, 7))), iso.slice(0, 4)];

  it('asks for the period in day, month and year boxes, filled with the census year so far, and reads them', async () => {
    const first = await clients.manager.get('/reports/cin-census');
    const aprilFirst = `${today >= `${today.slice(0, 4)}-04-01` ? today.slice(0, 4) : String(Number(today.slice(0, 4)) - 1)}-04-01`;
    assert.deepEqual(['from-day', 'from-month', 'from-year', 'to-day', 'to-month', 'to-year'].map((name) => inputValue(first.body, name)), [...inBoxes(aprilFirst), ...inBoxes(today)]);
    const response = await clients.manager.get(`/reports/cin-census?${boxes(inBoxes(addDays(today, -9)), inBoxes(today))}`);
    assert.equal(response.statusCode, 200);
    assert.ok(qaElement(response.body, 'no-assessments'), 'the assessment 10 days ago is outside it');
    assert.match(qaElement(response.body, 'census-csv') ?? '', new RegExp(`href="/reports/cin-census.csv\\?from=${addDays(today, -9)}&amp;to=${today}"`));
  });

  it('refuses a period that ends before it starts with the error summary, keeping what was typed; audited as a failure', async () => {
    const before = await audits(users.manager.id, 'failure');
    const response = await clients.manager.get(`/reports/cin-census?${boxes(['1', '4', '2026'], ['31', '3', '2026'])}`);
    assert.equal(response.statusCode, 400);
    assert.deepEqual(summaryErrors(response.body), ['#to-day: The end date must be the same as or after the start date']);
    assert.deepEqual(['from-day', 'from-month', 'from-year', 'to-day', 'to-month', 'to-year'].map((name) => inputValue(response.body, name)), ['1', '4', '2026', '31', '3', '2026']);
    assert.equal((await clients.manager.get('/reports/cin-census.csv?from=2026-04-01&to=2026-03-31')).statusCode, 400);
    assert.equal(await audits(users.manager.id, 'failure'), before + 2, 'the page and the file, each refusal audited');
    const entry = await t.ctx.db.selectFrom('audit_log').select('details').where('actor_user_id', '=', users.manager.id).where('outcome', '=', 'failure').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    assert.deepEqual(entry.details, { reason: 'invalid-period', problems: ['ends-before-start'] });
  });

  it('names the date and the box for any input it cannot read, never a 500, what was typed kept', async () => {
    const cases: [string, string[]][] = [
      [boxes(['', '', ''], ['', '', '']), ['#from-day: Enter the start date of the period', '#to-day: Enter the end date of the period']],
      [boxes(['1', '4', ''], ['abc', '3', '2027']), ['#from-year: The start date must include a year', '#to-day: The end date must be a real date']],
      [boxes(['31', '2', '2027'], ['1', '3', '207']), ['#from-day: The start date must be a real date', '#to-year: Year must include 4 numbers']],
      [boxes(['1', '4', '1026'], ['', '3', '']), ['#from-year: The start date must be in 1900 or later: check the year', '#to-day: The end date must include a day and year']],
      ['from=abc&to=2027-02-31', ['#from-day: The start date must include a day and month', '#to-day: The end date must be a real date']],
    ];
    for (const [query, errors] of cases) {
      for (const path of ['/reports', '/reports/cin-census']) {
        const response = await clients.manager.get(`${path}?${query}`);
        assert.equal(response.statusCode, 400, `${path}?${query}`);
        assert.deepEqual(summaryErrors(response.body), errors, `${path}?${query}`);
      }
    }
    const typed = await clients.manager.get(`/reports?${boxes(['1', '4', ''], ['abc', '3', '2027'])}`);
    assert.deepEqual(['from-day', 'from-month', 'from-year', 'to-day'].map((name) => inputValue(typed.body, name)), ['1', '4', '', 'abc']);
    assert.match(typed.body, /id="from-year" name="from-year"/);
    assert.match(typed.body, /govuk-input--error[^"]*" id="from-year"/, 'only the year marked');
    assert.doesNotMatch(typed.body, /govuk-input--error[^"]*" id="from-day"/);
  });

  it('still reads a link that gives the period as from=YYYY-MM-DD&to=YYYY-MM-DD, its days shown in the boxes', async () => {
    const response = await clients.manager.get(`/reports/cin-census?from=${addDays(today, -60)}&to=${today}`);
    assert.equal(response.statusCode, 200);
    assert.equal(qaElements(response.body, 'census-row').length, 1);
    assert.equal(inputValue(response.body, 'to-year'), today.slice(0, 4));
    assert.equal(inputValue(response.body, 'to-day'), String(Number(today.slice(8))));
  });

  it('offers the reports in the menu to managers, safeguarding leads and whoever holds the partnership view, and to nobody else', async () => {
    const offered = async (client: WebClient) => /href="\/reports"/.test((await client.get('/')).body);
    assert.deepEqual([await offered(clients.manager), await offered(clients.hvLead), await offered(clients.hv), await offered(clients.admin)], [true, true, false, false]);
    const admin = actorFor(users.admin);
    assert.ok((await grantPartnershipView(t.ctx, admin, users.hv.email)).ok);
    assert.equal(await offered(await WebClient.signedIn(t.app, users.hv)), true, 'a practitioner granted the partnership view');
    assert.ok((await revokePartnershipView(t.ctx, admin, users.hv.id)).ok);
    assert.equal(await offered(await WebClient.signedIn(t.app, users.hv)), false);
  });

  it('refuses a practitioner and an administrator, page and file, each refusal audited', async () => {
    for (const who of ['social', 'admin'] as const) {
      const before = await audits(users[who].id, 'denied');
      const page = await clients[who].get('/reports/cin-census');
      assert.equal(page.statusCode, 403);
      assert.doesNotMatch(page.body, /Census/);
      assert.equal((await clients[who].get('/reports/cin-census.csv')).statusCode, 403);
      assert.equal(await audits(users[who].id, 'denied'), before + 2);
      const partnershipBefore = await audits(users[who].id, 'denied', 'report.partnership');
      assert.equal((await clients[who].get('/reports')).statusCode, 403);
      assert.equal((await clients[who].get('/reports/was-not-brought.csv')).statusCode, 403);
      assert.equal(await audits(users[who].id, 'denied', 'report.partnership'), partnershipBefore + 2);
    }
  });

  it('shows the partnership’s reports, each a table with its total; audited', async () => {
    const before = await audits(users.manager.id, 'success', 'report.partnership');
    const response = await clients.manager.get('/reports');
    assert.equal(response.statusCode, 200);
    const totals = ['seen-within-limits', 'pre-birth-assessments', 'was-not-brought', 'trigger-to-review', 'discharges-notified'].map((name) => textOf(qaElement(qaElement(response.body, `report-${name}`) ?? '', 'report-total')));
    // Born 1 October, seen on a clinic contact 11 days ago: within 28 days; one missed of two; no trigger, pregnancy or discharge.
    assert.deepEqual(totals, ['100% (1 of 1)', 'none to count', '50% (1 of 2)', 'none to count reviewed since', 'none to count']);
    assert.match(textOf(qaElement(response.body, 'report-was-not-brought')), /Test Census 1 1 50% \(1 of 2\)/);
    assert.match(textOf(qaElement(response.body, 'report-was-not-brought')), /Before birth, these are the antenatal appointments the mother missed and those she attended/, 'an unborn baby is not "not brought"');
    // Each download link names its table once, with no quotes doubled by a title that holds its own.
    assert.match(textOf(qaElement(qaElement(response.body, 'report-was-not-brought') ?? '', 'report-csv')), /^Download this table as CSV ?: “Was not brought” rates$/);
    assert.ok(!response.body.includes('““'));
    assert.equal(await audits(users.manager.id, 'success', 'report.partnership'), before + 1);
  });

  it('gives each report as a CSV file, and refuses a period that ends before it starts, audited', async () => {
    const from = addDays(today, -30);
    const response = await clients.hvLead.get(`/reports/was-not-brought.csv?from=${from}&to=${today}`);
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-disposition'], `attachment; filename="was-not-brought-${from}-to-${today}.csv"`);
    assert.equal(response.body, '\uFEFFBaby,Not brought,Brought and seen,Rate\r\nTest Census,1,1,50% (1 of 2)\r\n');
    const failures = await audits(users.hvLead.id, 'failure', 'report.partnership');
    const backwards = await clients.hvLead.get(`/reports?from=${today}&to=${from}`);
    assert.equal(backwards.statusCode, 400);
    assert.deepEqual(summaryErrors(backwards.body), ['#to-day: The end date must be the same as or after the start date']);
    assert.equal((await clients.hvLead.get(`/reports/was-not-brought.csv?from=${today}&to=${from}`)).statusCode, 400);
    assert.equal(await audits(users.hvLead.id, 'failure', 'report.partnership'), failures + 2);
  });

  it('shows a referral source nobody chose as not recorded, counted above the table, with a link to the case’s referrals', async () => {
    const unsourced = (await makeCase(t.ctx, { familyName: 'Unsourced', teamUserIds: [users.social.id] })).id;
    const token = await apiTokenFor(t.ctx, users.social.email);
    for (const [kind, daysAgo] of [['referral', 20], ['assessment-completed', 15]] as const) {
      const payload = { kind, occurredAt: addDays(today, -daysAgo), summary: kind, source: 'agency-record' };
      assert.equal((await t.app.inject({ method: 'POST', url: `/api/v1/cases/${unsourced}/events`, headers: { authorization: `Bearer ${token}` }, payload })).statusCode, 201);
    }
    const response = await clients.manager.get('/reports/cin-census');
    const row = qaElements(response.body, 'census-row').find((r) => /Test Unsourced/.test(textOf(r)))!;
    assert.equal(textOf(qaElement(row, 'census-source')), 'Not recorded: see the referrals of Test Unsourced');
    assert.match(row, new RegExp(`href="/cases/${unsourced}/chronology\\?kind=referral"`));
    assert.match(textOf(qaElement(response.body, 'sources-not-recorded')), /^1 row has no referral source/);
  });
});
