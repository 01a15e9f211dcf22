// A released disclosure at the end of its own period (docs/adr/0014): the retention run's dry run
// lists it once its period has ended (not before, nor when an area keeps them longer), keeps it while
// a legal hold stands on the record it drew on, and on confirmation removes the request, its
// decisions and stored copy with a tombstone that redacts the search naming the person; the audit
// chain still verifies.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { actorFor, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { addMonths } from '../../domain/shared/calendar-date.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import { sealAuditTrail } from '../../infrastructure/audit/audit-seal.ts';
import { verifyAuditChain } from '../../infrastructure/audit/verify-audit-chain.ts';
import { cliOperator } from '../actor.ts';
import { listDisposals, runDisposal } from '../retention/disposal-run.ts';
import { liftCaseHold, placeCaseHold } from '../retention/legal-holds.ts';
import { changeAreaSettings } from '../settings/area-settings.ts';
import { decideRedaction, viewDraft } from './draft.ts';
import { releaseDisclosure } from './release.ts';
import { createRequest } from './requests.ts';
import { MOTHER_NHS, seedSubjectAccessFamily, type SubjectAccessFamily } from './subject-access.test-support.ts';
import { searchSubjects } from './subject-search.ts';

describe('a released disclosure at the end of its period', () => {
  let t: TestApp;
  let f: SubjectAccessFamily;
  let requestId: string;
  let today: string;
  const rowsOf = async (id: string) =>
    Promise.all([
      t.ctx.db.selectFrom('subject_access_requests').select('id').where('id', '=', id).execute(),
      t.ctx.db.selectFrom('subject_access_redactions').select('request_id').where('request_id', '=', id).execute(),
      t.ctx.db.selectFrom('subject_access_releases').select('request_id').where('request_id', '=', id).execute(),
    ]).then((tables) => tables.map((rows) => rows.length));
  const releasedYearsAgo = async (years: number) =>
    t.ctx.db.updateTable('subject_access_releases').set({ released_at: new Date(`${addMonths(today, -12 * years)}T10:00:00Z`) }).where('request_id', '=', requestId).execute();

  before(async () => {
    t = await createTestApp();
    today = serviceToday(t.clock.now());
    f = await seedSubjectAccessFamily(t.ctx);
    await t.ctx.db.updateTable('people').set({ date_of_birth: '1994-03-17' }).where('id', '=', f.mother.id).execute();
    const officer = actorFor(f.officer);
    assert.ok((await searchSubjects(t.ctx, officer, { name: 'Sarah Hart', dateOfBirth: '1994-03-17' })).ok);
    const made = await createRequest(t.ctx, officer, { nhsNumber: MOTHER_NHS, receivedOn: today });
    assert.ok(made.ok);
    requestId = made.value.id;
    const draft = await viewDraft(t.ctx, officer, requestId);
    assert.ok(draft.ok);
    for (const item of draft.value.items.filter((i) => i.grounds.length > 0)) assert.ok((await decideRedaction(t.ctx, officer, requestId, { itemKey: item.key, decision: 'redact', reason: 'Identifies someone else' })).ok);
    assert.ok((await releaseDisclosure(t.ctx, officer, requestId)).ok);
  });
  after(async () => t.close());

  it('is not listed before its period ends', async () => {
    await releasedYearsAgo(2);
    const listed = await listDisposals(t.ctx, cliOperator);
    assert.ok(listed.ok);
    assert.deepEqual(listed.value.disclosures, []);
  });

  it('is listed once three years have passed, and not when the area keeps them six', async () => {
    await releasedYearsAgo(3);
    const listed = await listDisposals(t.ctx, cliOperator);
    assert.ok(listed.ok);
    assert.deepEqual(listed.value.disclosures, [{ requestId, organisationName: 'Riverside Council', releasedOn: addMonths(today, -36), disposeOn: today, keepYears: 3, kept: [] }]);
    const audited = await t.ctx.db.selectFrom('audit_log').select('details').where('action', '=', 'retention.list').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    assert.deepEqual(audited.details['disclosuresDue'], [requestId]);

    assert.ok((await changeAreaSettings(t.ctx, actorFor(f.admin), { 'retention.releasedDisclosureKeepYears': '6' })).ok);
    const longer = await listDisposals(t.ctx, cliOperator);
    assert.ok(longer.ok);
    assert.deepEqual(longer.value.disclosures, []);
    const refused = await changeAreaSettings(t.ctx, actorFor(f.admin), { 'retention.releasedDisclosureKeepYears': '0' });
    assert.ok(!refused.ok);
    assert.ok((await changeAreaSettings(t.ctx, actorFor(f.admin), { 'retention.releasedDisclosureKeepYears': '3' })).ok);
  });

  it('is kept while a legal hold stands on the record it drew on, and removed with a tombstone once it is lifted', async () => {
    const lead = await makeUser(t.ctx, { role: 'safeguarding-lead', organisationId: f.council.id });
    await t.ctx.db.insertInto('case_team').values({ case_id: f.caseId, user_id: lead.id, role: 'member', added_at: t.clock.now(), added_by: null }).execute();
    const hold = await placeCaseHold(t.ctx, actorFor(lead), f.caseId, 'Child safeguarding practice review');
    assert.ok(hold.ok);
    const held = await runDisposal(t.ctx, cliOperator, 'Olive Operator');
    assert.ok(held.ok);
    assert.deepEqual(held.value.disclosuresKept.map((d) => d.kept), [['a legal hold stands on a record it drew on: Child safeguarding practice review']]);
    assert.deepEqual(held.value.disclosuresRemoved, []);
    assert.deepEqual(await rowsOf(requestId), [1, 3, 1], 'nothing removed');

    assert.ok((await liftCaseHold(t.ctx, actorFor(lead), f.caseId, hold.value.id)).ok);
    const run = await runDisposal(t.ctx, cliOperator, 'Olive Operator');
    assert.ok(run.ok);
    assert.deepEqual(run.value.disclosuresRemoved.map((d) => d.requestId), [requestId]);
    assert.deepEqual(await rowsOf(requestId), [0, 0, 0], 'the request, its decisions and its stored copy are gone');
    assert.ok(await t.ctx.db.selectFrom('cases').select('id').where('id', '=', f.caseId).executeTakeFirst(), 'the case it drew on stays');

    const tombstone = await t.ctx.db.selectFrom('audit_log').select(['details', 'subject_id']).where('action', '=', 'subject-access.disclosure-disposed').executeTakeFirstOrThrow();
    assert.equal(tombstone.subject_id, requestId);
    assert.deepEqual({ ...tombstone.details, redaction: undefined }, { rule: 'released-disclosure', keepYears: 3, receivedOn: today, releasedOn: addMonths(today, -36), disposeOn: today, disposedOn: today, confirmedBy: 'Olive Operator', redaction: undefined });
    const search = await t.ctx.db.selectFrom('audit_log').select('details').where('action', '=', 'subject-access.search').executeTakeFirstOrThrow();
    assert.deepEqual(search.details, { redacted: true }, 'the search that named her is redacted');
    await sealAuditTrail(t.ctx.db, t.ctx.auditKeys, { wait: true });
    assert.equal((await verifyAuditChain(t.ctx.db, t.ctx.auditKeys)).intact, true);
  });
});
