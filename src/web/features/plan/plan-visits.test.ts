import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { actorFor, makeCase, makeUser } from '../../../../test/helpers/factories.ts';
import { inputValue, qaElement, summaryErrors, textOf } from '../../../../test/helpers/html.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { WebClient } from '../../../../test/helpers/web-client.ts';
import { recordEntry } from '../../../application/chronology/record-entry.ts';
import { viewPlan } from '../../../application/plan/view-plan.ts';
import { addDays, dayInWords } from '../../../domain/shared/calendar-date.ts';
import { serviceToday } from '../../../domain/shared/service-day.ts';

// The plan's visiting pattern on the plan page, its form and the case page (issue 13).
describe('the visiting pattern on the plan pages', () => {
  let t: TestApp;
  let caseId: string;
  let visitor: Awaited<ReturnType<typeof makeUser>>;
  let web: WebClient;
  let today: string;
  const planRows = async () => (await t.ctx.db.selectFrom('case_plans').select('version').where('case_id', '=', caseId).execute()).length;

  before(async () => {
    t = await createTestApp();
    today = serviceToday(t.clock.now());
    visitor = await makeUser(t.ctx, { name: 'Vic Visitor' });
    ({ id: caseId } = await makeCase(t.ctx, { familyName: 'Visitplan', teamUserIds: [visitor.id] }));
    web = await WebClient.signedIn(t.app, visitor);
  });
  after(async () => t.close());

  it('adds another visit row without saving, keeping what was typed', async () => {
    const form = await web.get(`/cases/${caseId}/plan/edit`);
    assert.equal((form.body.match(/data-qa="visit-row"/g) ?? []).length, 1);
    const page = await web.post(`/cases/${caseId}/plan/edit`, { version: '0', level: 'child-in-need', 'visit-0-agencyKind': 'gp', 'visit-0-everyDays': '28', add: 'visits' });
    assert.equal(page.statusCode, 200);
    // The typed row, the blank row and the one asked for.
    assert.equal((page.body.match(/data-qa="visit-row"/g) ?? []).length, 3);
    assert.match(page.body, /<option value="gp" selected>/);
    assert.equal(inputValue(page.body, 'visit-0-everyDays'), '28');
    assert.equal(await planRows(), 0);
  });

  it('shows each problem of a visit in the error summary, linked to its field, and keeps what was typed', async () => {
    await web.get(`/cases/${caseId}/plan/edit`);
    const page = await web.post(`/cases/${caseId}/plan/edit`, { version: '0', level: 'child-in-need', 'visit-0-who': 'Sam Hill, health visitor', 'visit-0-everyDays': 'weekly', 'visit-1-agencyKind': 'gp', 'visit-1-everyDays': '91', 'visit-1-babySeen': 'no' });
    assert.equal(page.statusCode, 400);
    assert.deepEqual(summaryErrors(page.body), [
      '#visit-0-agencyKind: Visit 1: Choose the kind of agency that visits.',
      '#visit-0-everyDays: Visit 1: Say how often in whole days, from 1 to 90: 7 is every week, 14 every 2 weeks.',
      '#visit-0-babySeen: Visit 1: Say whether the baby must be seen at each visit.',
      '#visit-1-everyDays: Visit 2: Say how often in whole days, from 1 to 90: 7 is every week, 14 every 2 weeks.',
    ]);
    assert.equal(inputValue(page.body, 'visit-0-who'), 'Sam Hill, health visitor');
    assert.equal(inputValue(page.body, 'visit-0-everyDays'), 'weekly');
    assert.equal(inputValue(page.body, 'visit-1-everyDays'), '91');
    assert.match(page.body, /name="visit-1-babySeen" type="radio" value="no" checked/);
    assert.match(page.body, /id="visit-0-everyDays-error"/);
    assert.equal(await planRows(), 0);
  });

  it('saves the commitments and shows who sees the baby how often, kept or overdue, on the plan and the case page', async () => {
    await web.get(`/cases/${caseId}/plan/edit`);
    const saved = await web.post(`/cases/${caseId}/plan/edit`, {
      version: '0',
      level: 'child-in-need',
      'visit-0-agencyKind': 'health-visiting',
      'visit-0-who': 'Sam Hill, health visitor',
      'visit-0-everyDays': '7',
      'visit-0-babySeen': 'yes',
      'visit-0-since': addDays(today, -20),
      'visit-1-agencyKind': 'gp',
      'visit-1-everyDays': '28',
      'visit-1-babySeen': 'no',
    });
    assert.equal(saved.statusCode, 303, saved.body.slice(0, 2000));
    // Seen at home 10 days ago by the health visitor; a visit 2 days ago did not see the baby.
    for (const [daysAgo, babySeen] of [[10, true], [2, false]] as const) {
      const visit = await recordEntry(t.ctx, actorFor(visitor), caseId, { kind: 'home-visit', occurredAt: addDays(today, -daysAgo), summary: 'Home visit', source: 'observed', babySeen });
      assert.ok(visit.ok, JSON.stringify(visit));
    }
    const page = await web.get(`/cases/${caseId}/plan`);
    const rows = [...page.body.matchAll(/<tr class="govuk-table__row" data-qa="visit">[\s\S]*?<\/tr>/g)].map((m) => textOf(m[0]));
    assert.deepEqual(rows, [
      `Health visiting Sam Hill, health visitor Every week Yes, the baby must be seen ${dayInWords(addDays(today, -10))}, Vic Visitor (${rows[0]!.split('(')[1]!.split(')')[0]!}) ${dayInWords(addDays(today, -3))} Overdue by 3 days Not kept twice since ${dayInWords(addDays(today, -20))}`,
      `GP practice Every 4 weeks Not required None yet ${dayInWords(addDays(today, 28))} Kept`,
    ]);
    assert.match(page.body, /<strong class="govuk-tag govuk-tag--red">Overdue by 3 days<\/strong>/);
    assert.match(page.body, /<strong class="govuk-tag govuk-tag--green">Kept<\/strong>/);
    const casePage = await web.get(`/cases/${caseId}`);
    assert.equal(textOf(qaElement(casePage.body, 'plan-summary')), 'The plan serves child in need: 0 checks for visitors, 0 open actions, 2 visiting commitments, 1 visit overdue.');
  });

  it('changes and takes off a commitment through the form, keeping the day it started', async () => {
    const form = await web.get(`/cases/${caseId}/plan/edit`);
    const before = await viewPlan(t.ctx, actorFor(visitor), caseId);
    assert.ok(before.ok && before.value.plan);
    const [hv, gp] = before.value.plan.visits;
    assert.equal(inputValue(form.body, 'visit-0-id'), hv!.id);
    assert.equal(inputValue(form.body, 'visit-0-since'), addDays(today, -20));
    const saved = await web.post(`/cases/${caseId}/plan/edit`, {
      version: String(before.value.plan.version),
      level: 'child-in-need',
      'visit-0-id': hv!.id,
      'visit-0-since': hv!.since,
      'visit-0-agencyKind': 'health-visiting',
      'visit-0-everyDays': '14',
      'visit-0-babySeen': 'yes',
      'visit-1-id': gp!.id,
      'visit-1-since': gp!.since,
      'visit-1-agencyKind': 'gp',
      'visit-1-everyDays': '28',
      'visit-1-babySeen': 'no',
      'visit-1-remove': 'yes',
    });
    assert.equal(saved.statusCode, 303, saved.body.slice(0, 2000));
    const after = await viewPlan(t.ctx, actorFor(visitor), caseId);
    assert.ok(after.ok && after.value.plan);
    assert.deepEqual(after.value.plan.visits, [{ id: hv!.id, agencyKind: 'health-visiting', everyDays: 14, babySeen: true, since: hv!.since }]);
    assert.deepEqual(after.value.visits.map((v) => v.status), ['kept']);
  });
});
