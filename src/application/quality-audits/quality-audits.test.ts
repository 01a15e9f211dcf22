// Quality assurance audits through the use cases (issue 16), on the test database (PGlite, or
// PostgreSQL with DATABASE_URL); days from the test clock. Which cases an audit takes (its
// organisation's, under one or unborn), the seed that draws a sample again, who is refused (audited
// as denied), what the record says beside each question, and answers stored and counted.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { actorFor, makeCase, makeOrganisation, makePerson, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { QUESTION_IDS } from '../../domain/quality-audits/audit-questions.ts';
import { addDays } from '../../domain/shared/calendar-date.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import { answerAuditCase, viewAuditCase } from './audit-case.ts';
import { startQualityAudit } from './start-quality-audit.ts';
import { listQualityAudits, qualityAuditReport, viewQualityAudit } from './view-quality-audits.ts';

type User = Awaited<ReturnType<typeof makeUser>>;

describe('quality assurance audits through the use cases', () => {
  let t: TestApp;
  let today: string;
  const users = {} as Record<'lead' | 'manager' | 'hv' | 'policeLead', User>;
  const babies: string[] = [];
  let olderId: string;
  let otherOrgCaseId: string;

  const audits = async (userId: string, action: string, outcome: string) =>
    (await t.ctx.db.selectFrom('audit_log').select(['id', 'case_id']).where('actor_user_id', '=', userId).where('action', '=', action).where('outcome', '=', outcome).execute());

  before(async () => {
    t = await createTestApp();
    today = serviceToday(t.clock.now());
    const health = await makeOrganisation(t.ctx, 'health-visiting');
    const police = await makeOrganisation(t.ctx, 'police');
    users.lead = await makeUser(t.ctx, { role: 'safeguarding-lead', organisationId: health.id });
    users.manager = await makeUser(t.ctx, { role: 'manager', organisationId: health.id });
    users.hv = await makeUser(t.ctx, { organisationId: health.id });
    users.policeLead = await makeUser(t.ctx, { role: 'safeguarding-lead', organisationId: police.id });
    for (const name of ['Ash', 'Birch', 'Cedar', 'Elm', 'Fir']) babies.push((await makeCase(t.ctx, { familyName: name, teamUserIds: [users.hv.id] })).id);
    await t.ctx.db.updateTable('cases').set({ status: 'unborn', date_of_birth: null, expected_delivery_date: addDays(today, 60) }).where('id', '=', babies[4]!).execute();
    olderId = (await makeCase(t.ctx, { familyName: 'Oak', teamUserIds: [users.hv.id] })).id;
    await t.ctx.db.updateTable('cases').set({ date_of_birth: addDays(today, -400) }).where('id', '=', olderId).execute();
    otherOrgCaseId = (await makeCase(t.ctx, { familyName: 'Policecase', teamUserIds: [users.policeLead.id] })).id;
    await makePerson(t.ctx, babies[0]!);
  });
  after(async () => t.close());

  it('takes every case of the organisation of a baby under one or unborn, in the order of their names', async () => {
    const started = await startQualityAudit(t.ctx, actorFor(users.lead), { scope: 'all' });
    assert.ok(started.ok);
    const view = await viewQualityAudit(t.ctx, actorFor(users.manager), started.value.auditId);
    assert.ok(view.ok);
    assert.deepEqual(view.value.cases.map((c) => c.babyName), ['Test Ash', 'Test Birch', 'Test Cedar', 'Test Elm', 'Unborn baby Fir']);
    assert.equal(view.value.audit.inScope, 5);
    assert.equal(view.value.canAnswer, false, 'a manager reads, a lead answers');
    const [entry] = await t.ctx.db.selectFrom('audit_log').select('details').where('action', '=', 'quality-audit.start').where('subject_id', '=', started.value.auditId).execute();
    assert.deepEqual(entry?.details, { scope: 'all', inScope: 5, cases: 5 });
  });

  it('draws a sample with a seed it keeps, and the same seed draws the same cases again', async () => {
    const first = await startQualityAudit(t.ctx, actorFor(users.lead), { scope: 'sample', sampleSize: '3' });
    assert.ok(first.ok);
    assert.equal(first.value.cases, 3);
    const audit = await viewQualityAudit(t.ctx, actorFor(users.lead), first.value.auditId);
    assert.ok(audit.ok);
    const seed = audit.value.audit.seed;
    assert.ok(seed !== null && seed >= 1);
    const again = await startQualityAudit(t.ctx, actorFor(users.lead), { scope: 'sample', sampleSize: '3', seed: String(seed) });
    assert.ok(again.ok);
    const second = await viewQualityAudit(t.ctx, actorFor(users.lead), again.value.auditId);
    assert.ok(second.ok);
    assert.deepEqual(second.value.cases.map((c) => c.caseId), audit.value.cases.map((c) => c.caseId));
    assert.ok(audit.value.cases.every((c) => babies.includes(c.caseId)), 'never the older baby or another organisation’s');
  });

  it("refuses a practitioner, a manager starting one, another organisation's cases and another organisation's audit, each audited as denied", async () => {
    for (const user of [users.hv, users.manager]) {
      const refused = await startQualityAudit(t.ctx, actorFor(user), { scope: 'all' });
      assert.equal(refused.ok ? 'ok' : refused.code, 'forbidden');
      assert.equal((await audits(user.id, 'quality-audit.start', 'denied')).length, 1);
    }
    const policeAudit = await startQualityAudit(t.ctx, actorFor(users.policeLead), { scope: 'all' });
    assert.ok(policeAudit.ok);
    const other = await startQualityAudit(t.ctx, actorFor(users.lead), { scope: 'all', organisationId: 'someone-else' });
    assert.ok(!other.ok && other.code === 'invalid' && other.refused);
    assert.equal((await audits(users.lead.id, 'quality-audit.start', 'denied')).length, 1);
    for (const look of [() => viewQualityAudit(t.ctx, actorFor(users.lead), policeAudit.value.auditId), () => qualityAuditReport(t.ctx, actorFor(users.lead), policeAudit.value.auditId, 'page'), () => viewAuditCase(t.ctx, actorFor(users.lead), policeAudit.value.auditId, otherOrgCaseId)]) {
      const refused = await look();
      assert.equal(refused.ok ? 'ok' : refused.code, 'forbidden');
    }
    assert.equal((await audits(users.lead.id, 'quality-audit.view', 'denied')).length, 1);
    assert.equal((await audits(users.lead.id, 'quality-audit.case-view', 'denied')).length, 1);
    const listed = await listQualityAudits(t.ctx, actorFor(users.hv));
    assert.equal(listed.ok ? 'ok' : listed.code, 'forbidden');
    const leads = await listQualityAudits(t.ctx, actorFor(users.lead));
    assert.ok(leads.ok && leads.value.canStart && !leads.value.audits.some((a) => a.id === policeAudit.value.auditId));
  });

  it('shows what the record says beside each question, as a look at the case; keeps nothing from a slip; stores and counts the answers', async () => {
    const started = await startQualityAudit(t.ctx, actorFor(users.lead), { scope: 'all' });
    assert.ok(started.ok);
    const { auditId } = started.value;
    const opened = await viewAuditCase(t.ctx, actorFor(users.lead), auditId, babies[0]!);
    assert.ok(opened.ok);
    assert.equal(opened.value.says['profile-current'].words, 'The profile has never been reviewed.');
    assert.equal(opened.value.says['father-assessed'].words, 'No father or other man around the baby is on the record.');
    assert.deepEqual(opened.value.says['plan-checked'], { suggests: 'not-applicable', words: 'There is no plan.' });
    assert.equal(opened.value.says.supervision.words, 'No supervision of the case is recorded.');
    assert.deepEqual([opened.value.place, opened.value.of, opened.value.nextUnanswered], [1, 5, babies[1]]);
    const looks = await audits(users.lead.id, 'quality-audit.case-view', 'success');
    assert.ok(looks.some((look) => look.case_id === babies[0]), 'a look at the case, with the case');

    const slip = await answerAuditCase(t.ctx, actorFor(users.lead), auditId, babies[0]!, { 'profile-current': { answer: 'no' } });
    assert.ok(!slip.ok && slip.code === 'invalid');
    assert.equal((await t.ctx.db.selectFrom('quality_audit_answers').select('question').where('audit_id', '=', auditId).execute()).length, 0);
    const byManager = await answerAuditCase(t.ctx, actorFor(users.manager), auditId, babies[0]!, {});
    assert.equal(byManager.ok ? 'ok' : byManager.code, 'forbidden');

    const answers = Object.fromEntries(QUESTION_IDS.map((id) => [id, { answer: 'yes', note: '' }]));
    const first = await answerAuditCase(t.ctx, actorFor(users.lead), auditId, babies[0]!, { ...answers, 'father-assessed': { answer: 'no', note: 'Father not known to anyone.' } });
    assert.deepEqual(first, { ok: true, value: { nextUnanswered: babies[1] } });
    // Answered again: the latest counts.
    await answerAuditCase(t.ctx, actorFor(users.lead), auditId, babies[0]!, { ...answers, 'father-assessed': { answer: 'no', note: 'Father not seen.' }, supervision: { answer: 'no', note: 'None since the birth.' } });
    await answerAuditCase(t.ctx, actorFor(users.lead), auditId, babies[1]!, { ...answers, 'father-assessed': { answer: 'no', note: 'Partner not checked.' } });
    const stored = await t.ctx.db.selectFrom('quality_audit_answers').selectAll().where('audit_id', '=', auditId).where('case_id', '=', babies[0]!).where('question', '=', 'father-assessed').executeTakeFirstOrThrow();
    assert.deepEqual([stored.answer, stored.note, stored.record_said], ['no', 'Father not seen.', 'No father or other man around the baby is on the record.']);
    const answered = await audits(users.lead.id, 'quality-audit.answer', 'success');
    assert.ok(answered.filter((a) => a.case_id === babies[0]).length === 2);

    const report = await qualityAuditReport(t.ctx, actorFor(users.manager), auditId, 'csv');
    assert.ok(report.ok);
    assert.deepEqual([report.value.results.cases, report.value.results.answered], [5, 2]);
    assert.deepEqual(report.value.results.themes.map((th) => `${th.id} ${String(th.no)}`), ['father-assessed 2', 'supervision 1']);
    const list = await listQualityAudits(t.ctx, actorFor(users.manager));
    assert.ok(list.ok);
    assert.equal(list.value.audits.find((a) => a.id === auditId)?.answered, 2);
  });

  it('says not found for an audit or a case not in it, audited as a failure', async () => {
    const missing = await viewQualityAudit(t.ctx, actorFor(users.lead), 'no-such-audit');
    assert.equal(missing.ok ? 'ok' : missing.code, 'not-found');
    const started = await startQualityAudit(t.ctx, actorFor(users.lead), { scope: 'all' });
    assert.ok(started.ok);
    const notIn = await viewAuditCase(t.ctx, actorFor(users.lead), started.value.auditId, olderId);
    assert.equal(notIn.ok ? 'ok' : notIn.code, 'not-found');
    assert.equal((await audits(users.lead.id, 'quality-audit.case-view', 'failure')).length, 1);
  });
});
