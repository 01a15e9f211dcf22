// Recording and reading consent, withdrawals, sharing without consent and the GP told, on the test
// database (PGlite, or PostgreSQL with DATABASE_URL). Days come from the test clock.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { actorFor, makeCase, makeOrganisation, makePerson, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import type { ConsentDraft } from '../../domain/consent/consent.types.ts';
import { addDays } from '../../domain/shared/calendar-date.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import { recordEntry } from '../chronology/record-entry.ts';
import { recordConsent } from './record-consent.ts';
import { recordGpTold } from './record-gp-told.ts';
import { viewConsent } from './view-consent.ts';

type User = Awaited<ReturnType<typeof makeUser>>;

describe('consent and information sharing', () => {
  let t: TestApp;
  let caseId: string;
  let mumId: string;
  let lead: User;
  let member: User;
  let outsider: User;
  let today: string;

  before(async () => {
    t = await createTestApp();
    today = serviceToday(t.clock.now());
    const csc = await makeOrganisation(t.ctx, 'childrens-social-care', 'Consent Social Care');
    lead = await makeUser(t.ctx, { organisationId: csc.id, name: 'Sue Lead' });
    member = await makeUser(t.ctx, { name: 'Hana Visitor' });
    outsider = await makeUser(t.ctx, { name: 'Out Sider' });
    ({ id: caseId } = await makeCase(t.ctx, { familyName: 'Consent', teamUserIds: [lead.id, member.id] }));
    ({ id: mumId } = await makePerson(t.ctx, caseId, { given_name: 'Amy', family_name: 'Consent', relationship_to_infant: 'mother' }));
  });
  after(async () => t.close());

  const lastSeq = async () => (await t.ctx.db.selectFrom('audit_log').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirstOrThrow()).seq ?? '0';
  const auditSince = async (seq: string) => t.ctx.db.selectFrom('audit_log').select(['action', 'outcome', 'subject_type', 'details']).where('seq', '>', seq).orderBy('seq').execute();
  const rows = async () => Number((await t.ctx.db.selectFrom('case_consents').select((eb) => eb.fn.countAll<string>().as('n')).where('case_id', '=', caseId).executeTakeFirstOrThrow()).n);
  const profileVersion = async () => (await t.ctx.db.selectFrom('cases').select('profile_version').where('id', '=', caseId).executeTakeFirstOrThrow()).profile_version;

  const consent = (over: Partial<ConsentDraft> = {}): ConsentDraft => ({ kind: 'consent', askedPersonId: mumId, purpose: 'sharing with the GP and housing', soughtOn: addDays(today, -5), answer: 'given', ...over });
  let givenId: string;

  it('records a consent given through the one way to change a case: stored, audited as consent.record, no profile version', async () => {
    const versionBefore = await profileVersion();
    const before = await lastSeq();
    const result = await recordConsent(t.ctx, actorFor(member), caseId, consent());
    assert.ok(result.ok, JSON.stringify(result));
    givenId = result.value.id;
    assert.equal(result.value.recordedBy, 'Hana Visitor');
    assert.equal(await rows(), 1);
    assert.deepEqual(await auditSince(before), [{ action: 'consent.record', outcome: 'success', subject_type: 'consent', details: { kind: 'consent', answer: 'given', soughtOn: addDays(today, -5) } }]);
    assert.equal(await profileVersion(), versionBefore);
  });

  it('records a refusal from someone named, with nothing more', async () => {
    const result = await recordConsent(t.ctx, actorFor(lead), caseId, consent({ askedPersonId: undefined, askedName: 'Dan, the father', answer: 'refused', soughtOn: today }));
    assert.ok(result.ok && result.value.kind === 'consent' && result.value.answer === 'refused' && result.value.askedName === 'Dan, the father');
  });

  it('refuses a consent dated in the future, for a person of another case, audited as a failure, storing nothing', async () => {
    const { id: otherCase } = await makeCase(t.ctx, { teamUserIds: [lead.id] });
    const { id: otherPerson } = await makePerson(t.ctx, otherCase);
    const before = await lastSeq();
    const result = await recordConsent(t.ctx, actorFor(lead), caseId, consent({ askedPersonId: otherPerson, soughtOn: addDays(today, 1) }));
    assert.ok(!result.ok && result.code === 'invalid');
    assert.deepEqual(result.problems, [{ path: '/askedPersonId', code: 'unknown-person' }, { path: '/soughtOn', code: 'in-future' }]);
    assert.equal(await rows(), 2);
    assert.deepEqual(await auditSince(before), [{ action: 'consent.record', outcome: 'failure', subject_type: 'case', details: { reason: 'invalid', problems: ['unknown-person', 'in-future'] } }]);
  });

  it('records a withdrawal of the consent given, once, not before it was given', async () => {
    const early = await recordConsent(t.ctx, actorFor(member), caseId, { kind: 'withdrawal', withdraws: givenId, withdrawnOn: addDays(today, -6) });
    assert.ok(!early.ok && early.code === 'invalid' && early.problems[0]!.code === 'withdrawn-before-given');
    const before = await lastSeq();
    const withdrawn = await recordConsent(t.ctx, actorFor(member), caseId, { kind: 'withdrawal', withdraws: givenId, withdrawnOn: addDays(today, -1), note: 'Phoned the office' });
    assert.ok(withdrawn.ok, JSON.stringify(withdrawn));
    assert.deepEqual((await auditSince(before)).map((a) => [a.action, a.outcome, a.subject_type]), [['consent.record', 'success', 'consent']]);
    const again = await recordConsent(t.ctx, actorFor(member), caseId, { kind: 'withdrawal', withdraws: givenId, withdrawnOn: today });
    assert.ok(!again.ok && again.code === 'invalid');
    assert.deepEqual(again.problems, [{ path: '/withdraws', code: 'already-withdrawn' }]);
  });

  it('records sharing without consent with its basis and decider, audited as information-sharing.record', async () => {
    const before = await lastSeq();
    const refused = await recordConsent(t.ctx, actorFor(lead), caseId, { kind: 'shared-without-consent', sharedWhat: 'The police log', sharedWith: 'The health visitor', sharedOn: today, basis: 'other', decidedBy: outsider.email });
    assert.ok(!refused.ok && refused.code === 'invalid');
    assert.deepEqual(refused.problems, [{ path: '/basisOther', code: 'basis-other-needed' }, { path: '/decidedBy', code: 'unknown-decider' }, { path: '/reason', code: 'reason-needed' }]);
    const shared = await recordConsent(t.ctx, actorFor(member), caseId, { kind: 'shared-without-consent', sharedWhat: 'The police log', sharedWith: 'The health visitor', sharedOn: today, basis: 'safeguarding-child', decidedBy: lead.id, reason: 'Asking would put the baby at risk' });
    assert.ok(shared.ok && shared.value.kind === 'shared-without-consent' && shared.value.decidedByName === 'Sue Lead', JSON.stringify(shared));
    assert.deepEqual((await auditSince(before)).map((a) => [a.action, a.outcome, a.subject_type]), [
      ['information-sharing.record', 'failure', 'case'],
      ['information-sharing.record', 'success', 'information-sharing'],
    ]);
  });

  it('refuses someone outside the team, audited as denied, and answers not found for no such case', async () => {
    const before = await lastSeq();
    const count = await rows();
    const refused = await recordConsent(t.ctx, actorFor(outsider), caseId, consent());
    assert.ok(!refused.ok && refused.code === 'forbidden');
    const missing = await recordConsent(t.ctx, actorFor(lead), randomUUID(), consent());
    assert.ok(!missing.ok && missing.code === 'not-found');
    const look = await viewConsent(t.ctx, actorFor(outsider), caseId);
    assert.ok(!look.ok && look.code === 'forbidden');
    const none = await viewConsent(t.ctx, actorFor(lead), randomUUID());
    assert.ok(!none.ok && none.code === 'not-found');
    const told = await recordGpTold(t.ctx, actorFor(outsider), caseId, { toldOn: today, shared: 'x' });
    assert.ok(!told.ok && told.code === 'forbidden');
    const toldBadly = await recordGpTold(t.ctx, actorFor(outsider), caseId, { toldOn: '', shared: '' });
    assert.ok(!toldBadly.ok && toldBadly.code === 'forbidden', 'an outsider learns nothing of the form');
    assert.equal(await rows(), count);
    assert.deepEqual((await auditSince(before)).map((a) => [a.action, a.outcome]), [
      ['consent.record', 'denied'],
      ['consent.record', 'failure'],
      ['consent.list', 'denied'],
      ['consent.list', 'failure'],
      ['chronology.record', 'denied'],
      ['chronology.record', 'denied'],
    ]);
  });

  it('reads the records in words, latest first, with no record of the GP being told, and audits the look', async () => {
    const before = await lastSeq();
    const view = await viewConsent(t.ctx, actorFor(member), caseId);
    assert.ok(view.ok);
    assert.equal(view.value.gpLastTold, null);
    assert.deepEqual(view.value.lines.map((l) => l.status), ['shared-without-consent', 'refused', 'withdrawn']);
    assert.match(view.value.lines[2]!.text, /^Consent given by Amy Consent \(Mother\) on .* for sharing with the GP and housing; withdrawn on /);
    assert.deepEqual(view.value.stillGiven, []);
    assert.deepEqual(view.value.deciders.map((d) => d.name).sort(), ['Hana Visitor', 'Sue Lead']);
    assert.deepEqual(await auditSince(before), [{ action: 'consent.list', outcome: 'success', subject_type: 'case', details: { basis: 'team-member', records: 4, gpTold: false } }]);
  });

  it('records the GP told as a gp-informed chronology entry, and shows the latest current one', async () => {
    const before = await lastSeq();
    const invalid = await recordGpTold(t.ctx, actorFor(member), caseId, { toldOn: addDays(today, 2), shared: ' ' });
    assert.ok(!invalid.ok && invalid.code === 'invalid');
    assert.deepEqual(invalid.problems, [{ path: '/toldOn', code: 'in-future' }, { path: '/shared', code: 'shared-needed' }]);
    const told = await recordGpTold(t.ctx, actorFor(member), caseId, { toldOn: addDays(today, -2), shared: 'The concerns about drinking' });
    assert.ok(told.ok, JSON.stringify(told));
    assert.equal(told.entry.kind, 'gp-informed');
    assert.deepEqual((await auditSince(before)).map((a) => [a.action, a.outcome]), [['chronology.record', 'failure'], ['chronology.record', 'success']]);
    // An agency's own gp-informed entry, earlier, does not replace the latest.
    assert.ok((await recordEntry(t.ctx, actorFor(lead), caseId, { kind: 'gp-informed', occurredAt: addDays(today, -3), summary: 'Letter to the GP', source: 'agency-record' })).ok);
    let view = await viewConsent(t.ctx, actorFor(lead), caseId);
    assert.ok(view.ok);
    assert.deepEqual(view.value.gpLastTold && { ...view.value.gpLastTold, entryId: 'x' }, { entryId: 'x', on: addDays(today, -2), by: 'Hana Visitor', agency: view.value.gpLastTold!.agency, shared: 'The concerns about drinking' });
    // A correction that says it was not the GP after all: the latest is the agency's letter.
    assert.ok((await recordEntry(t.ctx, actorFor(member), caseId, { kind: 'case-note', occurredAt: addDays(today, -2), summary: 'It was the practice nurse', source: 'agency-record', corrects: told.entry.id, correctionReason: 'Not the GP' })).ok);
    view = await viewConsent(t.ctx, actorFor(lead), caseId);
    assert.ok(view.ok);
    assert.equal(view.value.gpLastTold?.on, addDays(today, -3));
    assert.equal(view.value.gpLastTold?.shared, 'Letter to the GP');
  });
});
