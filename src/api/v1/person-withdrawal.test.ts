import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ApiErrorBody } from '../../../test/helpers/case-api.ts';
import { apiTokenFor, makeCase, makeOrganisation, makePerson, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { sealAuditTrail } from '../../infrastructure/audit/audit-seal.ts';
import { verifyAuditChain } from '../../infrastructure/audit/verify-audit-chain.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';

type Who = 'lead' | 'member' | 'safeguardingLead' | 'leadManager' | 'otherManager';

describe('withdrawing a person added to the wrong family (API)', () => {
  let t: TestApp;
  let caseId: string;
  let motherId: string;
  let wrongId: string;
  let bothEntryId: string;
  let onlyEntryId: string;
  const ids = {} as Record<Who, string>;
  const tokens = {} as Record<Who, string>;

  before(async () => {
    t = await createTestApp();
    const health = await makeOrganisation(t.ctx, 'health-visiting');
    const police = await makeOrganisation(t.ctx, 'police');
    const made: Record<Who, Awaited<ReturnType<typeof makeUser>>> = {
      lead: await makeUser(t.ctx, { organisationId: health.id }),
      member: await makeUser(t.ctx, { organisationId: police.id }),
      safeguardingLead: await makeUser(t.ctx, { organisationId: police.id, role: 'safeguarding-lead' }),
      leadManager: await makeUser(t.ctx, { organisationId: health.id, role: 'manager' }),
      otherManager: await makeUser(t.ctx, { organisationId: (await makeOrganisation(t.ctx, 'housing')).id, role: 'manager' }),
    };
    for (const [who, user] of Object.entries(made) as [Who, (typeof made)[Who]][]) {
      ids[who] = user.id;
      tokens[who] = await apiTokenFor(t.ctx, user.email);
    }
    ({ id: caseId } = await makeCase(t.ctx, { familyName: 'Rightfamily', teamUserIds: [ids.lead, ids.member] }));
    ({ id: motherId } = await makePerson(t.ctx, caseId, { given_name: 'Priya', family_name: 'Rightfamily', history_checked: true }));
    ({ id: wrongId } = await makePerson(t.ctx, caseId, { given_name: 'Wendel', family_name: 'Wrongfamily', nhs_number: '9434765919', relationship_to_infant: 'father', history_checked: true }));
    await t.ctx.db.insertInto('person_relationships').values({ case_id: caseId, id: 'link-1', person_id: motherId, other_person_id: wrongId, kind: 'partners', created_at: t.clock.now(), created_by: ids.lead }).execute();
    const today = serviceToday(t.clock.now());
    const only = await call('member', 'POST', 'events', { kind: 'police-domestic-abuse-incident', occurredAt: today, summary: 'Wendel arrested at his own flat', source: 'agency-record', personIds: [wrongId], victimIds: [wrongId] });
    assert.equal(only.statusCode, 201, only.body);
    assert.ok(only.json<{ alerts: unknown[] }>().alerts.length > 0, 'the incident raises alerts');
    onlyEntryId = only.json<{ id: string }>().id;
    assert.equal((await call('lead', 'POST', `events/${onlyEntryId}/disputes`, { disputedBy: 'Wendel', text: 'Not this family' })).statusCode, 201);
    const both = await call('member', 'POST', 'events', { kind: 'case-note', occurredAt: today, summary: 'Home visit, both adults present', source: 'observed', personIds: [motherId, wrongId] });
    assert.equal(both.statusCode, 201, both.body);
    bothEntryId = both.json<{ id: string }>().id;
    const version = (await call('lead', 'GET', 'profile')).json<{ version: number }>().version;
    const assessed = await call('lead', 'PUT', `profile/subjects/${wrongId}`, { profileVersion: version, evidence: { source: 'agency-record', note: 'Police record of Wendel checked' }, answers: [{ factorId: 'mental-health', status: 'present', detail: 'Wendel: depression' }] });
    assert.equal(assessed.statusCode, 200, assessed.body);
  });
  after(async () => t.close());

  function call(who: Who, method: 'GET' | 'POST' | 'PUT', path: string, payload?: object) {
    return t.app.inject({ method, url: `/api/v1/cases/${caseId}/${path}`, headers: { authorization: `Bearer ${tokens[who]}` }, ...(payload ? { payload } : {}) });
  }
  const person = (id: string) => `people/${id}/withdrawal`;
  const audits = async (action: string) =>
    (await t.ctx.db.selectFrom('audit_log').select(['outcome', 'actor_user_id', 'details']).where('action', '=', action).where('case_id', '=', caseId).orderBy('seq').execute()).map((a) => [a.outcome, a.actor_user_id, (a.details as { reason?: string }).reason]);
  const proposals = async () => (await t.ctx.db.selectFrom('person_withdrawals').select('person_id').execute()).length;

  it('refuses, audited and changing nothing: nothing proposed, a proposal by anyone but the lead, a blank reason, a person not on the case', async () => {
    const none = await call('safeguardingLead', 'POST', `${person(wrongId)}/confirm`);
    assert.equal(none.statusCode, 409);
    assert.equal(none.json<ApiErrorBody>().error.code, 'no-proposal');
    for (const who of ['member', 'safeguardingLead'] as const) {
      const response = await call(who, 'POST', person(wrongId), { reason: 'Wrong family' });
      assert.equal(response.statusCode, 403, who);
      assert.equal(response.json<ApiErrorBody>().error.code, 'not-lead-professional');
    }
    const blank = await call('lead', 'POST', person(wrongId), { reason: '   ' });
    assert.equal(blank.statusCode, 422);
    assert.deepEqual(blank.json<ApiErrorBody>().error.details?.map((d) => d.path), ['/reason']);
    const stranger = await call('lead', 'POST', person('no-such-person'), { reason: 'Wrong family' });
    assert.equal(stranger.statusCode, 404);
    assert.equal(stranger.json<ApiErrorBody>().error.code, 'not-on-case');
    assert.equal((await call('leadManager', 'POST', `${person('no-such-person')}/confirm`)).json<ApiErrorBody>().error.code, 'not-on-case');
    assert.equal((await call('otherManager', 'POST', person(wrongId), { reason: 'x' })).statusCode, 404, 'outside the team: refused by the case’s access, answered as no such case');
    assert.equal(await proposals(), 0);
    assert.deepEqual(await audits('person.withdrawal-confirm'), [
      ['denied', ids.safeguardingLead, 'no-proposal'],
      ['denied', ids.leadManager, 'not-on-case'],
    ]);
    assert.deepEqual((await audits('person.withdrawal-propose')).map(([outcome, who, reason]) => [outcome, who, reason]), [
      ['denied', ids.member, 'not-lead-professional'],
      ['denied', ids.safeguardingLead, 'not-lead-professional'],
      ['failure', ids.lead, 'reason-missing'],
      ['denied', ids.lead, 'not-on-case'],
      ['denied', ids.otherManager, undefined],
    ]);
  });

  it('takes the lead professional’s proposal (201), refuses a second, and refuses confirmation by the proposer, a practitioner or a manager outside the team’s organisations', async () => {
    const proposed = await call('lead', 'POST', person(wrongId), { reason: 'The neighbour’s partner, added to this family by mistake' });
    assert.equal(proposed.statusCode, 201, proposed.body);
    assert.deepEqual([proposed.json<{ personId: string }>().personId, proposed.json<{ proposedBy: string }>().proposedBy], [wrongId, ids.lead]);
    assert.equal((await call('lead', 'POST', person(wrongId), { reason: 'Again' })).json<ApiErrorBody>().error.code, 'already-proposed');
    const self = await call('lead', 'POST', `${person(wrongId)}/confirm`);
    assert.equal(self.statusCode, 403);
    assert.equal(self.json<ApiErrorBody>().error.code, 'same-person');
    assert.equal((await call('member', 'POST', `${person(wrongId)}/confirm`)).json<ApiErrorBody>().error.code, 'not-entitled');
    assert.equal((await call('otherManager', 'POST', `${person(wrongId)}/confirm`)).statusCode, 404);
    assert.equal(await proposals(), 1);
    assert.equal((await call('lead', 'GET', 'people')).json<{ items: { id: string }[] }>().items.length, 2, 'nothing hidden until it is confirmed');
  });

  it('on a second person’s confirmation (200) removes the person, their factors, links and the entries only about them, re-evaluates the profile, withdraws their alerts by email, and leaves a tombstone the chain verifies with', async () => {
    const recipients = await t.ctx.db.selectFrom('alerts').innerJoin('alert_recipients', 'alert_recipients.alert_id', 'alerts.id').select('alert_recipients.user_id').where('alerts.entry_id', '=', onlyEntryId).execute();
    assert.ok(recipients.length > 0);
    const versionBefore = (await call('lead', 'GET', 'profile')).json<{ version: number }>().version;
    const confirmed = await call('leadManager', 'POST', `${person(wrongId)}/confirm`);
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    const body = confirmed.json<{ withdrawn: boolean; entriesRemoved: number; alertsWithdrawn: number; emailsSent: number; profileVersion: number }>();
    assert.deepEqual([body.withdrawn, body.entriesRemoved, body.profileVersion], [true, 1, versionBefore + 1]);
    assert.ok(body.alertsWithdrawn > 0);
    assert.equal(body.emailsSent, new Set(recipients.map((r) => r.user_id)).size);

    const people = (await call('lead', 'GET', 'people')).json<{ items: { id: string }[] }>().items.map((p) => p.id);
    assert.deepEqual(people, [motherId]);
    const events = (await call('lead', 'GET', 'events')).json<{ events: { id: string }[] }>().events.map((e) => e.id);
    assert.ok(events.includes(bothEntryId), 'an entry naming someone else too stays');
    assert.ok(!events.includes(onlyEntryId), 'an entry only about them is gone');
    const profile = await call('lead', 'GET', 'profile');
    assert.equal(profile.json<{ version: number }>().version, versionBefore + 1);
    assert.ok(!profile.json<{ factors: { personId?: string }[] }>().factors.some((f) => f.personId === wrongId));
    for (const path of ['', 'people', 'profile', 'events']) assert.doesNotMatch((await call('lead', 'GET', path)).body, /Wendel|Wrongfamily|9434765919/, path);
    const fhir = await t.app.inject({ method: 'GET', url: `/api/v1/fhir/Patient/${caseId}/$everything`, headers: { authorization: `Bearer ${tokens.lead}` } });
    assert.equal(fhir.statusCode, 200);
    assert.doesNotMatch(fhir.body, /Wendel|Wrongfamily|9434765919/);
    for (const [table, column] of [['person_relationships', 'other_person_id'], ['profile_assessments', 'subject_key'], ['profile_evidence', 'subject_key'], ['person_withdrawals', 'person_id'], ['people', 'id']] as const) {
      assert.equal((await t.ctx.db.selectFrom(table).select('case_id').where(column, '=', wrongId).execute()).length, 0, table);
    }
    assert.equal((await t.ctx.db.selectFrom('chronology_disputes').select('id').where('entry_id', '=', onlyEntryId).execute()).length, 0);
    assert.equal((await t.ctx.db.selectFrom('alerts').select('id').where('entry_id', '=', onlyEntryId).execute()).length, 0);

    const mail = await t.ctx.db.selectFrom('outbox').select(['subject', 'body']).where('subject', 'like', 'Alert%withdrawn: a person%').execute();
    assert.equal(mail.length, body.emailsSent);
    for (const email of mail) assert.doesNotMatch(email.body, /Wendel|Wrongfamily|arrested/);

    const tombstone = await t.ctx.db.selectFrom('audit_log').select(['actor_user_id', 'subject_id', 'details']).where('action', '=', 'person.withdrawn').executeTakeFirstOrThrow();
    const details = tombstone.details as { proposedBy: string; confirmedBy: string; removed: Record<string, number>; redaction: { entries: number } };
    assert.deepEqual([tombstone.actor_user_id, tombstone.subject_id, details.proposedBy, details.confirmedBy], [ids.leadManager, wrongId, ids.lead, ids.leadManager]);
    assert.deepEqual([details.removed['people'], details.removed['chronology_entries'], details.removed['person_relationships']], [1, 1, 1]);
    assert.ok(details.redaction.entries > 0);
    const naming = await t.ctx.db.selectFrom('audit_log').select('action').where('redacted_by', 'is', null).where('action', '<>', 'person.withdrawn').where('action', '<>', 'person.withdrawal-confirm').execute();
    const stillNaming = await t.ctx.db.selectFrom('audit_log').select('action').where('redacted_by', 'is', null).where('subject_id', '=', wrongId).where('action', 'not in', ['person.withdrawn', 'person.withdrawal-confirm']).execute();
    assert.ok(naming.length > 0);
    assert.deepEqual(stillNaming, []);
    await sealAuditTrail(t.ctx.db, t.ctx.auditKeys, { wait: true });
    assert.equal((await verifyAuditChain(t.ctx.db, t.ctx.auditKeys)).intact, true);
    assert.equal((await call('leadManager', 'POST', `${person(wrongId)}/confirm`)).statusCode, 404, 'once gone, the person is not on the case');
  });
});
