import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { actorFor, makeCase, makePerson, makeUser } from '../../../../test/helpers/factories.ts';
import { inputValue, qaElement, summaryErrors, textOf } from '../../../../test/helpers/html.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { WebClient } from '../../../../test/helpers/web-client.ts';
import { updateFactor } from '../../../application/profile/update-factor.ts';
import { updatePlan } from '../../../application/plan/update-plan.ts';
import { viewPlan } from '../../../application/plan/view-plan.ts';
import { addDays } from '../../../domain/shared/calendar-date.ts';
import { serviceToday } from '../../../domain/shared/service-day.ts';


describe('the plan pages', () => {
  let t: TestApp;
  let caseId: string;
  let lead: Awaited<ReturnType<typeof makeUser>>;
  let member: Awaited<ReturnType<typeof makeUser>>;
  let web: WebClient;
  let today: string;

  before(async () => {
    t = await createTestApp();
    today = serviceToday(t.clock.now());
    lead = await makeUser(t.ctx, { name: 'Page Lead' });
    member = await makeUser(t.ctx, { name: 'Page Member' });
    ({ id: caseId } = await makeCase(t.ctx, { familyName: 'Pageplan', teamUserIds: [lead.id, member.id] }));
    await makePerson(t.ctx, caseId, { id: 'page-mum', given_name: 'Grace', family_name: 'Pageplan', history_checked: true });
    const drinking = await updateFactor(t.ctx, actorFor(lead), caseId, { factorId: 'alcohol-misuse', personId: 'page-mum', status: 'present', pattern: 'stable', detail: 'Drinks most evenings', evidence: [], version: 0 });
    assert.ok(drinking.ok);
    web = await WebClient.signedIn(t.app, lead);
  });
  after(async () => t.close());

  it('says there is no plan yet and offers one with the checks the profile suggests', async () => {
    const casePage = await web.get(`/cases/${caseId}`);
    assert.match(textOf(qaElement(casePage.body, 'no-plan')), /There is no multi-agency plan for this baby yet/);
    assert.equal(textOf(qaElement(casePage.body, 'open-plan')), 'Make a plan, starting from the checks the profile suggests');
    const page = await web.get(`/cases/${caseId}/plan`);
    assert.equal(page.statusCode, 200);
    assert.match(textOf(qaElement(page.body, 'no-plan')), /There is no multi-agency plan for this baby yet/);
    assert.match(textOf(qaElement(page.body, 'suggestions')), /Is Grace Pageplan drinking \(Any visitor, every contact\)/);
    const form = await web.get(`/cases/${caseId}/plan/edit`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /<h1 class="govuk-heading-l">Make a plan<\/h1>/);
    const texts = [0, 1, 2, 3].map((i) => inputValue(form.body, `item-${i}-text`));
    assert.ok(texts.includes('Is Grace Pageplan drinking'), texts.join());
    assert.equal(inputValue(form.body, 'version'), '0');
  });

  it('adds another row without saving, keeping what was typed', async () => {
    await web.get(`/cases/${caseId}/plan/edit`);
    const page = await web.post(`/cases/${caseId}/plan/edit`, { version: '0', level: 'early-help', 'outcome-0': 'Grace stays sober when caring', add: 'outcomes' });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /name="outcome-0"[^>]*>Grace stays sober when caring<\/textarea>/);
    assert.match(page.body, /name="outcome-1"/);
    assert.equal((await t.ctx.db.selectFrom('case_plans').select('version').where('case_id', '=', caseId).execute()).length, 0);
    // The page comes back on the row added, not at the top: its button's fragment names it, and it takes focus.
    assert.match(page.body, new RegExp(`formaction="/cases/${caseId}/plan/edit#new-outcomes"`));
    assert.match(page.body, /<div id="new-outcomes" tabindex="-1" data-qa="new-row">\s*<div class="govuk-form-group">\s*<label class="govuk-label govuk-label--s" for="outcome-1">/);
    assert.equal((page.body.match(/id="new-/g) ?? []).length, 1, 'one row marked');
  });

  it('lands on the action added (the first blank row) after an action typed, every kind of row by its own fragment', async () => {
    const form = await web.get(`/cases/${caseId}/plan/edit`);
    for (const kind of ['outcomes', 'items', 'actions', 'visits']) assert.match(form.body, new RegExp(`value="${kind}" name="add"[^>]*formaction="/cases/${caseId}/plan/edit#new-${kind}"`), kind);
    assert.doesNotMatch(form.body, /id="new-/, 'no row is new on the form as first shown');
    const page = await web.post(`/cases/${caseId}/plan/edit`, { version: '0', level: 'early-help', 'action-0-text': 'Refer to the recovery service', 'action-0-ownerName': 'Dr Patel', 'action-0-status': 'open', add: 'actions' });
    assert.equal(page.statusCode, 200);
    const added = /<fieldset[^>]*id="new-actions"[^>]*>[\s\S]*?<\/fieldset>/.exec(page.body)?.[0] ?? '';
    assert.match(added, /tabindex="-1"/);
    assert.match(added, /name="action-1-text"/, 'the row after the one typed');
    assert.equal(inputValue(page.body, 'action-0-text'), 'Refer to the recovery service');
    assert.equal(inputValue(page.body, 'action-1-text'), '');
    assert.match(page.body, /name="action-2-text"/, 'and the spare blank row below it');
  });

  it('shows each problem on its row with the error summary linking to the field, and keeps what was typed', async () => {
    await web.get(`/cases/${caseId}/plan/edit`);
    const page = await web.post(`/cases/${caseId}/plan/edit`, {
      version: '0',
      level: 'early-help',
      'outcome-0': 'Grace stays sober when caring',
      'item-0-text': '',
      'item-0-question': 'Who is around?',
      'item-0-frequency': 'weekly',
      'action-0-text': 'Refer to recovery service',
      'action-0-ownerUserId': '',
      'action-0-ownerName': '',
      'action-0-dueOn-day': '31',
      'action-0-dueOn-month': '2',
      'action-0-dueOn-year': '2027',
      'action-0-status': 'open',
    });
    assert.equal(page.statusCode, 400);
    assert.deepEqual(summaryErrors(page.body), [
      '#item-0-text: Check 1: Say what it is, in plain words.',
      '#action-0-ownerUserId: Action 1: Say who owns the action: someone with an account, or the name of someone outside the service.',
      '#action-0-dueOn-day: Action 1: The due date must be a real date.',
    ]);
    assert.equal(inputValue(page.body, 'action-0-text'), 'Refer to recovery service');
    assert.equal(inputValue(page.body, 'action-0-dueOn-day'), '31');
    assert.match(page.body, /id="item-0-text"/);
    assert.match(page.body, /id="action-0-dueOn-day"/);
  });

  describe("an action's due date, read as every date input is", () => {
    /** One action, everything right but the due date as typed. */
    const withDue = (day: string, month: string, year: string) => ({
      version: '0',
      level: 'early-help',
      'action-0-text': 'Refer to recovery service',
      'action-0-ownerName': 'Dr Patel',
      'action-0-dueOn-day': day,
      'action-0-dueOn-month': month,
      'action-0-dueOn-year': year,
      'action-0-status': 'open',
    });
    const marked = (html: string) => ['day', 'month', 'year'].filter((part) => new RegExp(`class="[^"]*govuk-input--error[^"]*" id="action-0-dueOn-${part}"`).test(html));
    const refused = async (day: string, month: string, year: string) => {
      await web.get(`/cases/${caseId}/plan/edit`);
      const page = await web.post(`/cases/${caseId}/plan/edit`, withDue(day, month, year));
      assert.equal(page.statusCode, 400);
      assert.equal((await t.ctx.db.selectFrom('case_plans').select('version').where('case_id', '=', caseId).execute()).length, 0, 'nothing saved');
      return page;
    };

    const cases = [
      { name: 'a missing day', typed: ['', '3', '2027'], error: '#action-0-dueOn-day: Action 1: The due date must include a day.', parts: ['day'] },
      { name: 'a missing month and year', typed: ['15', '', ''], error: '#action-0-dueOn-month: Action 1: The due date must include a month and year.', parts: ['month', 'year'] },
      { name: 'letters', typed: ['15', 'March', '2027'], error: '#action-0-dueOn-day: Action 1: The due date must be a real date.', parts: ['day', 'month', 'year'] },
      { name: '31 February', typed: ['31', '2', '2027'], error: '#action-0-dueOn-day: Action 1: The due date must be a real date.', parts: ['day', 'month', 'year'] },
      { name: 'a year of 2 digits', typed: ['15', '3', '27'], error: '#action-0-dueOn-year: Action 1: Year must include 4 numbers.', parts: ['year'] },
      { name: 'nothing at all', typed: ['', '', ''], error: '#action-0-dueOn-day: Action 1: Give the date the action is due.', parts: ['day', 'month', 'year'] },
      // The test clock's today is 22 November 2026: a due day may be up to 22 November 2027.
      { name: 'a day more than 12 months ahead', typed: ['23', '11', '2027'], error: '#action-0-dueOn-day: Action 1: The due date can be at most 12 months from today: check the year.', parts: ['day', 'month', 'year'] },
    ] as const;
    for (const { name, typed, error, parts } of cases) {
      it(`refuses ${name}: the summary links to the first part in error, only the parts in error are marked, what was typed comes back`, async () => {
        const [day, month, year] = typed;
        const page = await refused(day, month, year);
        assert.deepEqual(summaryErrors(page.body), [error]);
        const inline = /<p id="action-0-dueOn-error"[\s\S]*?<\/p>/.exec(page.body)?.[0] ?? null;
        assert.equal(textOf(inline), `Error: ${error.slice(error.indexOf(': ') + 2)}`, 'the same message beside the date');
        assert.deepEqual(marked(page.body), parts);
        assert.match(page.body, /aria-describedby="action-0-dueOn-hint action-0-dueOn-error"/);
        assert.deepEqual(['day', 'month', 'year'].map((part) => inputValue(page.body, `action-0-dueOn-${part}`) ?? ''), typed);
      });
    }

    it('keeps every part as typed beside the other errors, and marks nothing when the date is right', async () => {
      await web.get(`/cases/${caseId}/plan/edit`);
      const page = await web.post(`/cases/${caseId}/plan/edit`, { ...withDue('3', '10', '2027'), 'action-0-ownerName': '', 'action-1-text': 'Paediatric review', 'action-1-ownerName': 'Dr Okoro', 'action-1-dueOn-day': '3', 'action-1-dueOn-month': 'Dec', 'action-1-dueOn-year': '2027', 'action-1-status': 'open' });
      assert.equal(page.statusCode, 400);
      assert.deepEqual(summaryErrors(page.body), [
        '#action-0-ownerUserId: Action 1: Say who owns the action: someone with an account, or the name of someone outside the service.',
        '#action-1-dueOn-day: Action 2: The due date must be a real date.',
      ]);
      assert.deepEqual(marked(page.body), [], 'the first action\'s date is right');
      assert.doesNotMatch(page.body, /id="action-0-dueOn-error"/);
      assert.deepEqual(['day', 'month', 'year'].map((part) => inputValue(page.body, `action-0-dueOn-${part}`)), ['3', '10', '2027']);
      assert.deepEqual(['day', 'month', 'year'].map((part) => inputValue(page.body, `action-1-dueOn-${part}`)), ['3', 'Dec', '2027']);
    });
  });

  it('saves the plan and shows it: who checks, how often, the owner, an overdue action marked', async () => {
    const dueOn = (day: string) => ({ 'action-0-dueOn-day': day.slice(8), 'action-0-dueOn-month': day.slice(5, 7), 'action-0-dueOn-year': day.slice(0, 4) });
    await web.get(`/cases/${caseId}/plan/edit`);
    const plan = {
      version: '0',
      level: 'early-help',
      'outcome-0': 'Grace stays sober when caring for the baby',
      'item-0-text': 'Is Grace Pageplan drinking',
      'item-0-question': 'Any smell of alcohol, cans or bottles?',
      'item-0-factorId': 'alcohol-misuse',
      'item-0-personId': 'page-mum',
      'item-0-checkedBy': 'housing',
      'item-0-frequency': 'every-contact',
      'action-0-text': 'Refer to the recovery service',
      'action-0-ownerUserId': member.id,
      'action-0-status': 'open',
      'action-1-text': 'Paediatric review',
      'action-1-ownerName': 'Dr Patel',
      'action-1-dueOn-day': '1',
      'action-1-dueOn-month': '1',
      'action-1-dueOn-year': String(Number(today.slice(0, 4)) + 1),
      'action-1-status': 'open',
    };
    // A new action due two days ago would be overdue the moment it is saved: refused, naming the action.
    const pastDue = await web.post(`/cases/${caseId}/plan/edit`, { ...plan, ...dueOn(addDays(today, -2)) });
    assert.equal(pastDue.statusCode, 400);
    assert.deepEqual(summaryErrors(pastDue.body), ['#action-0-dueOn-day: Action 1 (“Refer to the recovery service”): The due date has passed: give the day it will be done by, today or later, or mark the action done.']);
    assert.deepEqual(['day', 'month', 'year'].map((part) => inputValue(pastDue.body, `action-0-dueOn-${part}`)), [addDays(today, -2).slice(8), addDays(today, -2).slice(5, 7), addDays(today, -2).slice(0, 4)], 'the day as typed');
    assert.equal((await t.ctx.db.selectFrom('case_plans').select('version').where('case_id', '=', caseId).execute()).length, 0, 'nothing saved');
    // Due today is accepted; two days on (the test clock's), it is overdue.
    await web.get(`/cases/${caseId}/plan/edit`);
    const saved = await web.post(`/cases/${caseId}/plan/edit`, { ...plan, ...dueOn(today) });
    assert.equal(saved.statusCode, 303, saved.body.slice(0, 2000));
    assert.equal(saved.headers.location, `/cases/${caseId}/plan`, 'the plain page: the banner is the session’s to show once');
    assert.match(textOf(qaElement((await web.get(saved.headers.location)).body, 'plan-saved')), /The plan is saved/);
    assert.equal(qaElement((await web.get(`/cases/${caseId}/plan`)).body, 'plan-saved'), null, 'not shown again on a reload');
    assert.equal(qaElement((await web.get(`/cases/${caseId}/plan?saved=1`)).body, 'plan-saved'), null, 'nor by an old bookmark');
    // Two days on (the session has lapsed meanwhile: signed in again), the action is overdue.
    t.clock.advanceMinutes(2 * 24 * 60);
    today = serviceToday(t.clock.now());
    web = await WebClient.signedIn(t.app, lead);
    const page = await web.get(`/cases/${caseId}/plan`);
    assert.match(textOf(qaElement(page.body, 'plan-summary')), /Universal \(the plan was written for early help\)/);
    assert.match(textOf(qaElement(page.body, 'check-items')), /Is Grace Pageplan drinking Ask: Any smell of alcohol, cans or bottles\? About Grace Pageplan Housing Every contact/);
    assert.match(qaElement(page.body, 'record-contact') ?? '', new RegExp(`href="/cases/${caseId}/contacts/new"`), 'the checks lead to the contact form that asks them');
    const actions = textOf(qaElement(page.body, 'actions'));
    assert.match(actions, /Refer to the recovery service Page Member .* Open Overdue/);
    assert.match(actions, /Paediatric review Dr Patel \(outside the service\)/);
    assert.equal((page.body.match(/data-qa="overdue"/g) ?? []).length, 1);
    const casePage = await web.get(`/cases/${caseId}`);
    assert.equal(textOf(qaElement(casePage.body, 'plan-summary')), 'The plan serves early help: 1 check for visitors, 2 open actions, 1 overdue.');
    assert.match(casePage.body, new RegExp(`href="/cases/${caseId}/plan" data-qa="open-plan"`));
  });

  it('keeps an action already past its due day when the plan is changed otherwise (an old plan stays saveable)', async () => {
    const form = await web.get(`/cases/${caseId}/plan/edit`);
    const typed = (name: string) => inputValue(form.body, name) ?? '';
    assert.equal(typed('action-0-text'), 'Refer to the recovery service');
    const due = `${typed('action-0-dueOn-year')}-${typed('action-0-dueOn-month').padStart(2, '0')}-${typed('action-0-dueOn-day').padStart(2, '0')}`;
    assert.ok(due < today, `overdue: due ${due}, today ${today}`);
    const row = (i: number) => Object.fromEntries(['id', 'text', 'ownerName', 'dueOn-day', 'dueOn-month', 'dueOn-year'].map((name) => [`action-${i}-${name}`, typed(`action-${i}-${name}`)]));
    const saved = await web.post(`/cases/${caseId}/plan/edit`, {
      version: typed('version'),
      level: 'early-help',
      'outcome-0': 'Grace stays sober when caring for the baby, every day',
      'item-0-id': typed('item-0-id'),
      'item-0-text': typed('item-0-text'),
      'item-0-frequency': 'every-contact',
      ...row(0),
      'action-0-ownerUserId': member.id,
      'action-0-status': 'open',
      ...row(1),
      'action-1-status': 'open',
    });
    assert.equal(saved.statusCode, 303, summaryErrors(saved.body).join('\n'));
    const actions = textOf(qaElement((await web.get(`/cases/${caseId}/plan`)).body, 'actions'));
    assert.match(actions, /Refer to the recovery service Page Member .* Open Overdue/);
  });

  it('says when someone else changed the plan, shows theirs and keeps what the user typed', async () => {
    const form = await web.get(`/cases/${caseId}/plan/edit`);
    const version = Number(inputValue(form.body, 'version'));
    assert.ok(version >= 1);
    const current = await viewPlan(t.ctx, actorFor(member), caseId);
    assert.ok(current.ok && current.value.plan);
    const { level, outcomes, checkItems, actions } = current.value.plan;
    const theirs = await updatePlan(t.ctx, actorFor(member), caseId, { version, plan: { level, outcomes: [...outcomes, 'Their outcome'], checkItems, actions } });
    assert.ok(theirs.ok);
    const page = await web.post(`/cases/${caseId}/plan/edit`, {
      version: String(version),
      level: 'early-help',
      'outcome-0': 'My own outcome',
      'action-0-id': actions[0]!.id,
      'action-0-text': actions[0]!.text,
      'action-0-ownerUserId': member.id,
      'action-0-dueOn-day': '1',
      'action-0-dueOn-month': '1',
      'action-0-dueOn-year': '2030',
      'action-0-status': 'done',
    });
    assert.equal(page.statusCode, 409);
    assert.deepEqual(summaryErrors(page.body).map((e) => e.split(':')[0]), ['#their-plan']);
    assert.match(textOf(qaElement(page.body, 'their-plan')), /Their outcome/);
    assert.match(page.body, /name="outcome-0"[^>]*>My own outcome<\/textarea>/);
    assert.equal(inputValue(page.body, 'version'), String(version + 1));
  });

  it('refuses the form to someone outside the team without showing anything', async () => {
    const outsider = await makeUser(t.ctx);
    const other = await WebClient.signedIn(t.app, outsider);
    for (const response of [await other.get(`/cases/${caseId}/plan`), await other.get(`/cases/${caseId}/plan/edit`), await other.post(`/cases/${caseId}/plan/edit`, { version: '2', level: 'universal' })]) {
      assert.equal(response.statusCode, 403);
      assert.doesNotMatch(response.body, /Pageplan|recovery/);
    }
  });
});
