// What makes a meeting acceptable, whoever records it (the meetings page, an agency system): a kind
// the service knows, a real day in 1900 or later that is not after today (a meeting in the future
// has not been held), a chair, whether the parents were there (never at a professionals' meeting,
// which is by definition without them), at least one attendee and one decision, each in words,
// people named with their agency, and every action with an owner and a due date at most 12 months
// ahead (date-rules.ts). Each problem has a JSON pointer path, so a page can mark the field and an
// API caller is told exactly which part is wrong.
import { dayProblem, DUE, HAPPENED, tooEarlyWords, tooFarAheadWords } from '../shared/date-rules.ts';
import { isOrganisationKind } from '../shared/organisation-kinds.ts';
import { MEETING_LIMITS, isAbuseCategory, isConference, isMeetingKind, type Meeting, type MeetingDraft, type MeetingPerson } from './meeting.types.ts';

export const MEETING_PROBLEM_MESSAGES = {
  'unknown-kind': 'Choose what kind of meeting it was.',
  'date-needed': 'Enter the date the meeting was held.',
  'not-a-date': 'The date the meeting was held must be a real date.',
  'held-too-early': tooEarlyWords('The date the meeting was held'),
  'held-in-future': 'A meeting dated in the future cannot be recorded as held: enter the date it was held.',
  'chair-needed': 'Enter who chaired the meeting.',
  'too-long': 'This is too long.',
  'parents-present-needed': 'Say whether the parents were present.',
  'parents-at-professionals-meeting': "A professionals' meeting is held without the parents: choose another kind of meeting, or say the parents were not present.",
  'attendees-needed': 'Enter at least one person who attended.',
  'too-many-people': `List at most ${MEETING_LIMITS.people} people.`,
  'name-needed': 'Enter the name of the person.',
  'unknown-agency': 'Choose the agency the person was there for.',
  'decisions-needed': 'Enter at least one decision the meeting made.',
  'too-many-decisions': `Record at most ${MEETING_LIMITS.decisions} decisions.`,
  'decision-blank': 'Write the decision in words, or leave the row out.',
  'too-many-actions': `Record at most ${MEETING_LIMITS.actions} actions.`,
  'action-text-needed': 'Say what will be done.',
  'owner-needed': 'Enter who will do it.',
  'due-date-needed': 'Enter the date it is due.',
  'due-not-a-date': 'The due date must be a real date.',
  'due-too-early': tooEarlyWords('The due date'),
  'due-too-far-ahead': tooFarAheadWords('The due date'),
  'section47-only-strategy': 'Only a strategy discussion starts enquiries under section 47.',
  'plan-only-conference': 'Only a child protection conference decides on a child protection plan.',
  'unknown-abuse-category': 'Choose the category of abuse: neglect, physical, sexual, emotional or multiple.',
  'category-only-plan': 'Only a child protection conference that makes or keeps a plan records its category of abuse.',
  'plan-full': "The plan already holds as many actions as it can, so this meeting's actions cannot join it.",
} as const;

export type MeetingProblemCode = keyof typeof MEETING_PROBLEM_MESSAGES;

export interface MeetingProblem {
  /** JSON pointer into the meeting as sent: /heldOn, /attendees/2/agency, /actions/0/owner. */
  path: string;
  code: MeetingProblemCode;
}

export type CheckedMeeting = { ok: true; meeting: Meeting } | { ok: false; problems: MeetingProblem[] };

