// Turns the meetings as read into what the meetings page shows: each meeting's kind in words, the
// day, who chaired and whether independent, who attended and who was absent by agency, whether the
// parents were there, the decisions, dissent and actions, and what the service observes about it.
// Also the choices of the form.
import type { MeetingsView } from '../../../application/meetings/list-meetings.ts';
import { ABUSE_CATEGORIES, ABUSE_CATEGORY_LABELS, MEETING_KIND_LABELS, MEETING_KINDS } from '../../../domain/meetings/meeting.types.ts';
import { dayInWords } from '../../../domain/shared/calendar-date.ts';
import { ORGANISATION_KINDS, isOrganisationKind } from '../../../domain/shared/organisation-kinds.ts';
import { presentClocks } from './clocks.presenter.ts';

const agencyName = (agency: string) => (isOrganisationKind(agency) ? ORGANISATION_KINDS[agency] : agency);
const yesNoNotKnown = (value: boolean | undefined, yes: string, no: string) => (value === true ? yes : value === false ? no : 'Not recorded');

export function presentMeetings(view: MeetingsView) {
  return {
    caseId: view.caseId,
    babyName: view.babyName,
    canChange: view.canChange,
    clockRows: presentClocks(view.clocks),
    meetings: view.meetings.map((meeting) => ({
      id: meeting.id,
      title: `${MEETING_KIND_LABELS[meeting.kind]}, ${dayInWords(meeting.heldOn)}`,
      chair: meeting.chair,
      chairIndependent: yesNoNotKnown(meeting.chairIndependent, 'Yes', 'No'),
      parentsPresent: meeting.parentsPresent ? 'Yes' : 'No',
      attendees: meeting.attendees.map((p) => `${p.name} (${agencyName(p.agency)})`),
      invitedAbsent: meeting.invitedAbsent.map((p) => `${p.name} (${agencyName(p.agency)})`),
      decisions: meeting.decisions,
      dissent: meeting.dissent ?? null,
      actions: meeting.actions.map((a) => ({ text: a.text, owner: a.owner, due: dayInWords(a.dueOn) })),
      section47: meeting.kind === 'strategy-discussion' ? yesNoNotKnown(meeting.section47, 'Yes', 'No') : null,
      protectionPlan: ['initial-conference', 'review-conference', 'pre-birth-conference'].includes(meeting.kind) ? yesNoNotKnown(meeting.protectionPlan, 'Yes', 'No') : null,
      abuseCategory: meeting.abuseCategory ? `${ABUSE_CATEGORY_LABELS[meeting.abuseCategory]} (${meeting.abuseCategory})` : null,
      observations: meeting.observations.map((o) => o.text),
      recorded: `${meeting.recordedBy}, ${dayInWords(meeting.recordedAt.slice(0, 10))}`,
    })),
  };
}

export const abuseCategoryItems = (selected: string) => [
  ...ABUSE_CATEGORIES.map((category) => ({ value: category, text: `${ABUSE_CATEGORY_LABELS[category]} (${category})`, checked: category === selected })),
  { value: '', text: 'Not recorded', checked: selected === '' },
];

export const kindItems = (selected: string) => MEETING_KINDS.map((kind) => ({ value: kind, text: MEETING_KIND_LABELS[kind], checked: kind === selected }));

export const agencyItems = (selected: string) => [{ value: '', text: 'Choose the agency', selected: selected === '' }, ...Object.entries(ORGANISATION_KINDS).map(([value, text]) => ({ value, text, selected: value === selected }))];
