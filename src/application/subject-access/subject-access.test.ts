// Subject access end to end through the use cases: the officer grant, a request and its clock, the
// draft with third parties marked, decisions, the release refused while any is unreviewed, the release
// and its disclosure; every refusal audited, the team never shown the draft.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { actorFor } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import { decideRedaction, viewDraft } from './draft.ts';
import { grantOfficer, listOfficers, revokeOfficer } from './officers.ts';
import { releaseDisclosure, viewReleased } from './release.ts';
import { createRequest, extendRequest, listRequests } from './requests.ts';
import { BABY_NHS, MOTHER_NHS, NOBODYS_NHS, seedSubjectAccessFamily, type SubjectAccessFamily } from './subject-access.test-support.ts';

describe('subject access', () => {
  let t: TestApp;
  let f: SubjectAccessFamily;
  let today: string;
  const lastAudit = async () => t.ctx.db.selectFrom('audit_log').select(['action', 'outcome', 'case_id']).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();

  before(async () => {
    t = await createTestApp();
    f = await seedSubjectAccessFamily(t.ctx);
    today = serviceToday(t.clock.now());
  });
  after(async () => t.close());

  it('lets only an administrator make an account an officer, never an administrator’s', async () => {
    const refused = await grantOfficer(t.ctx, actorFor(f.officer), f.practitioner.email);
    assert.equal(refused.ok, false);
    assert.deepEqual(await lastAudit(), { action: 'subject-access.officer.grant', outcome: 'denied', case_id: null });
    const admin = await grantOfficer(t.ctx, actorFor(f.admin), f.admin.email);
    assert.equal(!admin.ok && admin.code, 'administrator');
    const again = await grantOfficer(t.ctx, actorFor(f.admin), f.officer.email);
    assert.equal(!again.ok && again.code, 'already-granted');
    const listed = await listOfficers(t.ctx, actorFor(f.admin));
    assert.deepEqual(listed.ok && listed.value.map((o) => o.userId).sort(), [f.officer.id, f.otherOfficer.id].sort());
  });

  it('refuses a request from someone who is not an officer, the team’s own practitioner too, audited', async () => {
    const refused = await createRequest(t.ctx, actorFor(f.practitioner), { nhsNumber: MOTHER_NHS, receivedOn: today });
    assert.equal(!refused.ok && refused.code, 'forbidden');
    assert.deepEqual(await lastAudit(), { action: 'subject-access.request', outcome: 'denied', case_id: null });
    assert.equal((await listRequests(t.ctx, actorFor(f.practitioner))).ok, false);
  });

  it('says what is wrong with a request naming nobody, an NHS number nobody has, or a day to come', async () => {
    const nobody = await createRequest(t.ctx, actorFor(f.officer), { nhsNumber: NOBODYS_NHS, receivedOn: today });
    assert.match(!nobody.ok ? nobody.message : '', /Nobody in any record has this NHS number/);
    const none = await createRequest(t.ctx, actorFor(f.officer), { receivedOn: '2099-01-01' });
    assert.deepEqual(!none.ok && none.code === 'invalid' && none.problems.map((p) => p.field), ['nhsNumber', 'receivedOn']);
    const unknownId = await createRequest(t.ctx, actorFor(f.officer), { personId: 'no-such-person', receivedOn: today });
    assert.match(!unknownId.ok ? unknownId.message : '', /no person with this id/);
    assert.deepEqual(await lastAudit(), { action: 'subject-access.request', outcome: 'failure', case_id: null });
  });

  it('records a request with its clock, finds the mother’s case and marks the third parties in the draft', async () => {
    const made = await createRequest(t.ctx, actorFor(f.officer), { nhsNumber: '943 476 5919', receivedOn: '2026-10-31' });
    assert.ok(made.ok, JSON.stringify(made));
    assert.equal(made.value.dueOn, '2026-11-30', 'a calendar month: November has no 31st');
    const draft = await viewDraft(t.ctx, actorFor(f.officer), made.value.id);
    assert.ok(draft.ok);
    const grounds = Object.fromEntries(draft.value.items.map((item) => [item.key, item.grounds]));
    const key = (kind: string, id: string) => `${kind}:${f.caseId}/${id}`;
    assert.deepEqual(grounds[key('person', f.mother.id)], [], 'the requester’s own details');
    assert.deepEqual(grounds[key('person', f.father.id)], ['other-adult']);
    assert.deepEqual(grounds[key('entry', f.entries.own)], []);
    assert.deepEqual(grounds[key('entry', f.entries.police)], ['other-adult', 'other-agency']);
    assert.deepEqual(grounds[key('entry', f.entries.neighbour)], ['reporter']);
    assert.deepEqual(grounds[`case:${f.caseId}`], [], 'the baby’s own details');
    assert.equal(draft.value.unreviewed, 3);
    const look = await t.ctx.db.selectFrom('audit_log').select(['action', 'case_id']).where('action', '=', 'subject-access.draft').execute();
    assert.deepEqual(look, [{ action: 'subject-access.draft', case_id: f.caseId }], 'the look is in the case’s own trail');
  });

  it('never shows the draft to the team, nor to another organisation’s officer', async () => {
    const [request] = (await listRequests(t.ctx, actorFor(f.officer))).ok ? ((await listRequests(t.ctx, actorFor(f.officer))) as { value: { id: string }[] }).value : [];
    const team = await viewDraft(t.ctx, actorFor(f.practitioner), request!.id);
    assert.equal(!team.ok && team.code, 'forbidden');
    assert.deepEqual(await lastAudit(), { action: 'subject-access.draft', outcome: 'denied', case_id: null });
    const other = await viewDraft(t.ctx, actorFor(f.otherOfficer), request!.id);
    assert.equal(!other.ok && other.code, 'forbidden');
    assert.equal(((await listRequests(t.ctx, actorFor(f.otherOfficer))) as { value: unknown[] }).value.length, 0);
  });

  it('refuses the release while a redaction is unreviewed, then releases with the redactions applied', async () => {
    const { value: [request] } = (await listRequests(t.ctx, actorFor(f.officer))) as { value: { id: string }[] };
    const id = request!.id;
    const key = (kind: string, itemId: string) => `${kind}:${f.caseId}/${itemId}`;
    const refused = await releaseDisclosure(t.ctx, actorFor(f.officer), id);
    assert.equal(!refused.ok && refused.code, 'unreviewed');
    assert.match(!refused.ok ? refused.message : '', /3 redactions are not reviewed yet/);
    assert.deepEqual(await lastAudit(), { action: 'subject-access.release', outcome: 'failure', case_id: null });
    const slip = await decideRedaction(t.ctx, actorFor(f.officer), id, { itemKey: key('entry', f.entries.police), decision: 'disclose', reason: ' ' });
    assert.equal(!slip.ok && slip.code, 'invalid');
    assert.ok((await decideRedaction(t.ctx, actorFor(f.officer), id, { itemKey: key('entry', f.entries.police), decision: 'disclose', reason: 'Riverside Police agreed on 20 November' })).ok);
    assert.ok((await decideRedaction(t.ctx, actorFor(f.officer), id, { itemKey: key('person', f.father.id), decision: 'redact', reason: 'He has not agreed' })).ok);
    assert.ok((await decideRedaction(t.ctx, actorFor(f.officer), id, { itemKey: key('entry', f.entries.neighbour), decision: 'redact', reason: 'Would identify the neighbour' })).ok);
    const released = await releaseDisclosure(t.ctx, actorFor(f.officer), id);
    assert.ok(released.ok, JSON.stringify(released));
    assert.equal(released.value.withheld, 2);
    const pdf = await viewReleased(t.ctx, actorFor(f.officer), id);
    assert.ok(pdf.ok);
    const texts = pdf.value.items.map((item) => `${item.heading}|${item.text}|${item.withheld ?? ''}`).join('\n');
    assert.doesNotMatch(texts, /Tom Reed|neighbour rang/);
    assert.match(texts, /Father arrested/);
    assert.match(texts, /Another person\|\|Another adult’s details/);
    const again = await releaseDisclosure(t.ctx, actorFor(f.officer), id);
    assert.equal(!again.ok && again.code, 'conflict');
    const late = await decideRedaction(t.ctx, actorFor(f.officer), id, { itemKey: key('person', f.father.id), decision: 'disclose', reason: 'x' });
    assert.equal(!late.ok && late.code, 'conflict');
  });

  it('takes a child’s request through a parent: the parent’s own details are theirs, the other parent’s are not', async () => {
    const personGrounds = async (named: { nhsNumber: string; parentNhsNumber?: string }) => {
      const made = await createRequest(t.ctx, actorFor(f.officer), { ...named, receivedOn: today });
      assert.ok(made.ok, JSON.stringify(made));
      const draft = await viewDraft(t.ctx, actorFor(f.officer), made.value.id);
      assert.ok(draft.ok);
      const grounds = (id: string) => draft.value.items.find((item) => item.key === `person:${f.caseId}/${id}`)!.grounds;
      return { subject: draft.value.request.subjectName, mother: grounds(f.mother.id), father: grounds(f.father.id) };
    };
    assert.deepEqual(await personGrounds({ nhsNumber: BABY_NHS, parentNhsNumber: MOTHER_NHS }), { subject: 'Lily Hart, the baby', mother: [], father: ['other-adult'] });
    assert.deepEqual(await personGrounds({ nhsNumber: BABY_NHS }), { subject: 'Lily Hart, the baby', mother: ['other-adult'], father: ['other-adult'] }, 'no parent named: both are third parties');
    const notAParent = await createRequest(t.ctx, actorFor(f.officer), { nhsNumber: BABY_NHS, parentNhsNumber: NOBODYS_NHS, receivedOn: today });
    assert.deepEqual(!notAParent.ok && notAParent.code === 'invalid' && notAParent.problems.map((p) => p.field), ['parentNhsNumber']);
  });

  it('extends the clock once, by two months, with the reason', async () => {
    const made = await createRequest(t.ctx, actorFor(f.officer), { nhsNumber: MOTHER_NHS, receivedOn: '2026-11-20' });
    assert.ok(made.ok);
    const blank = await extendRequest(t.ctx, actorFor(f.officer), made.value.id, '');
    assert.equal(!blank.ok && blank.code, 'invalid');
    const extended = await extendRequest(t.ctx, actorFor(f.officer), made.value.id, 'Records from four agencies to review');
    assert.deepEqual(extended, { ok: true, value: { dueOn: '2027-02-20' } });
    const twice = await extendRequest(t.ctx, actorFor(f.officer), made.value.id, 'More');
    assert.equal(!twice.ok && twice.code, 'conflict');
    const listed = (await listRequests(t.ctx, actorFor(f.officer))) as { value: { id: string; dueOn: string }[] };
    assert.equal(listed.value.find((r) => r.id === made.value.id)!.dueOn, '2027-02-20');
  });

  it('ends the duty when an administrator revokes it', async () => {
    assert.ok((await revokeOfficer(t.ctx, actorFor(f.admin), f.otherOfficer.id)).ok);
    assert.equal((await listRequests(t.ctx, actorFor(f.otherOfficer))).ok, false);
  });
});
