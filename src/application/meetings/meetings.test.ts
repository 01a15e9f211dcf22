// Recording and listing meetings, and the clocks they move, on the test database (PGlite, or
// PostgreSQL with DATABASE_URL). Days come from the test clock.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { actorFor, makeCase, makeOrganisation, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import type { MeetingDraft } from '../../domain/meetings/meeting.types.ts';
import { addDays } from '../../domain/shared/calendar-date.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import { addWorkingDays } from '../../domain/timescales/working-days.ts';
import { recordEntry } from '../chronology/record-entry.ts';
import { viewTimescales } from '../timescales/case-clocks.ts';
import { listMeetings } from './list-meetings.ts';
import { recordMeeting } from './record-meeting.ts';

type User = Awaited<ReturnType<typeof makeUser>>;

describe('recording and listing meetings', () => {
  let t: TestApp;
  let caseId: string;
  let lead: User;
  let member: User;
  let outsider: User;
  let today: string;

  before(async () => {
    t = await createTestApp();
    today = serviceToday(t.clock.now());
    const csc = await makeOrganisation(t.ctx, 'childrens-social-care', 'Meeting Social Care');
    lead = await makeUser(t.ctx, { organisationId: csc.id, name: 'Sue Worker' });
    member = await makeUser(t.ctx, { name: 'Gina Member' });
    outsider = await makeUser(t.ctx, { name: 'Out Sider' });
    ({ id: caseId } = await makeCase(t.ctx, { familyName: 'Met', teamUserIds: [lead.id, member.id] }));
  });
  after(async () => t.close());

  const lastSeq = async () => (await t.ctx.db.selectFrom('audit_log').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirstOrThrow()).seq ?? '0';
  const auditSince = async (seq: string) => t.ctx.db.selectFrom('audit_log').select(['action', 'outcome', 'subject_type', 'details']).where('seq', '>', seq).orderBy('seq').execute();
  const meetingCount = async (id = caseId) => Number((await t.ctx.db.selectFrom('case_meetings').select((eb) => eb.fn.countAll<string>().as('n')).where('case_id', '=', id).executeTakeFirstOrThrow()).n);
  const profileVersion = async () => (await t.ctx.db.selectFrom('cases').select('profile_version').where('id', '=', caseId).executeTakeFirstOrThrow()).profile_version;

  const meeting = (over: Partial<MeetingDraft> = {}): MeetingDraft => ({
    kind: 'professionals-meeting',
    heldOn: addDays(today, -3),
    chair: 'Sue Worker',
    parentsPresent: false,
    attendees: [{ name: 'PC Lane', agency: 'police' }],
    decisions: ['Share the police log with the health visitor'],
    actions: [{ text: 'Send the log', owner: 'PC Lane', dueOn: addDays(today, 5) }],
    ...over,
  });

  it('records a meeting through the one way to change a case: stored, audited, no profile version', async () => {
    const versionBefore = await profileVersion();
    const before = await lastSeq();
    const result = await recordMeeting(t.ctx, actorFor(member), caseId, meeting({ dissent: 'Housing disagreed' }));
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(result.value.recordedBy, 'Gina Member');
    assert.equal(result.value.heldOn, addDays(today, -3));
    assert.equal(result.value.dissent, 'Housing disagreed');
    assert.equal(await meetingCount(), 1);
    const audits = await auditSince(before);
    assert.deepEqual(audits.map((a) => [a.action, a.outcome, a.subject_type]), [['meeting.record', 'success', 'meeting']]);
    assert.deepEqual(audits[0]!.details, { kind: 'professionals-meeting', heldOn: addDays(today, -3), attendees: 1, actions: 1, planVersion: 1 });
    assert.equal(await profileVersion(), versionBefore, 'a meeting is not what the profile is evaluated from');
  });

  it('refuses a meeting dated in the future as held, and parents at a professionals’ meeting, audited, storing nothing', async () => {
    const before = await lastSeq();
    const result = await recordMeeting(t.ctx, actorFor(lead), caseId, meeting({ heldOn: addDays(today, 1), parentsPresent: true, actions: [{ text: 'Visit', dueOn: today }] }));
    assert.ok(!result.ok && result.code === 'invalid');
    assert.deepEqual(result.problems, [
      { path: '/heldOn', code: 'held-in-future' },
      { path: '/parentsPresent', code: 'parents-at-professionals-meeting' },
      { path: '/actions/0/owner', code: 'owner-needed' },
    ]);
    assert.equal(await meetingCount(), 1);
    assert.deepEqual(await auditSince(before), [{ action: 'meeting.record', outcome: 'failure', subject_type: 'case', details: { reason: 'invalid', problems: ['held-in-future', 'parents-at-professionals-meeting', 'owner-needed'] } }]);
  });

  it('refuses someone outside the team, audited as denied, and answers not found for no such case', async () => {
    const before = await lastSeq();
    const refused = await recordMeeting(t.ctx, actorFor(outsider), caseId, meeting());
    assert.ok(!refused.ok && refused.code === 'forbidden');
    const audits = await auditSince(before);
    assert.deepEqual(audits.map((a) => [a.action, a.outcome]), [['meeting.record', 'denied']]);
    assert.equal(await meetingCount(), 1);
    const missing = await recordMeeting(t.ctx, actorFor(lead), randomUUID(), meeting());
    assert.ok(!missing.ok && missing.code === 'not-found');

    const look = await listMeetings(t.ctx, actorFor(outsider), caseId);
    assert.ok(!look.ok && look.code === 'forbidden');
    const none = await listMeetings(t.ctx, actorFor(lead), randomUUID());
    assert.ok(!none.ok && none.code === 'not-found');
    const all = await auditSince(before);
    assert.deepEqual(all.slice(-2).map((a) => [a.action, a.outcome]), [['meeting.list', 'denied'], ['meeting.list', 'failure']]);
  });

  it('lists the meetings, latest first, with what a page observes, and audits the look', async () => {
    const conference = await recordMeeting(t.ctx, actorFor(lead), caseId, meeting({ kind: 'review-conference', heldOn: addDays(today, -1), parentsPresent: true, attendees: [{ name: 'Hana', agency: 'health-visiting' }], invitedAbsent: [{ name: 'Dr Ray', agency: 'gp' }] }));
    assert.ok(conference.ok);
    const before = await lastSeq();
    const listed = await listMeetings(t.ctx, actorFor(member), caseId);
    assert.ok(listed.ok);
    assert.deepEqual(listed.value.meetings.map((m) => [m.kind, m.observations.map((o) => o.id)]), [
      ['review-conference', ['gp-absent', 'chair-independence-not-recorded']],
      ['professionals-meeting', ['no-health-agency', 'gp-not-invited']],
    ]);
    assert.equal(listed.value.canChange, true);
    assert.equal(listed.value.babyName, 'Test Met');
    assert.deepEqual(await auditSince(before), [{ action: 'meeting.list', outcome: 'success', subject_type: 'case', details: { basis: 'team-member', meetings: 2 } }]);
  });
});

