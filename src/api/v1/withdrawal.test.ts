import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ApiErrorBody } from '../../../test/helpers/case-api.ts';
import { apiTokenFor, makeCase, makeOrganisation, makePerson, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { sealAuditTrail } from '../../infrastructure/audit/audit-seal.ts';
import { verifyAuditChain } from '../../infrastructure/audit/verify-audit-chain.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';

type Who = 'lead' | 'member' | 'safeguardingLead' | 'leadManager' | 'otherManager';

describe('withdrawing a record made in error (API)', () => {
  let t: TestApp;
  let caseId: string;
  let untouched: string;
  const ids = {} as Record<Who, string>;
  const tokens = {} as Record<Who, string>;

  before(async () => {
    t = await createTestApp();
    const health = await makeOrganisation(t.ctx, 'health-visiting');
    const police = await makeOrganisation(t.ctx, 'police');
    const made: Record<Who, Awaited<ReturnType<typeof makeUser>>> = {
      lead: await makeUser(t.ctx, { organisationId: health.id, role: 'safeguarding-lead' }),
      member: await makeUser(t.ctx, { organisationId: police.id }),
      safeguardingLead: await makeUser(t.ctx, { organisationId: police.id, role: 'safeguarding-lead' }),
      leadManager: await makeUser(t.ctx, { organisationId: health.id, role: 'manager' }),
      otherManager: await makeUser(t.ctx, { organisationId: (await makeOrganisation(t.ctx, 'housing')).id, role: 'manager' }),
    };
    for (const [who, user] of Object.entries(made) as [Who, (typeof made)[Who]][]) {
      ids[who] = user.id;
      tokens[who] = await apiTokenFor(t.ctx, user.email);
    }
    ({ id: caseId } = await makeCase(t.ctx, { familyName: 'Wrongbaby', teamUserIds: [ids.lead, ids.member] }));
    ({ id: untouched } = await makeCase(t.ctx, { familyName: 'Rightbaby', teamUserIds: [ids.lead, ids.member] }));
    const { id: motherId } = await makePerson(t.ctx, caseId, { given_name: 'Priya', family_name: 'Wrongbaby' });
    const today = serviceToday(t.clock.now());
    // An injury to a baby too young to move raises alerts for the team; a dispute sits beside it.
    const injury = await call('member', 'POST', 'events', { kind: 'injury-observed', occurredAt: today, summary: 'Bruise on the cheek', source: 'observed', personIds: [motherId] });
    assert.equal(injury.statusCode, 201, injury.body);
    assert.ok(injury.json<{ alerts: unknown[] }>().alerts.length > 0);
    const entryId = injury.json<{ id: string }>().id;
    assert.equal((await call('lead', 'POST', `events/${entryId}/disputes`, { disputedBy: 'the mother', text: 'She fell against the cot' })).statusCode, 201);
    await call('lead', 'GET', 'events', undefined, untouched);
  });
  after(async () => t.close());

  function call(who: Who, method: 'GET' | 'POST', path: string, payload?: object, theCase = caseId) {
    return t.app.inject({ method, url: `/api/v1/cases/${theCase}/${path}`, headers: { authorization: `Bearer ${tokens[who]}` }, ...(payload ? { payload } : {}) });
  }
  const audits = async (action: string) => (await t.ctx.db.selectFrom('audit_log').select(['outcome', 'actor_user_id', 'details']).where('action', '=', action).where('case_id', '=', caseId).orderBy('seq').execute()).map((a) => [a.outcome, a.actor_user_id, (a.details as { reason?: string }).reason]);
  const proposals = async () => (await t.ctx.db.selectFrom('case_withdrawals').select('case_id').execute()).length;

  it('refuses, audited and changing nothing: a confirmation with nothing proposed, a proposal by anyone but the lead, a reason left blank', async () => {
    const none = await call('safeguardingLead', 'POST', 'withdrawal/confirm');
    assert.equal(none.statusCode, 409);
    assert.equal(none.json<ApiErrorBody>().error.code, 'no-proposal');
    for (const who of ['member', 'safeguardingLead'] as const) {
      const response = await call(who, 'POST', 'withdrawal', { reason: 'Wrong baby' });
      assert.equal(response.statusCode, 403, who);
      assert.equal(response.json<ApiErrorBody>().error.code, 'not-lead-professional');
    }
    const blank = await call('lead', 'POST', 'withdrawal', { reason: '   ' });
    assert.equal(blank.statusCode, 422);
    assert.deepEqual(blank.json<ApiErrorBody>().error.details?.map((d) => d.path), ['/reason']);
    assert.equal(await proposals(), 0);
    assert.deepEqual(await audits('case.withdrawal-confirm'), [['denied', ids.safeguardingLead, 'no-proposal']]);
    assert.deepEqual(await audits('case.withdrawal-propose'), [
      ['denied', ids.member, 'not-lead-professional'],
      ['denied', ids.safeguardingLead, 'not-lead-professional'],
      ['failure', ids.lead, 'reason-missing'],
    ]);
  });

  it('takes the lead professional’s proposal (201), refuses a second, and refuses confirmation by the proposer, a practitioner, or a manager outside the team’s organisations', async () => {
    const proposed = await call('lead', 'POST', 'withdrawal', { reason: 'Created for the wrong baby: the twin has the right record' });
    assert.equal(proposed.statusCode, 201, proposed.body);
    assert.equal(proposed.json<{ proposedBy: string }>().proposedBy, ids.lead);
    assert.equal((await call('lead', 'POST', 'withdrawal', { reason: 'Again' })).json<ApiErrorBody>().error.code, 'already-proposed');
    const self = await call('lead', 'POST', 'withdrawal/confirm');
    assert.equal(self.statusCode, 403);
    assert.equal(self.json<ApiErrorBody>().error.code, 'same-person');
    assert.equal((await call('member', 'POST', 'withdrawal/confirm')).json<ApiErrorBody>().error.code, 'not-entitled');
    assert.equal((await call('otherManager', 'POST', 'withdrawal/confirm')).statusCode, 404, 'outside the team: answered as no such case');
    assert.equal((await call('lead', 'GET', 'events')).statusCode, 200);
    assert.deepEqual((await audits('case.withdrawal-confirm')).slice(1).map(([outcome, who]) => [outcome, who]), [
      ['denied', ids.lead],
      ['denied', ids.member],
      ['denied', ids.otherManager],
    ]);
  });

  it('on a second person’s confirmation (200) the case answers 404 to everyone, its rows are gone, its alerts are withdrawn by email, and the audit chain verifies with its tombstone', async () => {
    const recipients = await t.ctx.db.selectFrom('alerts').innerJoin('alert_recipients', 'alert_recipients.alert_id', 'alerts.id').select('alert_recipients.user_id').where('alerts.case_id', '=', caseId).execute();
    assert.ok(recipients.length > 0);
    const confirmed = await call('leadManager', 'POST', 'withdrawal/confirm');
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    const body = confirmed.json<{ withdrawn: boolean; alertsWithdrawn: number; emailsSent: number }>();
    assert.equal(body.withdrawn, true);
    assert.ok(body.alertsWithdrawn > 0);
    assert.equal(body.emailsSent, new Set(recipients.map((r) => r.user_id)).size);

    for (const who of ['lead', 'member', 'safeguardingLead', 'leadManager'] as const) {
      for (const path of ['', 'events', 'profile', 'people']) assert.equal((await call(who, 'GET', path)).statusCode, 404, `${who} ${path}`);
    }
    assert.equal((await call('lead', 'POST', 'withdrawal', { reason: 'x' })).statusCode, 404);
    for (const table of ['cases', 'people', 'chronology_entries', 'chronology_disputes', 'alerts', 'case_team', 'profile_versions', 'case_withdrawals'] as const) {
      const column = table === 'cases' ? 'id' : 'case_id';
      assert.equal((await t.ctx.db.selectFrom(table).select(column).where(column, '=', caseId).execute()).length, 0, table);
    }
    const search = await t.app.inject({ method: 'GET', url: '/api/v1/cases?name=Wrongbaby', headers: { authorization: `Bearer ${tokens.lead}` } });
    assert.doesNotMatch(search.body, /Wrongbaby|Priya/);
    assert.equal((await call('lead', 'GET', 'events', undefined, untouched)).statusCode, 200);

    const mail = await t.ctx.db.selectFrom('outbox').select(['subject', 'body', 'alert_id']).where('subject', 'like', 'Alert%withdrawn%').execute();
    assert.equal(mail.length, body.emailsSent);
    for (const email of mail) {
      assert.equal(email.alert_id, null);
      assert.match(email.body, /withdrawn by two people/);
      assert.doesNotMatch(email.body, /Wrongbaby|Priya|Bruise/);
    }

    const tombstone = await t.ctx.db.selectFrom('audit_log').select(['actor_user_id', 'details']).where('action', '=', 'case.withdrawn').where('case_id', '=', caseId).executeTakeFirstOrThrow();
    const details = tombstone.details as { proposedBy: string; confirmedBy: string; removed: Record<string, number>; redaction: { entries: number } };
    assert.deepEqual([tombstone.actor_user_id, details.proposedBy, details.confirmedBy], [ids.leadManager, ids.lead, ids.leadManager]);
    assert.equal(details.removed['cases'], 1);
    assert.equal(details.removed['chronology_disputes'], 1);
    assert.ok(details.redaction.entries > 0);
    const about = await t.ctx.db.selectFrom('audit_log').select('details').where('case_id', '=', caseId).where('action', '<>', 'case.withdrawn').where('redacted_by', 'is', null).execute();
    assert.deepEqual(about.map((a) => Object.keys(a.details as object).filter((k) => k !== 'alertsWithdrawn' && k !== 'emails')), about.map(() => []));
    await sealAuditTrail(t.ctx.db, t.ctx.auditKeys, { wait: true });
    assert.equal((await verifyAuditChain(t.ctx.db, t.ctx.auditKeys)).intact, true);
  });
});
