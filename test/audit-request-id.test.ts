// Issue 17: a request's id runs from its log line (and its X-Request-Id header) to the audit entries it
// wrote (migration 044, infrastructure/process/request-scope.ts), through a page and through the API,
// a refusal included; an entry written outside any request has none.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { recordAuditAlone } from '../src/application/audit.ts';
import { currentRequestId, runForRequest } from '../src/infrastructure/process/request-scope.ts';
import { actorFor, apiTokenFor, makeCase, makeUser } from './helpers/factories.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';
import { WebClient } from './helpers/web-client.ts';

describe('the request id in the audit trail', () => {
  let t: TestApp;
  let caseId: string;
  let member: Awaited<ReturnType<typeof makeUser>>;
  let outsider: Awaited<ReturnType<typeof makeUser>>;

  before(async () => {
    t = await createTestApp();
    member = await makeUser(t.ctx);
    outsider = await makeUser(t.ctx);
    ({ id: caseId } = await makeCase(t.ctx, { teamUserIds: [member.id] }));
  });
  after(async () => t.close());

  const entriesOf = (requestId: string) =>
    t.ctx.db.selectFrom('audit_log').select(['action', 'outcome', 'actor_user_id', 'case_id']).where('request_id', '=', requestId).orderBy('seq').execute();

  it('marks the entries a page wrote with the id its answer and log line carry', async () => {
    const client = await WebClient.signedIn(t.app, member);
    const page = await client.get(`/cases/${caseId}`);
    assert.equal(page.statusCode, 200);
    const requestId = String(page.headers['x-request-id']);
    const entries = await entriesOf(requestId);
    assert.ok(entries.length >= 1, 'the look at the case');
    assert.ok(entries.every((e) => e.actor_user_id === member.id && e.case_id === caseId));
  });

  it('marks an API call’s entries, and a refusal’s, each with its own request', async () => {
    const token = await apiTokenFor(t.ctx, member.email);
    const read = await t.app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}`, headers: { authorization: `Bearer ${token}` } });
    assert.equal(read.statusCode, 200);
    const refused = await t.app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}`, headers: { authorization: `Bearer ${await apiTokenFor(t.ctx, outsider.email)}` } });
    // Outside the team: answered as a case there is not (docs/adr/0024-refused-requests-audited.md, "Unknown and unseen cases").
    assert.equal(refused.statusCode, 404);
    const [readId, refusedId] = [String(read.headers['x-request-id']), String(refused.headers['x-request-id'])];
    assert.notEqual(readId, refusedId);
    assert.deepEqual((await entriesOf(readId)).map((e) => [e.actor_user_id, e.outcome]), [[member.id, 'success']]);
    assert.deepEqual((await entriesOf(refusedId)).map((e) => [e.actor_user_id, e.outcome]), [[outsider.id, 'denied']]);
  });

  it('leaves it empty for work outside a request, and keeps each scope to its own work', async () => {
    assert.equal(currentRequestId(), null);
    await recordAuditAlone(t.ctx, actorFor(member), { action: 'probe.outside', outcome: 'success' });
    const outside = await t.ctx.db.selectFrom('audit_log').select('request_id').where('action', '=', 'probe.outside').executeTakeFirstOrThrow();
    assert.equal(outside.request_id, null);
    const seen = await Promise.all(['one', 'two'].map((id) => runForRequest(id, async () => {
      await new Promise((resolve) => setImmediate(resolve));
      return currentRequestId();
    })));
    assert.deepEqual(seen, ['one', 'two']);
  });
});