describe('the clocks the meetings and the chronology move', () => {
  let t: TestApp;
  let lead: User;
  let today: string;

  before(async () => {
    t = await createTestApp();
    today = serviceToday(t.clock.now());
    const csc = await makeOrganisation(t.ctx, 'childrens-social-care', 'Clock Social Care');
    lead = await makeUser(t.ctx, { organisationId: csc.id, name: 'Cleo Clock' });
  });
  after(async () => t.close());

  const attendees = [{ name: 'Hana', agency: 'health-visiting' }, { name: 'Dr Ray', agency: 'gp' }];

  it('replays a strategy discussion, then an initial conference 16 working days later: the clock shows it met, late', async () => {
    const { id: caseId } = await makeCase(t.ctx, { familyName: 'Late', teamUserIds: [lead.id] });
    const strategyOn = addDays(today, -40);
    const conferenceOn = addWorkingDays(strategyOn, 16);
    assert.ok(conferenceOn <= today);
    const strategy = await recordMeeting(t.ctx, actorFor(lead), caseId, { kind: 'strategy-discussion', heldOn: strategyOn, chair: 'Cleo Clock', parentsPresent: false, attendees, decisions: ['Section 47 enquiries'], section47: true });
    assert.ok(strategy.ok, JSON.stringify(strategy));

    // Between the two, the conference clock runs and goes overdue after 15 working days.
    const between = await viewTimescales(t.ctx, actorFor(lead), caseId);
    assert.ok(between.ok);
    assert.deepEqual(between.value.clocks.find((c) => c.id === 'initial-conference'), {
      id: 'initial-conference',
      label: 'Initial child protection conference',
      timescale: 'within 15 working days of the strategy discussion',
      startedOn: strategyOn,
      dueOn: addWorkingDays(strategyOn, 15),
      status: 'overdue',
    });

    const conference = await recordMeeting(t.ctx, actorFor(lead), caseId, { kind: 'initial-conference', heldOn: conferenceOn, chair: 'Ivy Independent', chairIndependent: true, parentsPresent: true, attendees, decisions: ['Child protection plan'], protectionPlan: true });
    assert.ok(conference.ok, JSON.stringify(conference));
    const after = await viewTimescales(t.ctx, actorFor(lead), caseId);
    assert.ok(after.ok);
    const initial = after.value.clocks.find((c) => c.id === 'initial-conference');
    assert.deepEqual(initial, { id: 'initial-conference', label: 'Initial child protection conference', timescale: 'within 15 working days of the strategy discussion', startedOn: strategyOn, dueOn: addWorkingDays(strategyOn, 15), status: 'met', metOn: conferenceOn, metBy: 'initial-conference', late: true });
    // The conference made a plan: the first core group and first review clocks start from it.
    assert.deepEqual(after.value.clocks.map((c) => c.id), ['initial-conference', 'first-core-group', 'first-review-conference']);
    assert.equal(after.value.clocks[1]!.dueOn, addWorkingDays(conferenceOn, 10));

    // The meetings page shows the same clocks.
    const listed = await listMeetings(t.ctx, actorFor(lead), caseId);
    assert.ok(listed.ok);
    assert.deepEqual(listed.value.clocks, after.value.clocks);
  });

  it('counts a referral social care records, and takes the strategy discussion entry as the decision on it', async () => {
    const { id: caseId } = await makeCase(t.ctx, { familyName: 'Referred', teamUserIds: [lead.id] });
    const referredOn = addDays(today, -10);
    const entry = (kind: string, occurredAt: string) => recordEntry(t.ctx, actorFor(lead), caseId, { kind, occurredAt, summary: `${kind} for the clocks`, source: 'agency-record' });
    assert.ok((await entry('referral', referredOn)).ok);
    let clocks = await viewTimescales(t.ctx, actorFor(lead), caseId);
    assert.ok(clocks.ok);
    assert.deepEqual(clocks.value.clocks.map((c) => [c.id, c.startedOn, c.status]), [
      ['referral-decision', referredOn, 'overdue'],
      ['assessment', referredOn, 'due'],
    ]);
    const strategyOn = addWorkingDays(referredOn, 1);
    assert.ok((await entry('strategy-discussion', strategyOn)).ok);
    clocks = await viewTimescales(t.ctx, actorFor(lead), caseId);
    assert.ok(clocks.ok);
    assert.deepEqual(clocks.value.clocks.map((c) => c.id), ['referral-decision', 'assessment', 'initial-conference']);
    assert.deepEqual([clocks.value.clocks[0]!.status, clocks.value.clocks[0]!.metOn, clocks.value.clocks[0]!.late], ['met', strategyOn, false]);
    assert.equal(clocks.value.clocks[2]!.startedOn, strategyOn);
  });

  it('refuses someone outside the team the clocks, audited, and answers not found for no such case', async () => {
    const { id: caseId } = await makeCase(t.ctx, { familyName: 'Private', teamUserIds: [lead.id] });
    const outsider = await makeUser(t.ctx, { name: 'No Body' });
    const refused = await viewTimescales(t.ctx, actorFor(outsider), caseId);
    assert.ok(!refused.ok && refused.code === 'forbidden');
    const denied = await t.ctx.db.selectFrom('audit_log').select(['action', 'outcome']).where('actor_user_id', '=', outsider.id).execute();
    assert.deepEqual(denied, [{ action: 'timescales.view', outcome: 'denied' }]);
    const missing = await viewTimescales(t.ctx, actorFor(lead), randomUUID());
    assert.ok(!missing.ok && missing.code === 'not-found');
  });
});
