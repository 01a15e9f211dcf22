// The subject access API: a request (201 { id, dueOn }), the draft with its marks, decisions, the
// release refused while any redaction is unreviewed (422, audited) and then released (201); refusals
// of anyone who is not an officer (403, audited) and of a person nobody has heard of (422); every
// operation published in the OpenAPI document with its schemas.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiTokenFor } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { MOTHER_NHS, NOBODYS_NHS, seedSubjectAccessFamily, type SubjectAccessFamily } from '../../application/subject-access/subject-access.test-support.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';

describe('the subject access API', () => {
  let t: TestApp;
  let f: SubjectAccessFamily;
  const tokens: Record<string, string> = {};

  before(async () => {
    t = await createTestApp();
    f = await seedSubjectAccessFamily(t.ctx);
    tokens['officer'] = await apiTokenFor(t.ctx, f.officer.email);
    tokens['practitioner'] = await apiTokenFor(t.ctx, f.practitioner.email);
  });
  after(async () => t.close());

  const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1/subject-access-requests${url}`, headers: { authorization: `Bearer ${tokens[who]!}` }, ...(payload ? { payload } : {}) });
  const lastAudit = async () => t.ctx.db.selectFrom('audit_log').select(['action', 'outcome']).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
  const errorOf = (response: { json: () => unknown }) => (response.json() as { error: { code: string; message: string; details: { path: string }[] } }).error;

  it('takes a request, answers with the day due, and shows the draft with the third parties marked', async () => {
    const today = serviceToday(t.clock.now());
    const made = await call('officer', 'POST', '', { nhsNumber: MOTHER_NHS, receivedOn: today });
    assert.equal(made.statusCode, 201, made.body);
    const { id, dueOn } = made.json<{ id: string; dueOn: string }>();
    assert.equal(dueOn, '2026-12-22');
    const draft = await call('officer', 'GET', `/${id}/draft`);
    assert.equal(draft.statusCode, 200, draft.body);
    const body = draft.json<{ unreviewed: number; items: { key: string; grounds: string[]; decision: unknown }[] }>();
    assert.equal(body.unreviewed, 3);
    assert.deepEqual(body.items.find((i) => i.key === `entry:${f.caseId}/${f.entries.police}`)!.grounds, ['other-adult', 'other-agency']);

    const refused = await call('officer', 'POST', `/${id}/release`);
    assert.equal(refused.statusCode, 422);
    assert.equal(errorOf(refused).code, 'unreviewed');
    assert.deepEqual(await lastAudit(), { action: 'subject-access.release', outcome: 'failure' });

    const slip = await call('officer', 'POST', `/${id}/redactions`, { itemKey: 'no-such-item', decision: 'redact', reason: 'x' });
    assert.equal(slip.statusCode, 422);
    assert.deepEqual([errorOf(slip).code, errorOf(slip).details.map((d) => d.path)], ['invalid-decision', ['/itemKey']]);
    for (const item of body.items.filter((i) => i.grounds.length > 0)) {
      const decided = await call('officer', 'POST', `/${id}/redactions`, { itemKey: item.key, decision: 'redact', reason: 'Identifies someone else' });
      assert.equal(decided.statusCode, 200, decided.body);
    }
    const released = await call('officer', 'POST', `/${id}/release`);
    assert.equal(released.statusCode, 201, released.body);
    assert.deepEqual(released.json(), { releasedAt: t.clock.now().toISOString(), items: body.items.length, withheld: 3, pdf: `/subject-access/${id}/disclosure.pdf` });
    const extendLate = await call('officer', 'POST', `/${id}/extension`, { reason: 'Too late' });
    assert.equal(extendLate.statusCode, 409);
  });

  it('refuses anyone who is not an officer, audited', async () => {
    const refused = await call('practitioner', 'POST', '', { nhsNumber: MOTHER_NHS, receivedOn: '2026-11-01' });
    assert.equal(refused.statusCode, 403);
    assert.match(errorOf(refused).message, /Only a data protection officer/);
    assert.deepEqual(await lastAudit(), { action: 'subject-access.request', outcome: 'denied' });
    const [request] = await t.ctx.db.selectFrom('subject_access_requests').select('id').execute();
    const draft = await call('practitioner', 'GET', `/${request!.id}/draft`);
    assert.equal(draft.statusCode, 403, 'the team never sees the draft');
    assert.deepEqual(await lastAudit(), { action: 'subject-access.draft', outcome: 'denied' });
  });

  it('answers a person nobody has heard of with a clear 422, and a request with neither with its path', async () => {
    const nobody = await call('officer', 'POST', '', { nhsNumber: NOBODYS_NHS, receivedOn: '2026-11-01' });
    assert.equal(nobody.statusCode, 422);
    assert.deepEqual([errorOf(nobody).code, errorOf(nobody).details.map((d) => d.path)], ['invalid-request', ['/nhsNumber']]);
    assert.match(errorOf(nobody).message, /Nobody in any record has this NHS number/);
    const unknownId = await call('officer', 'POST', '', { personId: 'nobody', receivedOn: '2026-11-01' });
    assert.deepEqual(errorOf(unknownId).details.map((d) => d.path), ['/personId']);
    const badDay = await call('officer', 'POST', '', { nhsNumber: MOTHER_NHS, receivedOn: 'yesterday' });
    assert.equal(badDay.statusCode, 400);
    assert.equal((await call('officer', 'GET', '/no-such-request/draft')).statusCode, 404);
  });

  it('records another agency’s answer for all its items at once: the agencies listed in the draft, a refusal redacting them, a slip a 422 at its field, anyone else 403', async () => {
    const { id } = (await call('officer', 'POST', '', { nhsNumber: MOTHER_NHS, receivedOn: '2026-11-02' })).json<{ id: string }>();
    const draft = (await call('officer', 'GET', `/${id}/draft`)).json<{ agencies: { key: string; name: string; items: number; alsoOtherGrounds: number }[] }>();
    assert.deepEqual(draft.agencies, [{ key: f.police.id, name: 'Riverside Police', items: 1, alsoOtherGrounds: 1 }]);
    const answered = await call('officer', 'POST', `/${id}/agency-answers`, { agency: f.police.id, answer: 'refused', reason: 'An investigation is open' });
    assert.deepEqual([answered.statusCode, answered.json()], [200, { agencyName: 'Riverside Police', answer: 'refused', decided: 1, left: 0, unreviewed: 2 }]);
    assert.deepEqual(await lastAudit(), { action: 'subject-access.agency-answer', outcome: 'success' });
    const slip = await call('officer', 'POST', `/${id}/agency-answers`, { agency: f.council.id, answer: 'agreed', reason: 'Yes' });
    assert.deepEqual([slip.statusCode, errorOf(slip).code, errorOf(slip).details.map((d) => d.path)], [422, 'invalid-agency-answer', ['/agency']]);
    const unknown = await call('officer', 'POST', `/${id}/agency-answers`, { agency: f.police.id, answer: 'maybe', reason: 'Yes' });
    assert.equal(unknown.statusCode, 400);
    const team = await call('practitioner', 'POST', `/${id}/agency-answers`, { agency: f.police.id, answer: 'agreed', reason: 'Yes' });
    assert.equal(team.statusCode, 403);
    assert.deepEqual(await lastAudit(), { action: 'subject-access.agency-answer', outcome: 'denied' });
  });

  it('extends the clock once with the reason', async () => {
    const { id } = (await call('officer', 'POST', '', { nhsNumber: MOTHER_NHS, receivedOn: '2026-08-31' })).json<{ id: string }>();
    const extended = await call('officer', 'POST', `/${id}/extension`, { reason: 'Records from four agencies' });
    assert.deepEqual([extended.statusCode, extended.json()], [200, { dueOn: '2026-11-30' }]);
    assert.equal((await call('officer', 'POST', `/${id}/extension`, { reason: 'Again' })).statusCode, 409);
  });

  it('publishes every operation with its request and response schemas', async () => {
    type Operation = { requestBody?: { content: Record<string, { schema: { properties: Record<string, unknown> } }> }; responses: Record<string, { content?: Record<string, { schema: { properties?: Record<string, unknown> } }> }> };
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, Record<string, Operation>> }>();
    const bodyFields = (operation: Operation | undefined) => Object.keys(operation?.requestBody?.content['application/json']?.schema.properties ?? {}).sort();
    const replyFields = (operation: Operation | undefined, status: string) => Object.keys(operation?.responses[status]?.content?.['application/json']?.schema.properties ?? {}).sort();
    const base = '/api/v1/subject-access-requests';
    assert.deepEqual(bodyFields(doc.paths[base]?.['post']), ['nhsNumber', 'parentNhsNumber', 'personId', 'receivedOn']);
    assert.deepEqual(replyFields(doc.paths[base]?.['post'], '201'), ['dueOn', 'id']);
    assert.deepEqual(replyFields(doc.paths[`${base}/{requestId}/draft`]?.['get'], '200'), ['agencies', 'dueOn', 'extension', 'id', 'items', 'receivedOn', 'released', 'subjectName', 'unreviewed']);
    assert.deepEqual(bodyFields(doc.paths[`${base}/{requestId}/agency-answers`]?.['post']), ['agency', 'answer', 'reason']);
    assert.deepEqual(replyFields(doc.paths[`${base}/{requestId}/agency-answers`]?.['post'], '200'), ['agencyName', 'answer', 'decided', 'left', 'unreviewed']);
    assert.deepEqual(bodyFields(doc.paths[`${base}/{requestId}/redactions`]?.['post']), ['decision', 'itemKey', 'reason']);
    assert.deepEqual(replyFields(doc.paths[`${base}/{requestId}/redactions`]?.['post'], '200'), ['unreviewed']);
    assert.deepEqual(bodyFields(doc.paths[`${base}/{requestId}/extension`]?.['post']), ['reason']);
    assert.deepEqual(replyFields(doc.paths[`${base}/{requestId}/release`]?.['post'], '201'), ['items', 'pdf', 'releasedAt', 'withheld']);
    assert.ok(doc.paths[`${base}/{requestId}/release`]?.['post']?.responses['422'], 'the unreviewed refusal is published');
  });
});
