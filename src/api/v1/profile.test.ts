import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiTokenFor, makeCase, makePerson, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';

interface ProfileBody {
  version: number;
  catalogueVersion: number;
  factors: { factorId: string; personId?: string; status: string; derived: boolean; effectiveStatus: string; verified: boolean; conflict: boolean; version: number; evidence: { source: string }[] }[];
  findings: { id: string; severity: string; rationale: string; personIds: string[] }[];
  summary: { notAssessed: number; excluded: number; present: number; unverified: number; conflicts: number };
}

describe('profile API', () => {
  let t: TestApp;
  let caseId: string;
  const tokens: Record<string, string> = {};
  before(async () => {
    t = await createTestApp();
    const users: Record<string, string> = {};
    for (const name of ['lead', 'outsider']) {
      const user = await makeUser(t.ctx, { name: name === 'lead' ? 'Hana Visitor' : 'Out Sider' });
      users[name] = user.id;
      tokens[name] = await apiTokenFor(t.ctx, user.email);
    }
    ({ id: caseId } = await makeCase(t.ctx, { teamUserIds: [users['lead']!] }));
    await makePerson(t.ctx, caseId, { id: 'mum', history_checked: true });
  });
  after(async () => t.close());

  const call = (who: string, method: 'GET' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1/cases/${caseId}${url}`, headers: { authorization: `Bearer ${tokens[who]}` }, ...(payload ? { payload } : {}) });
  const profile = async () => (await call('lead', 'GET', '/profile')).json<ProfileBody>();
  const alcohol = (body: ProfileBody) => body.factors.find((f) => f.factorId === 'alcohol-misuse' && f.personId === 'mum')!;

  it('assumes risk: every factor starts not assessed, and the mother is an adult to assess', async () => {
    const body = await profile();
    assert.equal(body.catalogueVersion, 4);
    assert.equal(body.version, 0);
    const assessedByHand = body.factors.filter((f) => !f.derived);
    assert.ok(assessedByHand.length > 20);
    assert.deepEqual([...new Set(assessedByHand.map((f) => f.status))], ['not-assessed']);
    assert.ok(body.summary.notAssessed > 20);
    assert.equal(alcohol(body).status, 'not-assessed');
    assert.ok(body.findings.some((f) => f.id === 'adult-not-assessed' && f.personIds.includes('mum')));
  });

  it("shows an exclusion on the mother's own account as unverified, with the finding", async () => {
    const response = await call('lead', 'PUT', '/profile/factors/alcohol-misuse', {
      personId: 'mum',
      status: 'excluded',
      evidence: [{ source: 'carer-account', note: 'Says she does not drink' }],
      version: 0,
    });
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.json<{ version: number }>().version, 1);
    const body = await profile();
    assert.equal(body.version, 1);
    assert.equal(alcohol(body).effectiveStatus, 'unverified-exclusion');
    assert.equal(alcohol(body).verified, false);
    assert.ok(body.findings.some((f) => f.id === 'unverified-exclusion'));
  });

  it('shows a conflict when another source says otherwise, and raises conflicting-information', async () => {
    const response = await call('lead', 'PUT', '/profile/factors/alcohol-misuse', {
      personId: 'mum',
      status: 'excluded',
      evidence: [{ source: 'third-party', note: 'Her sister says she drinks heavily every evening', indicates: 'present', givenBy: 'her sister' }],
      version: 1,
    });
    assert.equal(response.statusCode, 200, response.body);
    const body = await profile();
    assert.equal(alcohol(body).conflict, true);
    assert.equal(alcohol(body).evidence.length, 2, 'evidence is added, never replaced');
    const finding = body.findings.find((f) => f.id === 'conflicting-information');
    assert.ok(finding);
    assert.match(finding.rationale, /Sarah Hart/);
  });

  it('answers a stale version with 409 and changes nothing', async () => {
    const response = await call('lead', 'PUT', '/profile/factors/alcohol-misuse', { personId: 'mum', status: 'present', detail: 'x', pattern: 'stable', evidence: [], version: 1 });
    assert.equal(response.statusCode, 409);
    assert.equal(alcohol(await profile()).status, 'excluded');
  });

  it('refuses derived factors, unknown factors, unknown people and missing detail with 422', async () => {
    const derived = await call('lead', 'PUT', '/profile/factors/prematurity', { status: 'present', detail: 'x', evidence: [], version: 0 });
    assert.equal(derived.statusCode, 422);
    assert.equal((await call('lead', 'PUT', '/profile/factors/astrology', { status: 'present', evidence: [], version: 0 })).statusCode, 422);
    assert.equal((await call('lead', 'PUT', '/profile/factors/mental-health', { personId: 'nobody', status: 'present', detail: 'x', evidence: [], version: 0 })).statusCode, 422);
    const noDetail = await call('lead', 'PUT', '/profile/factors/mental-health', { personId: 'mum', status: 'present', evidence: [], version: 0 });
    assert.equal(noDetail.statusCode, 422);
    assert.match(noDetail.body, /detail-needed/);
  });

  it('writes a profile version and an audit entry for each change', async () => {
    const versions = await t.ctx.db.selectFrom('profile_versions').select(['version', 'factor_id']).where('case_id', '=', caseId).orderBy('version').execute();
    assert.deepEqual(versions, [
      { version: 1, factor_id: 'alcohol-misuse' },
      { version: 2, factor_id: 'alcohol-misuse' },
    ]);
    const audit = await t.ctx.db.selectFrom('audit_log').select('outcome').where('action', '=', 'profile.factor-update').where('case_id', '=', caseId).execute();
    assert.equal(audit.filter((a) => a.outcome === 'success').length, 2);
  });

  it('refuses someone outside the team, reading or changing, and audits both', async () => {
    assert.equal((await call('outsider', 'GET', '/profile')).statusCode, 404);
    const put = await call('outsider', 'PUT', '/profile/factors/mental-health', { personId: 'mum', status: 'excluded', evidence: [{ source: 'observed', note: 'x' }], version: 0 });
    assert.equal(put.statusCode, 404);
    const denied = await t.ctx.db.selectFrom('audit_log').select('action').where('outcome', '=', 'denied').where('case_id', '=', caseId).execute();
    assert.deepEqual(denied.map((d) => d.action).sort(), ['profile.factor-update', 'profile.view']);
  });
});

describe('profile API: how a carer responds to stress', () => {
  let t: TestApp;
  let caseId: string;
  let token: string;
  before(async () => {
    t = await createTestApp();
    const lead = await makeUser(t.ctx, { name: 'Hana Visitor' });
    token = await apiTokenFor(t.ctx, lead.email);
    ({ id: caseId } = await makeCase(t.ctx, { teamUserIds: [lead.id] }));
    await makePerson(t.ctx, caseId, { id: 'mum', history_checked: true });
  });
  after(async () => t.close());

  const call = (method: 'GET' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1/cases/${caseId}${url}`, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
  const stressFactor = async () =>
    (await call('GET', '/profile')).json<{ factors: { factorId: string; personId?: string; responses?: string[]; version: number }[] }>().factors.find(
      (f) => f.factorId === 'harmful-stress-response' && f.personId === 'mum',
    );

  it('leaves responses out of factors that have none', async () => {
    const body = (await call('GET', '/profile')).json<{ factors: object[] }>();
    assert.ok(body.factors.every((f) => !('responses' in f)));
  });

  it('records harmful and helpful responses, shows them, and names the harmful ones in the finding', async () => {
    const saved = await call('PUT', '/profile/factors/harmful-stress-response', {
      personId: 'mum',
      status: 'present',
      responses: ['drinks-alcohol', 'seeks-help', 'anger-or-aggression'],
      evidence: [{ source: 'third-party', note: 'Her sister says she drinks and shouts when things go wrong', givenBy: 'her sister' }],
      version: 0,
    });
    assert.equal(saved.statusCode, 200, saved.body);
    assert.deepEqual(saved.json<{ responses: string[] }>().responses, ['drinks-alcohol', 'seeks-help', 'anger-or-aggression']);
    assert.deepEqual((await stressFactor())?.responses, ['drinks-alcohol', 'seeks-help', 'anger-or-aggression']);
    const hardship = await call('PUT', '/profile/factors/material-hardship', { status: 'present', detail: 'No money for gas', evidence: [], version: 0 });
    assert.equal(hardship.statusCode, 200, hardship.body);
    const findings = (await call('GET', '/profile')).json<{ findings: { id: string; rationale: string }[] }>().findings;
    const stress = findings.find((f) => f.id === 'stress-response');
    assert.match(stress?.rationale ?? '', /^Sarah Hart is known to respond to stress with anger or aggression and drinking, and the home is under pressure from /);
    assert.doesNotMatch(stress?.rationale ?? '', /asking for help/);
  });

  it('refuses an unknown response with 400, naming it, and changes nothing', async () => {
    const response = await call('PUT', '/profile/factors/harmful-stress-response', { personId: 'mum', status: 'present', responses: ['anger-or-aggression', 'shouting'], evidence: [], version: 1 });
    assert.equal(response.statusCode, 400);
    const { error } = response.json<{ error: { code: string; message: string; details: { path: string; message: string }[] } }>();
    assert.equal(error.code, 'validation-failed');
    assert.match(error.message, /"shouting" is not a known response to stress/);
    assert.deepEqual(error.details, [{ path: '/responses/1', message: '"shouting" is not a known response to stress' }]);
    assert.equal((await stressFactor())?.version, 1);
  });

  it('refuses responses on another factor, and an exclusion naming a harmful response, with 422', async () => {
    const elsewhere = await call('PUT', '/profile/factors/mental-health', { personId: 'mum', status: 'present', detail: 'Low mood', responses: ['withdraws-or-low-mood'], evidence: [], version: 0 });
    assert.equal(elsewhere.statusCode, 422);
    assert.match(elsewhere.body, /responses-not-expected/);
    const excluded = await call('PUT', '/profile/factors/harmful-stress-response', {
      personId: 'mum',
      status: 'excluded',
      responses: ['anger-or-aggression'],
      evidence: [{ source: 'agency-record', note: 'Nothing held', indicates: 'absent' }],
      version: 1,
    });
    assert.equal(excluded.statusCode, 422);
    assert.match(excluded.body, /harmful-response-but-excluded/);
  });

  it('accepts present with a harmful response and no detail', async () => {
    const response = await call('PUT', '/profile/factors/harmful-stress-response', { personId: 'mum', status: 'present', responses: ['rough-handling'], evidence: [], version: 1 });
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual((await stressFactor())?.responses, ['rough-handling']);
  });
});
