import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeCase, makeOrganisation, makeUser } from '../../../../test/helpers/factories.ts';
import { dateFieldState } from '../../../../test/helpers/date-field.ts';
import { dateFields, inputValue, qaElement, summaryErrors, textOf } from '../../../../test/helpers/html.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { WebClient } from '../../../../test/helpers/web-client.ts';
import { cliOperator } from '../../../application/actor.ts';
import { changeAreaSettings } from '../../../application/settings/area-settings.ts';
import { addDays } from '../../../domain/shared/calendar-date.ts';
import { serviceToday } from '../../../domain/shared/service-day.ts';

type User = Awaited<ReturnType<typeof makeUser>>;

describe('the supervision pages', () => {
  let t: TestApp;
  let caseId: string;
  let today: string;
  const users = {} as Record<'hv' | 'manager' | 'lead' | 'colleague' | 'gp' | 'gpManager' | 'admin', User>;
  const clients = {} as Record<keyof typeof users, WebClient>;
  let firstId: string;

  const filled = (over: Record<string, string> = {}) => ({
    ...dateFields('heldOn', today),
    practitionerId: users.hv.id,
    supervisorId: users.manager.id,
    'answer-script': 'Mother says she has stopped drinking; nobody has seen her in the evening.',
    'answer-missing-voices': 'The father: not yet met.',
    'answer-unthinkable': 'That she drinks while caring for the baby alone at night.',
    'answer-changed': 'The baby was seen twice.',
    stuck: 'not-sure',
    'answer-stuck': 'Housing better, drinking unknown.',
    analysis: 'The account of her drinking is untested.',
    decisions: 'Meet the father; ask the GP about alcohol.',
    'action-0-text': 'Visit the father',
    'action-0-owner': 'Hana Visitor, health visitor',
    ...dateFields('action-0-dueOn', addDays(today, 14)),
    'action-1-text': '',
    'action-1-owner': '',
    ...over,
  });

  async function storeFindings(severities: ('critical' | 'high' | 'attention')[]) {
    const { profile_version } = await t.ctx.db.selectFrom('cases').select('profile_version').where('id', '=', caseId).executeTakeFirstOrThrow();
    const findings = severities.map((severity, index) => ({ id: index === 0 ? 'non-mobile-injury' : `finding-${String(index)}`, severity, rationale: 'Set by the test' }));
    await t.ctx.db
      .insertInto('profile_versions')
      .values({ case_id: caseId, version: profile_version + 1, changed_at: t.clock.now(), changed_by: null, factor_id: null, subject_key: null, change: JSON.stringify({ summary: 'Set by the test' }), changed_by_name: 'Test', why: null, findings: JSON.stringify(findings) })
      .execute();
    await t.ctx.db.updateTable('cases').set({ profile_version: profile_version + 1 }).where('id', '=', caseId).execute();
  }

  const stored = async () => t.ctx.db.selectFrom('case_supervisions').selectAll().where('case_id', '=', caseId).execute();
  const audits = async (userId: string, action: string, outcome: string) =>
    (await t.ctx.db.selectFrom('audit_log').select('id').where('actor_user_id', '=', userId).where('action', '=', action).where('outcome', '=', outcome).execute()).length;
  const signInAll = async () => {
    for (const [name, user] of Object.entries(users) as [keyof typeof users, User][]) clients[name] = await WebClient.signedIn(t.app, user);
  };

  before(async () => {
    t = await createTestApp();
    today = serviceToday(t.clock.now());
    const health = await makeOrganisation(t.ctx, 'health-visiting');
    const gp = await makeOrganisation(t.ctx, 'gp');
    users.hv = await makeUser(t.ctx, { name: 'Hana Visitor', organisationId: health.id });
    users.manager = await makeUser(t.ctx, { name: 'Mona Manager', role: 'manager', organisationId: health.id });
    users.lead = await makeUser(t.ctx, { name: 'Lee Lead', role: 'safeguarding-lead', organisationId: health.id });
    users.colleague = await makeUser(t.ctx, { name: 'Cal Colleague', organisationId: health.id });
    users.gp = await makeUser(t.ctx, { name: 'Gita Doctor', organisationId: gp.id });
    users.gpManager = await makeUser(t.ctx, { name: 'Gus Practice Manager', role: 'manager', organisationId: gp.id });
    users.admin = await makeUser(t.ctx, { role: 'admin', organisationId: health.id });
    ({ id: caseId } = await makeCase(t.ctx, { familyName: 'Supervised', teamUserIds: [users.hv.id, users.gp.id] }));
    await storeFindings(['high']);
    await signInAll();
  });
  after(async () => t.close());

  it("lists the case as due supervision for the organisation's manager and the practitioner, never supervised; refuses an administrator", async () => {
    for (const name of ['manager', 'gpManager', 'hv'] as const) {
      const page = await clients[name].get('/supervision');
      assert.equal(page.statusCode, 200, name);
      const table = textOf(qaElement(page.body, 'supervision-due'));
      assert.match(table, /Test Supervised/, name);
      assert.match(table, /Never supervised/, name);
      assert.match(page.body, /href="\/supervision"[^>]*aria-current|class="govuk-service-navigation__item govuk-service-navigation__item--active"/, name);
    }
    assert.equal((await clients.colleague.get('/supervision')).body.includes('Test Supervised'), false, 'not a case of theirs');
    const refused = await clients.admin.get('/supervision');
    assert.equal(refused.statusCode, 403);
    assert.equal(await audits(users.admin.id, 'supervision.due-list', 'denied'), 1);
  });

  it('shows the case page with no supervision yet and the form with the prompts, the practitioner chosen, supervisors from their organisation only', async () => {
    const page = await clients.hv.get(`/cases/${caseId}/supervision`);
    assert.equal(page.statusCode, 200);
    assert.match(textOf(qaElement(page.body, 'first-supervision')), /first supervision/);
    assert.match(textOf(qaElement(page.body, 'no-supervisions')), /no supervisions/);
    const form = await clients.hv.get(`/cases/${caseId}/supervision/new`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /What is the family&#39;s story about themselves, and what evidence tests it\?/);
    assert.match(form.body, /Whose voice is missing\?/);
    assert.match(form.body, /What would have to be true for this baby to be harmed\?/);
    assert.match(form.body, /Child Safeguarding Practice Review: joint review of Infant 1 and Infant 2, 2022<\/a>, §5.35/);
    assert.match(form.body, new RegExp(`<option value="${users.hv.id}" selected>`));
    for (const name of ['manager', 'lead', 'colleague'] as const) assert.match(form.body, new RegExp(`<option value="${users[name].id}"`), name);
    assert.doesNotMatch(form.body, new RegExp(users.gpManager.id));
    assert.doesNotMatch(form.body, new RegExp(users.admin.id));
  });

  it('re-renders with another action row on "add another", keeping what was typed, saving nothing', async () => {
    const response = await clients.hv.post(`/cases/${caseId}/supervision/new`, { ...filled(), add: 'actions' });
    assert.equal(response.statusCode, 200);
    assert.equal((response.body.match(/data-qa="action-row"/g) ?? []).length, 3);
    assert.match(response.body, /The father: not yet met\./);
    assert.equal((await stored()).length, 0);
  });

  it('shows every problem in the error summary in the order of the form, keeps what was typed, stores nothing and audits the failure', async () => {
    const response = await clients.hv.post(`/cases/${caseId}/supervision/new`, filled({ 'heldOn-day': '31', 'heldOn-month': '2', 'answer-missing-voices': ' ', stuck: '', analysis: '', 'action-0-owner': '' }));
    assert.equal(response.statusCode, 400);
    assert.deepEqual(summaryErrors(response.body), [
      '#heldOn-day: The date of the supervision must be a real date.',
      '#answer-missing-voices: Answer “Whose voice is missing?”, even if only to say why it cannot be answered yet.',
      '#stuck: Say whether the case is stuck.',
      '#analysis: Write the analysis: what the discussion concluded about the risks to the baby.',
      '#action-0-owner: Action 1: enter who will do it.',
    ]);
    assert.match(response.body, /Mother says she has stopped drinking/);
    assert.equal((await stored()).length, 0);
    assert.equal(await audits(users.hv.id, 'supervision.record', 'failure'), 1);
  });

  it("names the action each row's error is about, as its legend does, the summary linking to that row's field; a problem with the whole list names none", async () => {
    const rows = filled({ 'action-1-text': '', 'action-1-owner': 'Sam Patel, social worker', ...dateFields('action-1-dueOn', addDays(today, 7)), 'action-2-text': 'Ask the GP', 'action-2-owner': '', ...dateFields('action-2-dueOn', addDays(today, 7)) });
    const response = await clients.hv.post(`/cases/${caseId}/supervision/new`, rows);
    assert.equal(response.statusCode, 400);
    assert.deepEqual(summaryErrors(response.body), ['#action-1-text: Action 2: say what will be done.', '#action-2-owner: Action 3: enter who will do it.']);
    assert.match(response.body, /<p id="action-2-owner-error" class="govuk-error-message">\s*<span class="govuk-visually-hidden">Error:<\/span> Action 3: enter who will do it\.\s*<\/p>/);
    const tooMany: Record<string, string> = {};
    for (let i = 0; i < 21; i++) Object.assign(tooMany, { [`action-${String(i)}-text`]: `Action ${String(i + 1)}`, [`action-${String(i)}-owner`]: 'Hana Visitor', ...dateFields(`action-${String(i)}-dueOn`, addDays(today, 7)) });
    const many = await clients.hv.post(`/cases/${caseId}/supervision/new`, filled(tooMany));
    assert.deepEqual(summaryErrors(many.body), ['#action-0-text: Record at most 20 actions.']);
    assert.equal((await stored()).length, 0);
  });

  it('gives back long text exactly as typed, on an error and on "add another", and says each limit and how much was typed', async () => {
    const analysis = `${'a'.repeat(12_000)} end`;
    const answer = 'w'.repeat(4001);
    const owner = 'o'.repeat(201);
    const typed = filled({ analysis, 'answer-missing-voices': answer, 'action-0-owner': owner });
    const refused = await clients.hv.post(`/cases/${caseId}/supervision/new`, typed);
    assert.equal(refused.statusCode, 400);
    assert.deepEqual(summaryErrors(refused.body), [
      '#answer-missing-voices: The answer to “Whose voice is missing?” must be 4,000 characters or fewer: you have 4,001.',
      '#analysis: The analysis must be 8,000 characters or fewer: you have 12,004.',
      '#action-0-owner: Action 1: “Who will do it” must be 200 characters or fewer: you have 201.',
    ]);
    assert.ok(refused.body.includes(`>${analysis}</textarea>`));
    assert.ok(refused.body.includes(`>${answer}</textarea>`));
    assert.equal(inputValue(refused.body, 'action-0-owner'), owner);
    const added = await clients.hv.post(`/cases/${caseId}/supervision/new`, { ...typed, add: 'actions' });
    assert.equal(added.statusCode, 200);
    assert.ok(added.body.includes(`>${analysis}</textarea>`));
    assert.equal((await stored()).length, 0);
  });

  describe('a date, read as every date input reads it', () => {
    const heldOn = (day: string, month: string, year: string) => ({ 'heldOn-day': day, 'heldOn-month': month, 'heldOn-year': year });
    const cases = [
      { name: 'a missing month', typed: ['3', '', '2026'], error: '#heldOn-month: The date of the supervision must include a month.', parts: ['month'] },
      { name: 'letters', typed: ['3', 'March', '2026'], error: '#heldOn-day: The date of the supervision must be a real date.', parts: ['day', 'month', 'year'] },
      { name: '31 February', typed: ['31', '2', '2026'], error: '#heldOn-day: The date of the supervision must be a real date.', parts: ['day', 'month', 'year'] },
      { name: 'a year of 2 digits', typed: ['3', '3', '26'], error: '#heldOn-year: Year must include 4 numbers.', parts: ['year'] },
      { name: 'nothing at all', typed: ['', '', ''], error: '#heldOn-day: Enter the date of the supervision.', parts: ['day', 'month', 'year'] },
    ] as const;
    for (const { name, typed, error, parts } of cases) {
      it(`refuses the day it was held with ${name}: the summary links to the first part in error, only those are marked, what was typed comes back`, async () => {
        const [day, month, year] = typed;
        const response = await clients.hv.post(`/cases/${caseId}/supervision/new`, filled(heldOn(day, month, year)));
        assert.equal(response.statusCode, 400);
        assert.deepEqual(summaryErrors(response.body), [error]);
        assert.deepEqual(dateFieldState(response.body, 'heldOn'), { message: `Error: ${error.slice(error.indexOf(': ') + 2)}`, marked: parts, typed, describedBy: 'heldOn-hint heldOn-error' });
        assert.equal((await stored()).length, 0);
      });
    }

    it('keeps the rule that a supervision is not dated in the future, in its own words, every part marked', async () => {
      const [year, month, day] = addDays(today, 1).split('-') as [string, string, string];
      const response = await clients.hv.post(`/cases/${caseId}/supervision/new`, filled(heldOn(day, month, year)));
      assert.equal(response.statusCode, 400);
      assert.deepEqual(summaryErrors(response.body), ['#heldOn-day: A supervision dated in the future has not happened yet: enter the date it was held.']);
      assert.deepEqual(dateFieldState(response.body, 'heldOn').marked, ['day', 'month', 'year']);
    });

    it("words an action's due date on its row, the other row's date unmarked, both as typed", async () => {
      const response = await clients.hv.post(
        `/cases/${caseId}/supervision/new`,
        filled({ 'action-0-dueOn-year': '27', 'action-1-text': 'Ask the GP', 'action-1-owner': 'Hana Visitor', 'action-1-dueOn-day': '', 'action-1-dueOn-month': '', 'action-1-dueOn-year': '' }),
      );
      assert.equal(response.statusCode, 400);
      assert.deepEqual(summaryErrors(response.body), ['#action-0-dueOn-year: Action 1: year must include 4 numbers.', '#action-1-dueOn-day: Action 2: enter the date it is due.']);
      const [, month, day] = addDays(today, 14).split('-').map(Number);
      assert.deepEqual(dateFieldState(response.body, 'action-0-dueOn'), { message: 'Error: Action 1: year must include 4 numbers.', marked: ['year'], typed: [String(day), String(month), '27'], describedBy: 'action-0-dueOn-hint action-0-dueOn-error' });
      assert.deepEqual(dateFieldState(response.body, 'action-1-dueOn'), { message: 'Error: Action 2: enter the date it is due.', marked: ['day', 'month', 'year'], typed: ['', '', ''], describedBy: 'action-1-dueOn-hint action-1-dueOn-error' });
      assert.deepEqual(dateFieldState(response.body, 'heldOn'), { message: '', marked: [], typed: Object.values(dateFields('heldOn', today)), describedBy: 'heldOn-hint' });
    });
  });

  it("refuses a supervisor outside the practitioner's organisation with a clear message, keeps the form, and audits the refusal", async () => {
    const response = await clients.hv.post(`/cases/${caseId}/supervision/new`, filled({ supervisorId: users.gpManager.id }));
    assert.equal(response.statusCode, 403);
    assert.deepEqual(summaryErrors(response.body), ["#supervisorId: The supervisor must be in the practitioner's own organisation: a manager, a safeguarding lead or a named supervisor there."]);
    assert.match(response.body, /Mother says she has stopped drinking/);
    assert.equal((await stored()).length, 0);
    assert.equal(await audits(users.hv.id, 'supervision.record', 'denied'), 1);
  });

  it('records a supervision with the profile version, its action joining the plan, and shows it', async () => {
    const response = await clients.hv.post(`/cases/${caseId}/supervision/new`, filled());
    assert.equal(response.statusCode, 303);
    const [row] = await stored();
    assert.ok(row);
    firstId = row.id;
    assert.equal(response.headers.location, `/cases/${caseId}/supervision/${firstId}`);
    assert.equal(row.profile_version, 1);
    assert.equal(row.plan_version, 1);
    const plan = await t.ctx.db.selectFrom('case_plans').select(['version', 'actions']).where('case_id', '=', caseId).executeTakeFirstOrThrow();
    assert.deepEqual(plan.actions.map((a) => [a.text, a.status]), [['Visit the father', 'open']]);
    const page = await clients.hv.get(response.headers.location);
    assert.equal(page.statusCode, 200);
    assert.match(textOf(qaElement(page.body, 'supervision-summary')), /Hana Visitor.*Mona Manager.*Not sure/);
    assert.match(textOf(qaElement(page.body, 'answer-missing-voices')), /The father: not yet met\./);
    assert.match(textOf(qaElement(page.body, 'actions')), /Visit the father: Hana Visitor, health visitor, by/);
    assert.match(textOf(qaElement(page.body, 'first-supervision')), /first supervision/);
    assert.equal(await audits(users.hv.id, 'supervision.view', 'success'), 1);
  });

  it('shows the notes to the supervisor and a safeguarding lead; refuses the rest of the team and a manager who took no part, audited', async () => {
    for (const name of ['manager', 'lead'] as const) {
      const page = await clients[name].get(`/cases/${caseId}/supervision/${firstId}`);
      assert.equal(page.statusCode, 200, name);
      assert.match(page.body, /The father: not yet met\./, name);
    }
    for (const name of ['gp', 'gpManager'] as const) {
      const page = await clients[name].get(`/cases/${caseId}/supervision/${firstId}`);
      assert.equal(page.statusCode, 403, name);
      assert.doesNotMatch(page.body, /not yet met/, name);
      assert.equal(await audits(users[name].id, 'supervision.view', 'denied'), 1, name);
      const list = await clients[name].get(`/cases/${caseId}/supervision`);
      assert.equal(list.statusCode, 200, name);
      assert.match(textOf(qaElement(list.body, 'not-shown')), /1 supervision of other practitioners is not shown/, name);
      assert.doesNotMatch(list.body, new RegExp(firstId), name);
    }
    const outsider = await WebClient.signedIn(t.app, await makeUser(t.ctx, { name: 'Out Sider' }));
    assert.equal((await outsider.get(`/cases/${caseId}/supervision/${firstId}`)).statusCode, 403);
    assert.equal((await outsider.get(`/cases/${caseId}/supervision`)).statusCode, 403);
  });

  it('says when a supervision is not there, to someone who may open the page only', async () => {
    assert.equal((await clients.gp.get(`/cases/${caseId}/supervision/no-such-supervision`)).statusCode, 404);
    assert.equal((await clients.colleague.get(`/cases/${caseId}/supervision/no-such-supervision`)).statusCode, 403);
  });

  it('takes the case off the due list once supervised, puts it back after the period, and follows the setting', async () => {
    assert.equal((await clients.manager.get('/supervision')).body.includes('Test Supervised'), false);
    t.clock.advanceMinutes(29 * 24 * 60);
    await signInAll();
    const due = await clients.manager.get('/supervision');
    assert.match(textOf(qaElement(due.body, 'supervision-due')), /29 days ago/);
    const changed = await changeAreaSettings(t.ctx, cliOperator, { 'supervision.periodDays': '60' });
    assert.ok(changed.ok);
    const later = await clients.manager.get('/supervision');
    assert.match(textOf(qaElement(later.body, 'none-due')), /No case is due supervision/);
    assert.match(later.body, /in the last 60 days/);
  });

  it('shows what changed in the profile since the last supervision, on the form and on the next supervision', async () => {
    await storeFindings(['high', 'critical']);
    const form = await clients.manager.get(`/cases/${caseId}/supervision/new`);
    assert.equal(form.statusCode, 200);
    assert.match(textOf(qaElement(form.body, 'changes-since')), /Since the last supervision, on .*version 1 compared with version 2/);
    assert.match(textOf(qaElement(form.body, 'findings-changed') ?? qaElement(form.body, 'findings-raised')), /./);
    const today2 = serviceToday(t.clock.now());
    const response = await clients.manager.post(`/cases/${caseId}/supervision/new`, filled({ ...dateFields('heldOn', today2), 'action-0-text': '', 'action-0-owner': '', 'action-0-dueOn-day': '', 'action-0-dueOn-month': '', 'action-0-dueOn-year': '' }));
    assert.equal(response.statusCode, 303);
    const page = await clients.manager.get(response.headers.location!);
    assert.match(textOf(qaElement(page.body, 'changes-since')), /Since the supervision before, on .*version 1 compared with version 2/);
    assert.match(page.body, /No actions were agreed/);
    const rows = await stored();
    assert.equal(rows.find((r) => r.id !== firstId)?.plan_version, null);
  });

  // Last: it lets the session go idle.
  it('gives the form back as typed when it was posted after the session went idle, once the same user signs in again', async () => {
    const url = `/cases/${caseId}/supervision/new`;
    const client = await WebClient.signedIn(t.app, users.hv);
    await client.get(url);
    t.clock.advanceMinutes(31);
    const before = (await stored()).length;
    const late = await client.post(url, { 'answer-unthinkable': 'Kept thought', analysis: 'Kept analysis', 'action-0-text': 'Kept action' });
    assert.equal(late.statusCode, 303);
    await client.get(late.headers.location!);
    const signedIn = await client.post('/sign-in', { email: users.hv.email, password: users.hv.password, returnTo: `${url}?restore=1` });
    assert.equal(signedIn.headers.location, `${url}?restore=1`);
    const form = await client.get(`${url}?restore=1`);
    assert.equal(form.statusCode, 200);
    assert.ok(qaElement(form.body, 'kept-form-banner'));
    assert.match(form.body, /Kept thought<\/textarea>/);
    assert.match(form.body, /Kept analysis<\/textarea>/);
    assert.match(form.body, /name="action-0-text" type="text" value="Kept action"/);
    assert.equal((form.body.match(/data-qa="action-row"/g) ?? []).length, 2, 'with the rows a new form shows');
    assert.equal((await stored()).length, before, 'nothing recorded from it');
  });
});
