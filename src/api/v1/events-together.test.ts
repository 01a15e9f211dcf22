// POST /api/v1/cases/{caseId}/events sent several at once by one agency's system: those that wait
// while one is recorded are recorded together (ADR 0021), and each request is still answered alone.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiTokenFor, makeCase, makeOrganisation, makePerson, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';

interface Answered {
  id: string;
  summary: string;
  externalId?: string;
  alerts: { id: string; findingId?: string; severity: string; message: string }[];
}

describe('chronology events API, several at once on one case', () => {
  let t: TestApp;
  let caseId: string;
  let token: string;
  before(async () => {
    t = await createTestApp();
    const police = await makeOrganisation(t.ctx, 'police', 'County Police');
    const officer = await makeUser(t.ctx, { name: 'PC Lane', organisationId: police.id });
    token = await apiTokenFor(t.ctx, officer.email);
    ({ id: caseId } = await makeCase(t.ctx, { teamUserIds: [(await makeUser(t.ctx)).id, officer.id] }));
    await makePerson(t.ctx, caseId, { id: 'mum' });
  });
  after(async () => t.close());

  const post = (payload: object) => t.app.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/events`, headers: { authorization: `Bearer ${token}` }, payload });
  const event = (summary: string, externalId: string, kind = 'home-visit') => ({ kind, occurredAt: '2026-11-20', summary, source: 'agency-record', personIds: ['mum'], externalId });

  it('answers each request with its own status, entry and alerts', async () => {
    assert.equal((await post(event('Sent before', 'E0'))).statusCode, 201);
    const replies = await Promise.all([
      post(event('First', 'E1')),
      post(event('Attendance one', 'E2', 'emergency-attendance')),
      post(event('Sent before, again', 'E0')),
      post({ ...event('Ghost', 'E3'), personIds: ['ghost'] }),
      post(event('Attendance two', 'E4', 'emergency-attendance')),
      post(event('Last', 'E5')),
    ]);
    assert.deepEqual(replies.map((r) => r.statusCode), [201, 201, 200, 422, 201, 201]);
    const [first, one, again, ghost, two, last] = replies;
    assert.deepEqual([first, one, two, last].map((r) => [r.json<Answered>().summary, r.json<Answered>().externalId]), [['First', 'E1'], ['Attendance one', 'E2'], ['Attendance two', 'E4'], ['Last', 'E5']]);
    assert.equal(again.json<Answered>().summary, 'Sent before');
    assert.deepEqual(again.json<Answered>().alerts, []);
    assert.deepEqual(ghost.json<{ error: { code: string; details: { path: string }[] } }>().error.details.map((d) => d.path), ['/personIds/0']);
    const entryAlerts = (r: typeof first) => r.json<Answered>().alerts.filter((a) => a.findingId === undefined);
    assert.deepEqual([first, last].map((r) => entryAlerts(r).length), [0, 0]);
    const [alertOne, alertTwo] = [entryAlerts(one), entryAlerts(two)];
    assert.equal(alertOne.length, 1);
    assert.equal(alertTwo.length, 1);
    assert.notEqual(alertOne[0]!.id, alertTwo[0]!.id);
    const raisedFor = await t.ctx.db.selectFrom('alerts').select(['id', 'entry_id']).where('id', 'in', [alertOne[0]!.id, alertTwo[0]!.id]).execute();
    assert.deepEqual(new Map(raisedFor.map((a) => [a.id, a.entry_id])), new Map([[alertOne[0]!.id, one.json<Answered>().id], [alertTwo[0]!.id, two.json<Answered>().id]]));
    // However they went (alone or together: the order the requests reach the use case is the server's), every entry
    // stored is named by exactly one audit entry, written in the id of one of these requests.
    const audits = await t.ctx.db.selectFrom('audit_log').select(['subject_type', 'subject_id', 'request_id', 'details']).where('case_id', '=', caseId).where('action', '=', 'chronology.record').orderBy('seq').execute();
    const named = audits.slice(1).flatMap((a) => (a.subject_type === 'case' ? (a.details as { entries: { id: string }[] }).entries.map((e) => e.id) : [a.subject_id!]));
    assert.deepEqual(named.sort(), [first, one, two, last].map((r) => r.json<Answered>().id).sort());
    const requestIds = new Set(replies.map((r) => r.headers['x-request-id']));
    for (const audit of audits.slice(1)) assert.ok(requestIds.has(audit.request_id!), 'written for one of the requests');
  });
});
