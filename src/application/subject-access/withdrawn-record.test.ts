// A released disclosure when its record, or a person in it, is withdrawn as made in error (ADR 0014):
// the items from that record, or concerning that person, leave the stored copy, each replaced by a
// line saying why, the other items stay, one audit entry says how many went, and the audit chain
// still verifies. Items released before whom they concern was kept get it from migration 053.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { actorFor, makeCase, makePerson, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { sealAuditTrail } from '../../infrastructure/audit/audit-seal.ts';
import { verifyAuditChain } from '../../infrastructure/audit/verify-audit-chain.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import { confirmWithdrawal, proposeWithdrawal } from '../cases/withdraw-case.ts';
import { confirmPersonWithdrawal, proposePersonWithdrawal } from '../people/withdraw-person.ts';
import type { ReleasedItem } from '../../domain/subject-access/apply-decisions.ts';
import { decideRedaction, viewDraft } from './draft.ts';
import { releaseDisclosure, viewReleased } from './release.ts';
import { createRequest } from './requests.ts';
import { MOTHER_NHS, seedSubjectAccessFamily, type SubjectAccessFamily } from './subject-access.test-support.ts';
import { REMOVED_HEADING, REMOVED_PERSON_WORDS, REMOVED_WORDS } from './withdrawn-record.ts';

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

describe('a released disclosure when a person in its record is withdrawn as added to the wrong family', () => {
  let t: TestApp;
  let f: SubjectAccessFamily;
  let requestId: string;

  before(async () => {
    t = await createTestApp();
    f = await seedSubjectAccessFamily(t.ctx);
    // An entry about the mother alone that names the father in its words.
    await f.entry(f.council, 'Mother says Tom visits at weekends.', [f.mother.id], 'observed');
    const made = await createRequest(t.ctx, actorFor(f.officer), { nhsNumber: MOTHER_NHS, receivedOn: serviceToday(t.clock.now()) });
    assert.ok(made.ok);
    requestId = made.value.id;
    const draft = await viewDraft(t.ctx, actorFor(f.officer), requestId);
    assert.ok(draft.ok);
    // Disclosed, every one, so that the father's details and what named him are in the copy kept.
    for (const item of draft.value.items.filter((i) => i.grounds.length > 0)) assert.ok((await decideRedaction(t.ctx, actorFor(f.officer), requestId, { itemKey: item.key, decision: 'disclose', reason: 'Reasonable to disclose' })).ok);
    assert.ok((await releaseDisclosure(t.ctx, actorFor(f.officer), requestId)).ok);
  });
  after(async () => t.close());

  const released = async () => (await t.ctx.db.selectFrom('subject_access_releases').select('disclosure').where('request_id', '=', requestId).executeTakeFirstOrThrow()).disclosure as ReleasedItem[];
  const byText = (items: readonly ReleasedItem[], text: string) => items.find((item) => item.text === text);

  it('keeps with each released item the people in its case it concerns', async () => {
    const items = await released();
    assert.deepEqual(items.find((item) => item.heading.startsWith('Tom Reed'))?.aboutPeople, [f.father.id]);
    assert.deepEqual(byText(items, 'Father arrested after a disturbance.')?.aboutPeople, [f.father.id]);
    assert.deepEqual(byText(items, 'Mother and baby seen at home; mother coping well.')?.aboutPeople, [f.mother.id]);
    assert.deepEqual(byText(items, 'Mother says Tom visits at weekends.')?.aboutPeople, [f.mother.id, f.father.id], 'named in its words');
    assert.deepEqual(byText(items, 'A neighbour rang about shouting late at night.')?.aboutPeople, []);
  });

  it('migration 053 finds again whom an item released before concerns, where the record still says', async () => {
    const before = await released();
    const stripped = before.map((item) => ({ caseId: item.caseId, section: item.section, heading: item.heading, text: item.text, withheld: item.withheld }));
    await sql`UPDATE subject_access_releases SET disclosure = ${JSON.stringify(stripped)}::jsonb WHERE request_id = ${requestId}`.execute(t.ctx.db);
    await sql.raw(fs.readFileSync(new URL('../../infrastructure/db/migrations/053-person-withdrawal-leaves-nothing.sql', import.meta.url), 'utf8')).execute(t.ctx.db);
    const filled = await released();
    // Whom an item concerns is a set: the migration lists them by when they were added, a release in
    // the order the rules found them, and people added in one transaction tie on the time.
    const whom = (items: readonly ReleasedItem[]) => items.map((item) => [item.heading, [...(item.aboutPeople ?? [])].sort()]);
    assert.deepEqual(whom(filled), whom(before));
  });

  it('replaces every item concerning the person, leaves the others as released, and says so in the audit trail', async () => {
    const before = await released();
    const aboutTom = before.filter((item) => item.aboutPeople?.includes(f.father.id)).length;
    assert.equal(aboutTom, 3);
    assert.match(JSON.stringify(before), /Tom/);

    const manager = await makeUser(t.ctx, { organisationId: f.council.id, role: 'manager' });
    assert.ok((await proposePersonWithdrawal(t.ctx, actorFor(f.practitioner), f.caseId, f.father.id, 'Added to the wrong family')).ok);
    const confirmed = await confirmPersonWithdrawal(t.ctx, actorFor(manager), f.caseId, f.father.id);
    assert.ok(confirmed.ok, JSON.stringify(confirmed));

    const after = await released();
    assert.equal(after.length, before.length, 'each item removed leaves its line');
    assert.doesNotMatch(JSON.stringify(after), /Tom|Reed|Father arrested/);
    assert.deepEqual(after.filter((item) => item.withheld === REMOVED_PERSON_WORDS).map((item) => [item.caseId, item.heading, item.text]), Array.from({ length: aboutTom }, () => [f.caseId, REMOVED_HEADING, '']));
    assert.deepEqual(after.filter((item) => item.withheld !== REMOVED_PERSON_WORDS), before.filter((item) => !item.aboutPeople?.includes(f.father.id)), 'the mother’s, the baby’s and the neighbour’s items stay as released');
    assert.ok(byText(after, 'Mother and baby seen at home; mother coping well.'));
    const entry = await t.ctx.db.selectFrom('audit_log').select(['actor_user_id', 'subject_id', 'details']).where('action', '=', 'subject-access.disclosure-person-withdrawn').executeTakeFirstOrThrow();
    assert.deepEqual([entry.actor_user_id, entry.subject_id, entry.details], [manager.id, requestId, { withdrawnCase: f.caseId, withdrawnPerson: f.father.id, itemsRemoved: aboutTom }]);
    await sealAuditTrail(t.ctx.db, t.ctx.auditKeys, { wait: true });
    assert.equal((await verifyAuditChain(t.ctx.db, t.ctx.auditKeys)).intact, true);
  });
});
