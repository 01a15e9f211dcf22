import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkMeeting, MEETING_PROBLEM_MESSAGES, type MeetingProblem } from './meeting-rules.ts';
import { meetingObservations } from './meeting-observations.ts';
import { MEETING_KIND_LABELS, MEETING_KINDS, MEETING_LIMITS, isMeetingKind, type Meeting, type MeetingDraft } from './meeting.types.ts';

const today = '2026-11-22';

const draft = (over: Partial<MeetingDraft> = {}): MeetingDraft => ({
  kind: 'strategy-discussion',
  heldOn: '2026-11-20',
  chair: ' Sam Chair, team manager ',
  parentsPresent: false,
  attendees: [
    { name: 'Hana Visitor', agency: 'health-visiting' },
    { name: 'Dr Ray', agency: 'gp' },
  ],
  decisions: ['Section 47 enquiries to start'],
  ...over,
});

const problems = (over: Partial<MeetingDraft>): MeetingProblem[] => {
  const checked = checkMeeting(draft(over), today);
  assert.equal(checked.ok, false, 'expected problems');
  return checked.ok ? [] : checked.problems;
};

describe('meeting kinds', () => {
  it('are exactly the API’s, each with plain words', () => {
    assert.deepEqual([...MEETING_KINDS], ['strategy-discussion', 'initial-conference', 'review-conference', 'pre-birth-conference', 'core-group', 'child-in-need-meeting', 'discharge-planning-meeting', 'professionals-meeting']);
    for (const kind of MEETING_KINDS) assert.match(MEETING_KIND_LABELS[kind], /^[A-Z][a-z' -]+$/);
    assert.equal(MEETING_KIND_LABELS['professionals-meeting'], "Professionals' meeting");
    assert.ok(isMeetingKind('core-group'));
    assert.ok(!isMeetingKind('conference'));
    assert.ok(!isMeetingKind('toString'));
  });
});

describe('checking a meeting', () => {
  it('accepts a meeting held today or before, trimmed, with empty lists where nothing was sent', () => {
    const checked = checkMeeting(draft({ heldOn: today, dissent: '  ', section47: true }), today);
    assert.ok(checked.ok, JSON.stringify(checked));
    assert.deepEqual(checked.meeting, {
      kind: 'strategy-discussion',
      heldOn: today,
      chair: 'Sam Chair, team manager',
      parentsPresent: false,
      attendees: [
        { name: 'Hana Visitor', agency: 'health-visiting' },
        { name: 'Dr Ray', agency: 'gp' },
      ],
      invitedAbsent: [],
      decisions: ['Section 47 enquiries to start'],
      actions: [],
      section47: true,
    });
  });

  it('keeps the chair’s independence, dissent, the invited and absent, and actions', () => {
    const checked = checkMeeting(
      draft({
        kind: 'initial-conference',
        chairIndependent: true,
        protectionPlan: true,
        invitedAbsent: [{ name: 'PC Lane', agency: 'police' }],
        dissent: ' The health visitor thought a plan was not needed ',
        actions: [{ text: 'Book the first core group', owner: 'Sam Chair', dueOn: '2026-12-04' }],
      }),
      today,
    );
    assert.ok(checked.ok);
    assert.equal(checked.meeting.chairIndependent, true);
    assert.equal(checked.meeting.protectionPlan, true);
    assert.equal(checked.meeting.dissent, 'The health visitor thought a plan was not needed');
    assert.deepEqual(checked.meeting.invitedAbsent, [{ name: 'PC Lane', agency: 'police' }]);
    assert.deepEqual(checked.meeting.actions, [{ text: 'Book the first core group', owner: 'Sam Chair', dueOn: '2026-12-04' }]);
  });

  it('refuses a meeting dated in the future as held, the day after today but not today', () => {
    assert.deepEqual(problems({ heldOn: '2026-11-23' }), [{ path: '/heldOn', code: 'held-in-future' }]);
    assert.match(MEETING_PROBLEM_MESSAGES['held-in-future'], /dated in the future/);
    assert.ok(checkMeeting(draft({ heldOn: today }), today).ok);
  });

  it('refuses a meeting held before 1900 (a slip of the year), but not on 1 January 1900', () => {
    assert.deepEqual(problems({ heldOn: '1026-11-20' }), [{ path: '/heldOn', code: 'held-too-early' }]);
    assert.match(MEETING_PROBLEM_MESSAGES['held-too-early'], /^The date the meeting was held must be in 1900 or later/);
    assert.ok(checkMeeting(draft({ heldOn: '1900-01-01' }), today).ok);
  });

  it('refuses a missing or unreal date', () => {
    assert.deepEqual(problems({ heldOn: '' }), [{ path: '/heldOn', code: 'date-needed' }]);
    assert.deepEqual(problems({ heldOn: '2026-02-30' }), [{ path: '/heldOn', code: 'not-a-date' }]);
    assert.deepEqual(problems({ heldOn: 'last week' }), [{ path: '/heldOn', code: 'not-a-date' }]);
  });

  it('refuses an unknown kind and a missing chair', () => {
    assert.deepEqual(problems({ kind: 'conference' }), [{ path: '/kind', code: 'unknown-kind' }]);
    assert.deepEqual(problems({ chair: '   ' }), [{ path: '/chair', code: 'chair-needed' }]);
    assert.deepEqual(problems({ chair: 'x'.repeat(MEETING_LIMITS.chair + 1) }), [{ path: '/chair', code: 'too-long' }]);
  });

  it('refuses parents present at a professionals’ meeting, and allows them at any other kind', () => {
    assert.deepEqual(problems({ kind: 'professionals-meeting', parentsPresent: true }), [{ path: '/parentsPresent', code: 'parents-at-professionals-meeting' }]);
    assert.ok(checkMeeting(draft({ kind: 'professionals-meeting', parentsPresent: false }), today).ok);
    for (const kind of MEETING_KINDS.filter((k) => k !== 'professionals-meeting')) assert.ok(checkMeeting(draft({ kind, parentsPresent: true }), today).ok, kind);
  });

  it('needs to know whether the parents were present', () => {
    const rest: MeetingDraft = draft();
    delete rest.parentsPresent;
    const checked = checkMeeting(rest, today);
    assert.deepEqual(checked.ok ? [] : checked.problems, [{ path: '/parentsPresent', code: 'parents-present-needed' }]);
  });

  it('needs an attendee, each with a name and a known agency, and checks the invited and absent the same way', () => {
    assert.deepEqual(problems({ attendees: [] }), [{ path: '/attendees', code: 'attendees-needed' }]);
    assert.deepEqual(problems({ attendees: [{ name: ' ', agency: 'gp' }, { name: 'A', agency: 'nowhere' }] }), [
      { path: '/attendees/0/name', code: 'name-needed' },
      { path: '/attendees/1/agency', code: 'unknown-agency' },
    ]);
    assert.deepEqual(problems({ invitedAbsent: [{ name: 'B', agency: '' }] }), [{ path: '/invitedAbsent/0/agency', code: 'unknown-agency' }]);
    const many = Array.from({ length: MEETING_LIMITS.people + 1 }, (_, i) => ({ name: `P${String(i)}`, agency: 'police' }));
    assert.deepEqual(problems({ attendees: many }), [{ path: '/attendees', code: 'too-many-people' }]);
  });

  it('refuses no decisions and a blank decision, naming the row', () => {
    assert.deepEqual(problems({ decisions: [] }), [{ path: '/decisions', code: 'decisions-needed' }]);
    assert.deepEqual(problems({ decisions: ['Plan agreed', '  '] }), [{ path: '/decisions/1', code: 'decision-blank' }]);
    assert.deepEqual(problems({ decisions: ['x'.repeat(MEETING_LIMITS.decision + 1)] }), [{ path: '/decisions/0', code: 'too-long' }]);
  });

  it('refuses an action without an owner or a due date, or with an unreal one', () => {
    assert.deepEqual(problems({ actions: [{ text: 'Visit', dueOn: '2026-12-01' }, { text: 'Call', owner: 'Sam' }, { text: ' ', owner: 'Sam', dueOn: '2026-13-01' }] }), [
      { path: '/actions/0/owner', code: 'owner-needed' },
      { path: '/actions/1/dueOn', code: 'due-date-needed' },
      { path: '/actions/2/text', code: 'action-text-needed' },
      { path: '/actions/2/dueOn', code: 'due-not-a-date' },
    ]);
  });

  it('takes an action due from 1900 up to 12 months ahead, and refuses one outside', () => {
    const action = (dueOn: string) => ({ actions: [{ text: 'Visit', owner: 'Sam', dueOn }] });
    assert.deepEqual(problems(action('1899-12-31')), [{ path: '/actions/0/dueOn', code: 'due-too-early' }]);
    assert.deepEqual(problems(action('2027-11-23')), [{ path: '/actions/0/dueOn', code: 'due-too-far-ahead' }]);
    for (const dueOn of ['1900-01-01', '2026-11-01', '2027-11-22']) assert.ok(checkMeeting(draft(action(dueOn)), today).ok, dueOn);
  });

  it('keeps section 47 to strategy discussions and the protection plan to conferences', () => {
    assert.deepEqual(problems({ kind: 'core-group', section47: true }), [{ path: '/section47', code: 'section47-only-strategy' }]);
    assert.deepEqual(problems({ kind: 'strategy-discussion', protectionPlan: false }), [{ path: '/protectionPlan', code: 'plan-only-conference' }]);
    assert.ok(checkMeeting(draft({ kind: 'review-conference', protectionPlan: false }), today).ok);
  });

  it('keeps the category of abuse to a conference that makes or keeps a plan, and to the census codes', () => {
    const checked = checkMeeting(draft({ kind: 'initial-conference', protectionPlan: true, abuseCategory: ' NEG ' }), today);
    assert.ok(checked.ok && checked.meeting.abuseCategory === 'NEG');
    const notKnownPlan = checkMeeting(draft({ kind: 'review-conference', abuseCategory: 'MUL' }), today);
    assert.ok(notKnownPlan.ok && notKnownPlan.meeting.abuseCategory === 'MUL', 'a plan not known counts as a plan');
    assert.deepEqual(problems({ kind: 'review-conference', protectionPlan: false, abuseCategory: 'PHY' }), [{ path: '/abuseCategory', code: 'category-only-plan' }]);
    assert.deepEqual(problems({ kind: 'core-group', abuseCategory: 'EMO' }), [{ path: '/abuseCategory', code: 'category-only-plan' }]);
    assert.deepEqual(problems({ kind: 'initial-conference', abuseCategory: 'neglect' }), [{ path: '/abuseCategory', code: 'unknown-abuse-category' }]);
    const none = checkMeeting(draft({ kind: 'initial-conference', abuseCategory: '  ' }), today);
    assert.ok(none.ok && !('abuseCategory' in none.meeting));
  });

  it('names every problem at once', () => {
    const found = problems({ kind: '', heldOn: '2027-01-01', chair: '', attendees: [], decisions: [] });
    assert.deepEqual(found.map((p) => p.path), ['/kind', '/heldOn', '/chair', '/attendees', '/decisions']);
  });
});

describe('what a page observes about a meeting', () => {
  const meeting = (over: Partial<Meeting> = {}): Meeting => ({
    kind: 'core-group',
    heldOn: '2026-11-20',
    chair: 'Sam',
    parentsPresent: true,
    attendees: [
      { name: 'Hana', agency: 'health-visiting' },
      { name: 'Dr Ray', agency: 'gp' },
    ],
    invitedAbsent: [],
    decisions: ['Carry on'],
    actions: [],
    ...over,
  });
  const ids = (over: Partial<Meeting>) => meetingObservations(meeting(over)).map((o) => o.id);

  it('observes nothing when health and the GP attended a meeting that is not a conference', () => {
    assert.deepEqual(meetingObservations(meeting()), []);
  });

  it('says when no health agency attended, and any one health agency is enough', () => {
    assert.deepEqual(ids({ attendees: [{ name: 'PC Lane', agency: 'police' }], invitedAbsent: [{ name: 'Dr Ray', agency: 'gp' }] }), ['no-health-agency', 'gp-absent']);
    for (const agency of ['midwifery', 'hospital', 'health-visiting'] as const) {
      assert.deepEqual(ids({ attendees: [{ name: 'X', agency }], invitedAbsent: [{ name: 'Dr Ray', agency: 'gp' }] }), ['gp-absent'], agency);
    }
  });

  it('says the GP was not invited, or was invited and absent', () => {
    assert.deepEqual(ids({ attendees: [{ name: 'Hana', agency: 'health-visiting' }] }), ['gp-not-invited']);
    assert.deepEqual(ids({ attendees: [{ name: 'Hana', agency: 'health-visiting' }], invitedAbsent: [{ name: 'Dr Ray', agency: 'gp' }] }), ['gp-absent']);
    assert.match(meetingObservations(meeting({ attendees: [] }))[1]!.text, /GP was not invited/);
  });

  it('says when a conference’s chair was not independent, or not recorded as independent; not for other meetings', () => {
    assert.deepEqual(ids({ kind: 'initial-conference', chairIndependent: false }), ['chair-not-independent']);
    assert.deepEqual(ids({ kind: 'review-conference' }), ['chair-independence-not-recorded']);
    assert.deepEqual(ids({ kind: 'pre-birth-conference', chairIndependent: true }), []);
    assert.deepEqual(ids({ kind: 'strategy-discussion', chairIndependent: false }), []);
  });
});
