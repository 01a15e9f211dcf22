import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiTokenFor, makeCase, makeOrganisation, makePerson, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';

describe('profile history, decisions, review and level API', () => {
  let t: TestApp;
  let caseId: string;
  const tokens: Record<string, string> = {};
  const users: Record<string, string> = {};
  before(async () => {
    t = await createTestApp();
    for (const name of ['lead', 'outsider']) {
      const user = await makeUser(t.ctx, { name: name === 'lead' ? 'Hana Visitor' : 'Out Sider' });
      users[name] = user.id;
      tokens[name] = await apiTokenFor(t.ctx, user.email);
    }
    ({ id: caseId } = await makeCase(t.ctx, { teamUserIds: [users['lead']!] }));
    await makePerson(t.ctx, caseId, { id: 'mum', history_checked: true });
  });
  after(async () => t.close());

  const call = (who: string, method: 'GET' | 'PUT' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1/cases/${caseId}${url}`, headers: { authorization: `Bearer ${tokens[who]}` }, ...(payload ? { payload } : {}) });
  const present = (factorId: string, detail: string) => call('lead', 'PUT', `/profile/factors/${factorId}`, { status: 'present', detail, evidence: [], version: 0 });

  it('lists versions with who and why, and compares two', async () => {
    assert.equal((await present('unsafe-sleep', 'Sleeps on the sofa with dad')).statusCode, 200);
    assert.equal((await present('smoking-in-home', 'Both smoke indoors')).statusCode, 200);
    const history = await call('lead', 'GET', '/profile/versions');
    assert.equal(history.statusCode, 200);
    const body = history.json<{ version: number; versions: { version: number; kind: string; changedBy: string; factorId: string; findings: { id: string }[] }[] }>();
    assert.equal(body.version, 2);
    assert.deepEqual(body.versions.map((v) => [v.version, v.kind, v.factorId, v.changedBy]), [
      [2, 'factor', 'smoking-in-home', 'Hana Visitor'],
      [1, 'factor', 'unsafe-sleep', 'Hana Visitor'],
    ]);
    assert.ok(body.versions[0]!.findings.some((f) => f.id === 'unsafe-sleep-combination'));
    const compared = (await call('lead', 'GET', '/profile/compare?from=1&to=2')).json<{ factors: { factorId: string }[]; findings: { raised: { id: string }[] } }>();
    assert.deepEqual(compared.factors.map((f) => f.factorId), ['smoking-in-home']);
    assert.ok(compared.findings.raised.some((f) => f.id === 'unsafe-sleep-combination'));
    const same = await call('lead', 'GET', '/profile/compare?from=2&to=2');
    assert.equal(same.statusCode, 400);
    assert.equal(same.json<{ error: { code: string } }>().error.code, 'same-version');
    assert.equal((await call('lead', 'GET', '/profile/compare?from=0&to=7')).statusCode, 400);
    assert.equal((await call('lead', 'GET', '/profile/compare?from=x&to=1')).statusCode, 400);
  });

  it('refuses the review while the critical finding has no decision, then accepts it after one', async () => {
    const refused = await call('lead', 'POST', '/profile/review', { profileVersion: 2 });
    assert.equal(refused.statusCode, 409);
    const error = refused.json<{ error: { code: string; details: { path: string; message: string }[] } }>().error;
    assert.equal(error.code, 'decision-needed');
    // The critical and the high finding need a decision; the critical one suggests child protection, above universal.
    assert.deepEqual(error.details.map((d) => `${d.path} ${d.message}`), ['/findings unsafe-sleep-combination', '/findings baby-not-seen', '/level/suggested child-protection', '/level/findings unsafe-sleep-combination']);
    const audited = await t.ctx.db.selectFrom('audit_log').select('details').where('action', '=', 'profile.review').where('outcome', '=', 'denied').where('case_id', '=', caseId).executeTakeFirstOrThrow();
    assert.deepEqual((audited.details as { refused: string[] }).refused, ['decision-needed', 'level-below-findings']);

    const stale = await call('lead', 'POST', '/profile/decisions', { decision: 'strategy-discussion', reasoning: 'Unsafe sleep', leadConsulted: false, profileVersion: 1 });
    assert.equal(stale.statusCode, 409);
    const noLead = await call('lead', 'POST', '/profile/decisions', { decision: 'strategy-discussion', reasoning: 'Unsafe sleep', leadConsulted: true, profileVersion: 2 });
    assert.equal(noLead.statusCode, 400);
    assert.equal(noLead.json<{ error: { code: string } }>().error.code, 'lead-name-needed');
    const decided = await call('lead', 'POST', '/profile/decisions', { decision: 'strategy-discussion', reasoning: 'Unsafe sleep with smoking', leadConsulted: true, leadName: 'Sam Lead', profileVersion: 2 });
    assert.equal(decided.statusCode, 201);
    assert.equal(decided.json<{ version: number }>().version, 3);

    const listed = (await call('lead', 'GET', '/profile/decisions')).json<{ decisions: { decision: string; leadName: string; findings: { id: string }[] }[]; needingDecision: unknown[]; reviewDue: string | null }>();
    assert.equal(listed.decisions[0]?.decision, 'strategy-discussion');
    assert.equal(listed.decisions[0]?.leadName, 'Sam Lead');
    assert.deepEqual(listed.needingDecision, []);
    assert.equal(listed.reviewDue, null);

    const reviewed = await call('lead', 'POST', '/profile/review', { profileVersion: 3 });
    assert.equal(reviewed.statusCode, 200);
    assert.match((await call('lead', 'GET', '/profile/decisions')).json<{ reviewDue: string }>().reviewDue, /^\d{4}-\d{2}-\d{2}$/);
  });

  it('changes the level with a reason; the same level is a conflict, a missing reason a validation error', async () => {
    const refused = await call('lead', 'PUT', '/level', { level: 'child-protection', why: 'Conference decision' });
    assert.equal(refused.statusCode, 403, 'a health visitor does not record child protection');
    assert.equal(refused.json<{ error: { code: string } }>().error.code, 'level-not-allowed');
    const socialCare = await makeOrganisation(t.ctx, 'childrens-social-care');
    const socialWorker = await makeUser(t.ctx, { organisationId: socialCare.id });
    await t.ctx.db.insertInto('case_team').values({ case_id: caseId, user_id: socialWorker.id, role: 'member', added_at: t.clock.now(), added_by: null }).execute();
    tokens['social'] = await apiTokenFor(t.ctx, socialWorker.email);
    const noConference = await call('social', 'PUT', '/level', { level: 'child-protection', why: 'Conference decision' });
    assert.equal(noConference.statusCode, 409, 'child protection follows a conference with a plan');
    assert.equal(noConference.json<{ error: { code: string } }>().error.code, 'conference-needed');
    const meeting = (id: string, protectionPlan: boolean) => ({
      case_id: caseId, id, kind: 'initial-conference' as const, held_on: '2026-11-20', chair: 'Independent Chair', chair_independent: true, parents_present: true,
      attendees: JSON.stringify([{ name: 'Sam Social', agency: 'childrens-social-care' }]), invited_absent: '[]', decisions: JSON.stringify(['A plan']), dissent: null, actions: '[]',
      section47: null, protection_plan: protectionPlan, recorded_at: t.clock.now(), recorded_by: null, recorded_by_name: 'Sam Social',
    });
    await t.ctx.db.insertInto('case_meetings').values(meeting('m-no-plan', false)).execute();
    assert.equal((await call('social', 'PUT', '/level', { level: 'child-protection', why: 'Conference decision' })).statusCode, 409, 'a conference that decided no plan is a near miss');
    await t.ctx.db.insertInto('case_meetings').values(meeting('m-plan', true)).execute();
    const changed = await call('social', 'PUT', '/level', { level: 'child-protection', why: 'Conference decision' });
    assert.equal(changed.statusCode, 200);
    const version = await t.ctx.db.selectFrom('profile_versions').select('change').where('case_id', '=', caseId).where('kind', '=', 'level').orderBy('version', 'desc').executeTakeFirstOrThrow();
    assert.equal(version.change['summary'], 'Level changed from universal to child protection following the initial child protection conference of 20 November 2026');
    const conferenceRefusals = await t.ctx.db.selectFrom('audit_log').select('details').where('action', '=', 'case.level-change').where('outcome', '=', 'denied').where('case_id', '=', caseId).execute();
    assert.deepEqual(conferenceRefusals.map((r) => (r.details as { reason: string }).reason), ['statutory-level', 'no-conference', 'no-conference']);
    assert.equal((await call('social', 'PUT', '/level', { level: 'child-protection', why: 'again' })).statusCode, 409);
    assert.equal((await call('social', 'PUT', '/level', { level: 'child-protection' })).statusCode, 400);
    assert.equal((await call('social', 'PUT', '/level', { level: 'unheard-of', why: 'x' })).statusCode, 400);
  });

  it('refuses someone outside the team on every route, and audits it', async () => {
    const statuses = [
      (await call('outsider', 'GET', '/profile/versions')).statusCode,
      (await call('outsider', 'GET', '/profile/compare?from=0&to=1')).statusCode,
      (await call('outsider', 'GET', '/profile/decisions')).statusCode,
      (await call('outsider', 'POST', '/profile/decisions', { decision: 'no-further-action', reasoning: 'x', leadConsulted: false, profileVersion: 0 })).statusCode,
      (await call('outsider', 'POST', '/profile/review', { profileVersion: 0 })).statusCode,
      (await call('outsider', 'PUT', '/level', { level: 'universal', why: 'x' })).statusCode,
    ];
    assert.deepEqual(statuses, [404, 404, 404, 404, 404, 404]);
    const denied = await t.ctx.db.selectFrom('audit_log').select('action').where('case_id', '=', caseId).where('outcome', '=', 'denied').where('actor_user_id', '=', users['outsider']!).execute();
    assert.equal(denied.length, 6);
  });
});
