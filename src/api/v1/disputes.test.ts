import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ApiErrorBody } from '../../../test/helpers/case-api.ts';
import { apiTokenFor, makeCase, makeOrganisation, makePerson, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';

interface Dispute { id: string; entryId: string; disputedBy: string; text: string; recordedBy: string; agency: string; profileVersion: number }
interface Listed { id: string; disputes: Omit<Dispute, 'entryId' | 'profileVersion'>[] }
interface Profile { factors: { factorId: string; personId?: string; conflict: boolean; evidence: { source: string; note: string }[] }[]; findings: { id: string; rationale: string }[] }

describe('disputes of chronology entries (API)', () => {
  let t: TestApp;
  let caseId: string;
  let motherId: string;
  let entryId: string;
  let otherEntryId: string;
  const tokens = {} as Record<'lead' | 'outsider', string>;
  let outsiderId: string;

  before(async () => {
    t = await createTestApp();
    const health = await makeOrganisation(t.ctx, 'health-visiting', 'Api Health Visiting');
    const lead = await makeUser(t.ctx, { organisationId: health.id, name: 'Api Lead' });
    const outsider = await makeUser(t.ctx, { organisationId: (await makeOrganisation(t.ctx, 'gp')).id });
    outsiderId = outsider.id;
    tokens.lead = await apiTokenFor(t.ctx, lead.email);
    tokens.outsider = await apiTokenFor(t.ctx, outsider.email);
    ({ id: caseId } = await makeCase(t.ctx, { teamUserIds: [lead.id] }));
    ({ id: motherId } = await makePerson(t.ctx, caseId, { given_name: 'Jo', family_name: 'Smith' }));
    const today = serviceToday(t.clock.now());
    const post = async (payload: object) => (await call('lead', 'POST', 'events', payload)).json<{ id: string }>().id;
    entryId = await post({ kind: 'mental-health-deterioration', occurredAt: today, summary: 'Mother very low, not coping', source: 'agency-record', personIds: [motherId] });
    otherEntryId = await post({ kind: 'home-visit', occurredAt: today, summary: 'Visited', source: 'observed', babySeen: true });
  });
  after(async () => t.close());

  const call = (who: keyof typeof tokens, method: 'GET' | 'POST', path: string, payload?: object, theCase = caseId) =>
    t.app.inject({ method, url: `/api/v1/cases/${theCase}/${path}`, headers: { authorization: `Bearer ${tokens[who]}` }, ...(payload ? { payload } : {}) });
  const disputesStored = async () => (await t.ctx.db.selectFrom('chronology_disputes').select('id').where('case_id', '=', caseId).execute()).length;
  const mentalHealth = async () => (await call('lead', 'GET', 'profile')).json<Profile>();

  it('records a dispute beside the entry (201), lists it with the entry, and the profile shows the conflict', async () => {
    const before = await mentalHealth();
    assert.equal(before.factors.find((f) => f.factorId === 'mental-health' && f.personId === motherId)?.conflict, false);
    const response = await call('lead', 'POST', `events/${entryId}/disputes`, { disputedBy: 'the mother, Jo Smith', text: 'I was tired, not depressed' });
    assert.equal(response.statusCode, 201, response.body);
    const dispute = response.json<Dispute>();
    assert.deepEqual([dispute.entryId, dispute.disputedBy, dispute.text, dispute.recordedBy, dispute.agency], [entryId, 'the mother, Jo Smith', 'I was tired, not depressed', 'Api Lead', 'Api Health Visiting']);

    const events = (await call('lead', 'GET', 'events')).json<{ events: Listed[] }>().events;
    const disputed = events.find((e) => e.id === entryId)!;
    assert.deepEqual(disputed.disputes.map((d) => [d.id, d.text]), [[dispute.id, 'I was tired, not depressed']]);
    assert.deepEqual(events.find((e) => e.id === otherEntryId)?.disputes, []);

    const after = await mentalHealth();
    const factor = after.factors.find((f) => f.factorId === 'mental-health' && f.personId === motherId)!;
    assert.equal(factor.conflict, true);
    assert.ok(factor.evidence.some((e) => e.source === 'carer-account' && e.note === 'Disputed by the mother, Jo Smith: I was tired, not depressed'));
    assert.match(after.findings.find((f) => f.id === 'conflicting-information')?.rationale ?? '', /the mother, Jo Smith does not/);

    const audit = await t.ctx.db.selectFrom('audit_log').select(['outcome', 'subject_id']).where('action', '=', 'chronology.dispute').where('case_id', '=', caseId).execute();
    assert.deepEqual(audit, [{ outcome: 'success', subject_id: entryId }]);
  });

  it('answers 422 with a path for each problem, audited as a failure, storing nothing', async () => {
    const stored = await disputesStored();
    const response = await call('lead', 'POST', `events/${otherEntryId}/disputes`, { disputedBy: '  ', text: '   ' });
    assert.equal(response.statusCode, 422);
    const { error } = response.json<ApiErrorBody>();
    assert.equal(error.code, 'invalid-dispute');
    assert.deepEqual(error.details?.map((d) => d.path), ['/disputedBy', '/text']);
    assert.equal(await disputesStored(), stored);
    const audit = await t.ctx.db.selectFrom('audit_log').select('outcome').where('action', '=', 'chronology.dispute').where('subject_id', '=', otherEntryId).execute();
    assert.deepEqual(audit, [{ outcome: 'failure' }]);
  });

  it('answers 400 for a body its schema refuses, 404 for an entry or case not there, outside the team as a case not there (404, audited)', async () => {
    const stored = await disputesStored();
    const body = { disputedBy: 'the father', text: 'Not true' };
    assert.equal((await call('lead', 'POST', `events/${entryId}/disputes`, { ...body, extra: 1 })).statusCode, 400);
    assert.equal((await call('lead', 'POST', 'events/no-such-entry/disputes', body)).statusCode, 404);
    assert.equal((await call('lead', 'POST', `events/${entryId}/disputes`, body, 'no-such-case')).statusCode, 404);
    const refused = await call('outsider', 'POST', `events/${entryId}/disputes`, body);
    assert.equal(refused.statusCode, 404);
    assert.equal(await disputesStored(), stored);
    const audit = await t.ctx.db.selectFrom('audit_log').select('outcome').where('action', '=', 'chronology.dispute').where('actor_user_id', '=', outsiderId).execute();
    assert.deepEqual(audit, [{ outcome: 'denied' }]);
  });
});
