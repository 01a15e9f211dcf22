import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiTokenFor, makeCase, makeOrganisation, makePerson, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';

interface BatchResult {
  stored: { index: number; id: string }[];
  duplicates: { index: number; id: string }[];
  rejected: { index: number; code: string; message: string; details: { path: string; message: string }[] }[];
}

describe('chronology batch API (POST /api/v1/events:batch)', () => {
  let t: TestApp;
  let caseId: string;
  let otherCaseId: string;
  let token: string;

  before(async () => {
    t = await createTestApp();
    const hospital = await makeOrganisation(t.ctx, 'hospital', 'City Hospital');
    const clerk = await makeUser(t.ctx, { organisationId: hospital.id, name: 'Ward Clerk' });
    token = await apiTokenFor(t.ctx, clerk.email);
    ({ id: caseId } = await makeCase(t.ctx, { teamUserIds: [clerk.id] }));
    ({ id: otherCaseId } = await makeCase(t.ctx, { teamUserIds: [(await makeUser(t.ctx)).id] }));
    await makePerson(t.ctx, caseId, { id: 'mum' });
  });
  after(async () => t.close());

  const send = (payload: unknown, auth = `Bearer ${token}`) =>
    t.app.inject({ method: 'POST', url: '/api/v1/events:batch', headers: { authorization: auth, 'content-type': 'application/json' }, payload: JSON.stringify(payload) });
  const discharge = (n: number) => ({ caseId, kind: 'hospital-discharge', occurredAt: '2026-11-21T10:30:00+00:00', summary: `Discharged home ${String(n)}`, source: 'agency-record', personIds: ['mum'], externalId: `ADT-${String(n)}` });
  const storedCount = async () => (await t.ctx.db.selectFrom('chronology_entries').select('id').where('case_id', '=', caseId).execute()).length;

  it('stores the good entries and reports each bad one by its index, with paths into the batch', async () => {
    const response = await send({
      entries: [
        discharge(1),
        { ...discharge(2), occurredAt: 12 },
        { ...discharge(3), personIds: ['mum', 'ghost'] },
        { ...discharge(4), caseId: undefined },
        discharge(5),
      ],
    });
    assert.equal(response.statusCode, 200, response.body);
    const result = response.json<BatchResult>();
    assert.deepEqual(result.stored.map((s) => s.index), [0, 4]);
    assert.deepEqual(result.rejected.map((r) => [r.index, r.code]), [[1, 'validation-failed'], [2, 'invalid-entry'], [3, 'validation-failed']]);
    assert.deepEqual(result.rejected.map((r) => r.details.map((d) => d.path)), [['/entries/1/occurredAt'], ['/entries/2/personIds/1'], ['/entries/3/caseId']]);
    assert.equal(await storedCount(), 2);
  });

  it('stores nothing twice when the same batch comes again: those entries are duplicates of the stored ones', async () => {
    const first = await send({ entries: [discharge(6)] });
    const again = await send({ entries: [discharge(1), discharge(6), discharge(7)] });
    const result = again.json<BatchResult>();
    assert.deepEqual(result.duplicates, [
      { index: 0, id: (await t.ctx.db.selectFrom('chronology_entries').select('id').where('external_id', '=', 'ADT-1').executeTakeFirstOrThrow()).id },
      { index: 1, id: first.json<BatchResult>().stored[0]!.id },
    ]);
    assert.deepEqual(result.stored.map((s) => s.index), [2]);
    assert.equal(await storedCount(), 4);
  });

  // A case the caller may not see at all is answered as a case there is not (docs/adr/0024, "Unknown and unseen cases").
  it('refuses the entries for a case the caller may not see as not-found, as for a case there is not, and audits that once', async () => {
    const response = await send({ entries: [{ ...discharge(8), caseId: otherCaseId }, discharge(9), { ...discharge(10), caseId: otherCaseId }] });
    const result = response.json<BatchResult>();
    assert.deepEqual(result.rejected.map((r) => [r.index, r.code, r.details[0]?.path]), [[0, 'not-found', '/entries/0/caseId'], [2, 'not-found', '/entries/2/caseId']]);
    assert.deepEqual(result.stored.map((s) => s.index), [1]);
    const denied = await t.ctx.db.selectFrom('audit_log').select('action').where('case_id', '=', otherCaseId).where('outcome', '=', 'denied').execute();
    assert.deepEqual(denied.map((d) => d.action), ['chronology.batch']);
  });

  it('accepts 1,000 entries and refuses a body of 1,001, or one that is not a list of objects, as a whole', async () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => ({ ...discharge(1000 + i), kind: 'clinic-contact', externalId: undefined, summary: `Entry ${String(i)}` }));
    const thousand = await send({ entries: many(1000) });
    assert.equal(thousand.json<BatchResult>().stored.length, 1000);
    const before = await storedCount();
    for (const body of [{ entries: many(1001) }, { entries: [] }, { entries: ['not an entry'] }, { entries: discharge(1) }, [discharge(1)], 'text']) {
      const response = await send(body);
      assert.equal(response.statusCode, 400, JSON.stringify(body).slice(0, 80));
      assert.equal(response.json<{ error: { code: string } }>().error.code, 'validation-failed');
    }
    assert.equal(await storedCount(), before);
  });

  it('needs a bearer token', async () => {
    assert.equal((await send({ entries: [discharge(11)] }, '')).statusCode, 401);
  });

  it('is published in the OpenAPI document at its real address', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, unknown> }>();
    assert.ok(doc.paths['/api/v1/events:batch']);
  });
});
