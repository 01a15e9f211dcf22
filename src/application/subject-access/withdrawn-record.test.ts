// A released disclosure when its record is withdrawn as made in error (ADR 0014): the items from
// that record leave the stored copy, each replaced by a line saying why, the items from another
// record stay, one audit entry says how many went, and the audit chain still verifies.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { actorFor, makeCase, makePerson, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { sealAuditTrail } from '../../infrastructure/audit/audit-seal.ts';
import { verifyAuditChain } from '../../infrastructure/audit/verify-audit-chain.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import { confirmWithdrawal, proposeWithdrawal } from '../cases/withdraw-case.ts';
import { decideRedaction, viewDraft } from './draft.ts';
import { releaseDisclosure, viewReleased } from './release.ts';
import { createRequest } from './requests.ts';
import { MOTHER_NHS, seedSubjectAccessFamily, type SubjectAccessFamily } from './subject-access.test-support.ts';
import { REMOVED_HEADING, REMOVED_WORDS } from './withdrawn-record.ts';

describe('a released disclosure when its record is withdrawn as made in error', () => {
  let t: TestApp;
  let f: SubjectAccessFamily;
  let wrongCaseId: string;
  let requestId: string;

  before(async () => {
    t = await createTestApp();
    f = await seedSubjectAccessFamily(t.ctx);
    // The mother recorded by mistake in another baby's record too, with an entry there.
    ({ id: wrongCaseId } = await makeCase(t.ctx, { familyName: 'Wrongbaby', teamUserIds: [f.practitioner.id] }));
    const inWrong = await makePerson(t.ctx, wrongCaseId, { nhs_number: MOTHER_NHS });
    await t.ctx.db
      .insertInto('chronology_entries')
      .values({ case_id: wrongCaseId, id: 'wrong-entry', kind: 'case-note', occurred_on: '2026-11-03', recorded_at: t.clock.now(), recorded_by: null, recorded_by_name: 'Someone', organisation_id: f.council.id, agency: f.council.name, agency_kind: f.council.kind, summary: 'Wrongbaby weighed at clinic', source: 'observed', person_ids: JSON.stringify([inWrong.id]), present_ids: '[]', victim_ids: '[]', perpetrator_ids: '[]', indicates: '[]', details: '{}' })
      .execute();
    const made = await createRequest(t.ctx, actorFor(f.officer), { nhsNumber: MOTHER_NHS, receivedOn: serviceToday(t.clock.now()) });
    assert.ok(made.ok);
    requestId = made.value.id;
    const draft = await viewDraft(t.ctx, actorFor(f.officer), requestId);
    assert.ok(draft.ok);
    for (const item of draft.value.items.filter((i) => i.grounds.length > 0)) assert.ok((await decideRedaction(t.ctx, actorFor(f.officer), requestId, { itemKey: item.key, decision: 'redact', reason: 'Someone else' })).ok);
    assert.ok((await releaseDisclosure(t.ctx, actorFor(f.officer), requestId)).ok);
  });
  after(async () => t.close());

  const released = async () => {
    const view = await viewReleased(t.ctx, actorFor(f.officer), requestId);
    assert.ok(view.ok);
    return view.value.items;
  };

  it('removes what came from the withdrawn record, keeps the rest, says why in the disclosure and in the audit trail', async () => {
    const before = await released();
    const fromWrong = before.filter((item) => item.caseId === wrongCaseId).length;
    assert.ok(fromWrong > 0 && JSON.stringify(before).includes('Wrongbaby weighed at clinic'));

    const manager = await makeUser(t.ctx, { organisationId: f.council.id, role: 'manager' });
    assert.ok((await proposeWithdrawal(t.ctx, actorFor(f.practitioner), wrongCaseId, 'Created for the wrong baby')).ok);
    const confirmed = await confirmWithdrawal(t.ctx, actorFor(manager), wrongCaseId);
    assert.ok(confirmed.ok, JSON.stringify(confirmed));

    const after = await released();
    assert.equal(after.length, before.length, 'each item removed leaves its line');
    assert.doesNotMatch(JSON.stringify(after), /Wrongbaby/);
    assert.deepEqual(after.filter((item) => item.caseId === wrongCaseId).map((item) => [item.heading, item.text, item.withheld]), Array.from({ length: fromWrong }, () => [REMOVED_HEADING, '', REMOVED_WORDS]));
    assert.deepEqual(after.filter((item) => item.caseId === f.caseId), before.filter((item) => item.caseId === f.caseId), 'the right record’s items stay as released');
    const entry = await t.ctx.db.selectFrom('audit_log').select(['actor_user_id', 'subject_id', 'details']).where('action', '=', 'subject-access.disclosure-withdrawn').executeTakeFirstOrThrow();
    assert.deepEqual([entry.actor_user_id, entry.subject_id, entry.details], [manager.id, requestId, { withdrawnCase: wrongCaseId, itemsRemoved: fromWrong }]);
    await sealAuditTrail(t.ctx.db, t.ctx.auditKeys, { wait: true });
    assert.equal((await verifyAuditChain(t.ctx.db, t.ctx.auditKeys)).intact, true);
  });
});
