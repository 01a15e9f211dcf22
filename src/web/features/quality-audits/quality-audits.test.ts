// The quality assurance audit pages (issue 16): starting one (an error keeps what was typed; another
// organisation's cases refused with a 403, audited), a case's form with what the record says (an
// error keeps every answer and note; a manager reads it without a form), the report with its themes,
// the printable copy and the CSV file (formula cells neutralised), and the refusals of a
// practitioner and another organisation's lead, each audited. One app for the file.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeCase, makeOrganisation, makeUser } from '../../../../test/helpers/factories.ts';
import { qaElement, summaryErrors, textOf } from '../../../../test/helpers/html.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { WebClient } from '../../../../test/helpers/web-client.ts';
import { QUESTION_IDS } from '../../../domain/quality-audits/audit-questions.ts';

type User = Awaited<ReturnType<typeof makeUser>>;

describe('the quality assurance audit pages', () => {
  let t: TestApp;
  const users = {} as Record<'lead' | 'manager' | 'hv' | 'policeLead', User>;
  const clients = {} as Record<keyof typeof users, WebClient>;
  const caseIds: string[] = [];
  let auditId: string;

  const denied = async (userId: string, action: string) =>
    (await t.ctx.db.selectFrom('audit_log').select('id').where('actor_user_id', '=', userId).where('action', '=', action).where('outcome', '=', 'denied').execute()).length;
  const yesToAll = () => Object.fromEntries(QUESTION_IDS.map((id) => [`answer-${id}`, 'yes']));

  before(async () => {
    t = await createTestApp();
    const health = await makeOrganisation(t.ctx, 'health-visiting');
    const police = await makeOrganisation(t.ctx, 'police');
    users.lead = await makeUser(t.ctx, { name: 'Lee Lead', role: 'safeguarding-lead', organisationId: health.id });
    users.manager = await makeUser(t.ctx, { role: 'manager', organisationId: health.id });
    users.hv = await makeUser(t.ctx, { organisationId: health.id });
    users.policeLead = await makeUser(t.ctx, { role: 'safeguarding-lead', organisationId: police.id });
    for (const name of ['Audited', 'Second']) caseIds.push((await makeCase(t.ctx, { familyName: name, teamUserIds: [users.hv.id] })).id);
    for (const [name, user] of Object.entries(users) as [keyof typeof users, User][]) clients[name] = await WebClient.signedIn(t.app, user);
  });
  after(async () => t.close());

  it('starts an audit of every case; a slip keeps what was typed; another organisation is refused with a 403, audited', async () => {
    const list = await clients.lead.get('/quality-audits');
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /data-qa="no-audits"/);
    assert.match(list.body, /href="\/quality-audits"[^>]*aria-current/, 'the menu shows where they are');
    const form = await clients.lead.get('/quality-audits/new');
    assert.equal(form.statusCode, 200);
    const slip = await clients.lead.post('/quality-audits/new', { scope: 'sample', sampleSize: 'twelve', seed: '77' });
    assert.equal(slip.statusCode, 400);
    assert.deepEqual(summaryErrors(slip.body), ['#sampleSize: The number of cases to sample must be a whole number, like 20.']);
    assert.match(slip.body, /name="sampleSize" type="text" value="twelve"|value="twelve"/);
    assert.match(slip.body, /value="77"/);
    const other = await clients.lead.post('/quality-audits/new', { scope: 'all', organisationId: 'another-organisation' });
    assert.equal(other.statusCode, 403);
    assert.deepEqual(summaryErrors(other.body), ["#scope: You can only audit your own organisation's cases."]);
    assert.equal(await denied(users.lead.id, 'quality-audit.start'), 1);
    const started = await clients.lead.post('/quality-audits/new', { scope: 'all' });
    assert.equal(started.statusCode, 303);
    auditId = String(started.headers.location).split('/').pop()!;
    const page = await clients.lead.get(`/quality-audits/${auditId}`);
    assert.match(textOf(qaElement(page.body, 'progress')), /^0 of 2 cases answered$/);
    assert.match(textOf(qaElement(page.body, 'audit-cases')), /Test Audited.*Test Second/);
  });

  it('shows what the record says beside each question; an error keeps every answer and note; saving goes to the next case', async () => {
    const url = `/quality-audits/${auditId}/cases/${caseIds[0]!}`;
    const form = await clients.lead.get(url);
    assert.equal(form.statusCode, 200);
    assert.equal(textOf(qaElement(form.body, 'says-supervision')), 'No supervision of the case is recorded.');
    assert.equal(textOf(qaElement(form.body, 'says-plan-checked')), 'There is no plan.');
    const typed = { ...yesToAll(), 'answer-father-assessed': 'no', 'note-seen-awake': 'Kept typed', 'answer-supervision': '' };
    const slip = await clients.lead.post(url, typed);
    assert.equal(slip.statusCode, 400);
    assert.deepEqual(summaryErrors(slip.body), ['#note-father-assessed: Say what is missing or wrong: the report lists it under the themes.', '#answer-supervision: Answer yes, no or not applicable.']);
    assert.match(slip.body, /Kept typed/);
    assert.match(slip.body, /name="answer-father-assessed" type="radio" value="no" checked/);
    const note = `Never ${'s'.repeat(11_000)}`;
    const tooLong = await clients.lead.post(url, { ...yesToAll(), 'note-seen-awake': note });
    assert.equal(tooLong.statusCode, 400);
    assert.deepEqual(summaryErrors(tooLong.body), ['#note-seen-awake: The note on “Has the baby been seen awake?” must be 2,000 characters or fewer: you have 11,006.']);
    assert.ok(tooLong.body.includes(`>${note}</textarea>`), 'the note comes back whole');
    const saved = await clients.lead.post(url, { ...typed, 'answer-supervision': 'no', 'note-supervision': '=HYPERLINK("x") never supervised', 'note-father-assessed': 'Father not known' });
    assert.equal(saved.statusCode, 303);
    assert.equal(saved.headers.location, `/quality-audits/${auditId}/cases/${caseIds[1]!}`);
    const last = await clients.lead.post(`/quality-audits/${auditId}/cases/${caseIds[1]!}`, { ...yesToAll(), 'answer-supervision': 'no', 'note-supervision': 'Overdue' });
    assert.equal(last.headers.location, `/quality-audits/${auditId}/report`, 'the last case answered goes to the results');
  });

  it('reports the counts and themes, printable, and a CSV file with formulas neutralised; a manager reads them', async () => {
    const report = await clients.manager.get(`/quality-audits/${auditId}/report`);
    assert.equal(report.statusCode, 200);
    assert.equal(textOf(qaElement(report.body, 'result-supervision')), 'Has the case been supervised within the period? 0 2 0 0 0% 100%');
    assert.equal(textOf(qaElement(report.body, 'result-father-assessed')), 'Have the father and any male carers been assessed? 1 1 0 0 50% 50%');
    const themes = textOf(qaElement(report.body, 'themes'));
    assert.match(themes, /^Has the case been supervised within the period\? No for 2 cases Test Audited ?: =HYPERLINK\("x"\) never supervised Test Second ?: Overdue Have the father/);
    const print = await clients.manager.get(`/quality-audits/${auditId}/report/print`);
    assert.equal(print.statusCode, 200);
    assert.match(print.body, /Printed by .* OFFICIAL-SENSITIVE/);
    const csv = await clients.manager.get(`/quality-audits/${auditId}/report.csv`);
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /^text\/csv/);
    assert.match(String(csv.headers['content-disposition']), /attachment; filename="quality-audit-\d{4}-\d{2}-\d{2}-[A-Za-z0-9]{1,8}\.csv"/);
    const [header, first] = csv.body.replace(/^\uFEFF/, '').split('\r\n');
    assert.match(header!, /^Position,Baby,Profile current,Profile current: note,Profile current: what the record said,Father assessed,/);
    assert.match(first!, /^1,Test Audited,Yes,,The profile has never been reviewed\.,No,Father not known,/);
    assert.match(first!, /,No,"'=HYPERLINK\(""x""\) never supervised",No supervision of the case is recorded\.$/);
    const readOnly = await clients.manager.get(`/quality-audits/${auditId}/cases/${caseIds[0]!}`);
    assert.equal(readOnly.statusCode, 200);
    assert.doesNotMatch(readOnly.body, /data-qa="save-answers"/);
    assert.match(textOf(qaElement(readOnly.body, 'given-supervision')), /^Answer: No: =HYPERLINK\("x"\) never supervised \(Lee Lead, /);
  });

  it("refuses a practitioner, a manager's start and another organisation's lead, each audited as denied, showing nothing of the audit", async () => {
    for (const [who, url, action] of [
      ['hv', '/quality-audits', 'quality-audit.list'],
      ['hv', '/quality-audits/new', 'quality-audit.start'],
      ['manager', '/quality-audits/new', 'quality-audit.start'],
      ['policeLead', `/quality-audits/${auditId}`, 'quality-audit.view'],
      ['policeLead', `/quality-audits/${auditId}/report.csv`, 'quality-audit.report'],
      ['policeLead', `/quality-audits/${auditId}/cases/${caseIds[0]!}`, 'quality-audit.case-view'],
    ] as const) {
      const before = await denied(users[who].id, action);
      const response = await clients[who].get(url);
      assert.equal(response.statusCode, 403, `${who} ${url}`);
      assert.doesNotMatch(response.body, /Test Audited|never supervised/);
      assert.equal(await denied(users[who].id, action), before + 1, `${who} ${url} audited`);
    }
    const post = await clients.manager.post(`/quality-audits/${auditId}/cases/${caseIds[0]!}`, yesToAll());
    assert.equal(post.statusCode, 403);
    assert.equal((await clients.lead.get('/quality-audits/no-such-audit')).statusCode, 404);
  });
});
