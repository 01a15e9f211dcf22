// The quality audit API, read-only: the organisation's audits with how far each has got, one audit's
// results with the themes and every case's answers, each reply as its published schema says; a
// practitioner, another organisation's safeguarding lead and an administrator refused (403,
// audited), an audit that does not exist 404.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { actorFor, apiTokenFor, makeCase, makeOrganisation, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { answerAuditCase } from '../../application/quality-audits/audit-case.ts';
import { startQualityAudit } from '../../application/quality-audits/start-quality-audit.ts';
import { QUESTION_IDS } from '../../domain/quality-audits/audit-questions.ts';

type Who = 'lead' | 'manager' | 'practitioner' | 'otherLead' | 'admin';

describe('the quality audit API', () => {
  let t: TestApp;
  let auditId: string;
  let answeredCase: string;
  const ids = {} as Record<Who, string>;
  const tokens = {} as Record<Who, string>;

  before(async () => {
    t = await createTestApp();
    const health = await makeOrganisation(t.ctx, 'health-visiting', 'Audit Health Visiting');
    const police = await makeOrganisation(t.ctx, 'police');
    const users = {
      lead: await makeUser(t.ctx, { role: 'safeguarding-lead', organisationId: health.id, name: 'Lou Lead' }),
      manager: await makeUser(t.ctx, { role: 'manager', organisationId: health.id }),
      practitioner: await makeUser(t.ctx, { organisationId: health.id }),
      otherLead: await makeUser(t.ctx, { role: 'safeguarding-lead', organisationId: police.id }),
      admin: await makeUser(t.ctx, { role: 'admin' }),
    };
    for (const [who, user] of Object.entries(users) as [Who, (typeof users)[Who]][]) {
      ids[who] = user.id;
      tokens[who] = await apiTokenFor(t.ctx, user.email);
    }
    ({ id: answeredCase } = await makeCase(t.ctx, { familyName: 'Ash', teamUserIds: [users.practitioner.id] }));
    await makeCase(t.ctx, { familyName: 'Birch', teamUserIds: [users.practitioner.id] });
    const started = await startQualityAudit(t.ctx, actorFor(users.lead), { scope: 'all' });
    assert.ok(started.ok);
    auditId = started.value.auditId;
    const answers = Object.fromEntries(QUESTION_IDS.map((id) => [id, { answer: 'yes', note: '' }]));
    const answered = await answerAuditCase(t.ctx, actorFor(users.lead), auditId, answeredCase, { ...answers, 'father-assessed': { answer: 'no', note: 'Father not seen.' } });
    assert.ok(answered.ok, JSON.stringify(answered));
  });
  after(async () => t.close());

  const get = (who: Who, url: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { authorization: `Bearer ${tokens[who]}` } });
  const lastAudit = async (who: Who) => t.ctx.db.selectFrom('audit_log').select(['action', 'outcome']).where('actor_user_id', '=', ids[who]).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();

  it('lists the organisation’s audits with how far each has got, for its safeguarding leads and managers', async () => {
    for (const who of ['lead', 'manager'] as const) {
      const response = await get(who, '/quality-audits');
      assert.equal(response.statusCode, 200, response.body);
      const { items } = response.json<{ items: { id: string; scope: string; inScope: number; cases: number; answered: number; startedBy: string; organisationName: string }[] }>();
      assert.deepEqual(items.map((a) => [a.id, a.scope, a.inScope, a.cases, a.answered, a.startedBy, a.organisationName]), [[auditId, 'all', 2, 2, 1, 'Lou Lead', 'Audit Health Visiting']]);
      assert.deepEqual(await lastAudit(who), { action: 'quality-audit.list', outcome: 'success' });
    }
  });

  it('answers one audit’s results: each question, the themes, and every case with its answers', async () => {
    const response = await get('manager', `/quality-audits/${auditId}`);
    assert.equal(response.statusCode, 200, response.body);
    const body = response.json<{
      audit: { id: string };
      results: { cases: number; answered: number; questions: { id: string; yes: number; no: number; notAnswered: number; percentNo: number | null }[]; themes: { id: string; no: number; cases: { caseId: string; note: string }[] }[] };
      cases: { caseId: string; babyName: string; position: number; answers: Record<string, { answer: string; note: string }> }[];
    }>();
    assert.equal(body.audit.id, auditId);
    assert.deepEqual([body.results.cases, body.results.answered], [2, 1]);
    const father = body.results.questions.find((q) => q.id === 'father-assessed');
    assert.deepEqual([father?.yes, father?.no, father?.notAnswered, father?.percentNo], [0, 1, 1, 100]);
    assert.deepEqual(body.results.themes.map((th) => [th.id, th.no, th.cases.map((c) => [c.caseId, c.note])]), [['father-assessed', 1, [[answeredCase, 'Father not seen.']]]]);
    assert.deepEqual(body.cases.map((c) => [c.babyName, c.position, Object.keys(c.answers).length]), [['Test Ash', 0, QUESTION_IDS.length], ['Test Birch', 1, 0]]);
    assert.deepEqual(await lastAudit('manager'), { action: 'quality-audit.report', outcome: 'success' });
  });

  it('refuses a practitioner, another organisation’s safeguarding lead and an administrator (403, audited), and answers 404 for an audit that does not exist', async () => {
    for (const who of ['practitioner', 'admin'] as const) {
      const response = await get(who, '/quality-audits');
      assert.equal(response.statusCode, 403, who);
      assert.equal(response.json<{ error: { code: string } }>().error.code, 'not-allowed');
      assert.deepEqual(await lastAudit(who), { action: 'quality-audit.list', outcome: 'denied' });
    }
    for (const who of ['practitioner', 'otherLead', 'admin'] as const) {
      const response = await get(who, `/quality-audits/${auditId}`);
      assert.equal(response.statusCode, 403, who);
      assert.doesNotMatch(response.body, /Ash|Birch|Father not seen/);
      assert.deepEqual(await lastAudit(who), { action: 'quality-audit.report', outcome: 'denied' });
    }
    assert.deepEqual((await get('otherLead', '/quality-audits')).json<{ items: unknown[] }>().items, [], 'another organisation’s lead sees only their own (none)');
    assert.equal((await get('lead', '/quality-audits/no-such-audit')).statusCode, 404);
  });
});