const trimmed = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** Checks a meeting as sent on `today` (the service's day): the meeting trimmed, or every problem with its path. */
export function checkMeeting(draft: MeetingDraft, today: string): CheckedMeeting {
  const problems: MeetingProblem[] = [];
  const problem = (path: string, code: MeetingProblemCode) => problems.push({ path, code });

  const kind = trimmed(draft.kind);
  if (!isMeetingKind(kind)) problem('/kind', 'unknown-kind');

  const heldOn = trimmed(draft.heldOn);
  const heldOnProblem = dayProblem(heldOn, today, HAPPENED);
  if (heldOn === '') problem('/heldOn', 'date-needed');
  else if (heldOnProblem === 'not-a-date') problem('/heldOn', 'not-a-date');
  else if (heldOnProblem === 'too-early') problem('/heldOn', 'held-too-early');
  else if (heldOnProblem === 'in-future') problem('/heldOn', 'held-in-future');

  const chair = trimmed(draft.chair);
  if (chair === '') problem('/chair', 'chair-needed');
  else if (chair.length > MEETING_LIMITS.chair) problem('/chair', 'too-long');

  if (typeof draft.parentsPresent !== 'boolean') problem('/parentsPresent', 'parents-present-needed');
  else if (draft.parentsPresent && kind === 'professionals-meeting') problem('/parentsPresent', 'parents-at-professionals-meeting');

  const people = (list: readonly { name: string; agency: string }[], at: string): MeetingPerson[] => {
    if (list.length > MEETING_LIMITS.people) problem(at, 'too-many-people');
    return list.slice(0, MEETING_LIMITS.people).flatMap((person, i) => {
      const name = trimmed(person.name);
      const agency = trimmed(person.agency);
      if (name === '') problem(`${at}/${String(i)}/name`, 'name-needed');
      else if (name.length > MEETING_LIMITS.name) problem(`${at}/${String(i)}/name`, 'too-long');
      if (!isOrganisationKind(agency)) {
        problem(`${at}/${String(i)}/agency`, 'unknown-agency');
        return [];
      }
      return [{ name, agency }];
    });
  };
  if (draft.attendees.length === 0) problem('/attendees', 'attendees-needed');
  const attendees = people(draft.attendees, '/attendees');
  const invitedAbsent = people(draft.invitedAbsent ?? [], '/invitedAbsent');

  if (draft.decisions.length === 0) problem('/decisions', 'decisions-needed');
  if (draft.decisions.length > MEETING_LIMITS.decisions) problem('/decisions', 'too-many-decisions');
  const decisions = draft.decisions.map(trimmed);
  decisions.forEach((decision, i) => {
    if (decision === '') problem(`/decisions/${String(i)}`, 'decision-blank');
    else if (decision.length > MEETING_LIMITS.decision) problem(`/decisions/${String(i)}`, 'too-long');
  });

  const dissent = trimmed(draft.dissent);
  if (dissent.length > MEETING_LIMITS.dissent) problem('/dissent', 'too-long');

  const sentActions = draft.actions ?? [];
  if (sentActions.length > MEETING_LIMITS.actions) problem('/actions', 'too-many-actions');
  const actions = sentActions.map((action, i) => {
    const at = `/actions/${String(i)}`;
    const text = trimmed(action.text);
    const owner = trimmed(action.owner);
    const dueOn = trimmed(action.dueOn);
    if (text === '') problem(`${at}/text`, 'action-text-needed');
    else if (text.length > MEETING_LIMITS.actionText) problem(`${at}/text`, 'too-long');
    if (owner === '') problem(`${at}/owner`, 'owner-needed');
    else if (owner.length > MEETING_LIMITS.owner) problem(`${at}/owner`, 'too-long');
    const dueOnProblem = dayProblem(dueOn, today, DUE);
    if (dueOn === '') problem(`${at}/dueOn`, 'due-date-needed');
    else if (dueOnProblem === 'not-a-date') problem(`${at}/dueOn`, 'due-not-a-date');
    else if (dueOnProblem === 'too-early') problem(`${at}/dueOn`, 'due-too-early');
    else if (dueOnProblem === 'too-far-ahead') problem(`${at}/dueOn`, 'due-too-far-ahead');
    return { text, owner, dueOn };
  });

  if (draft.section47 !== undefined && isMeetingKind(kind) && kind !== 'strategy-discussion') problem('/section47', 'section47-only-strategy');
  if (draft.protectionPlan !== undefined && isMeetingKind(kind) && !isConference(kind)) problem('/protectionPlan', 'plan-only-conference');

  const abuseCategory = trimmed(draft.abuseCategory);
  if (abuseCategory !== '') {
    if (!isAbuseCategory(abuseCategory)) problem('/abuseCategory', 'unknown-abuse-category');
    else if (isMeetingKind(kind) && (!isConference(kind) || draft.protectionPlan === false)) problem('/abuseCategory', 'category-only-plan');
  }

  if (problems.length > 0 || !isMeetingKind(kind) || typeof draft.parentsPresent !== 'boolean') return { ok: false, problems };
  return {
    ok: true,
    meeting: {
      kind,
      heldOn,
      chair,
      ...(draft.chairIndependent !== undefined ? { chairIndependent: draft.chairIndependent } : {}),
      parentsPresent: draft.parentsPresent,
      attendees,
      invitedAbsent,
      decisions,
      ...(dissent !== '' ? { dissent } : {}),
      actions,
      ...(draft.section47 !== undefined ? { section47: draft.section47 } : {}),
      ...(draft.protectionPlan !== undefined ? { protectionPlan: draft.protectionPlan } : {}),
      ...(isAbuseCategory(abuseCategory) ? { abuseCategory } : {}),
    },
  };
}
