// What a page says about a recorded meeting, beside what it records: a meeting with no health agency
// there (the midwife, health visitor, GP or hospital see the baby most), the GP not invited (the GP
// is always on the invitation list: issue 13, and the BaNES audits' "gap in informing GPs") or
// invited and absent, and a conference whose chair was not independent of the case or not recorded
// as such (Derby and Derbyshire review 9.4, first bullet).
import type { OrganisationKind } from '../shared/organisation-kinds.ts';
import { isConference, type Meeting } from './meeting.types.ts';

export const HEALTH_AGENCIES: readonly OrganisationKind[] = ['midwifery', 'health-visiting', 'gp', 'hospital'];

export type MeetingObservationId = 'no-health-agency' | 'gp-not-invited' | 'gp-absent' | 'chair-not-independent' | 'chair-independence-not-recorded';

export interface MeetingObservation {
  id: MeetingObservationId;
  text: string;
}

export const MEETING_OBSERVATION_TEXT: Record<MeetingObservationId, string> = {
  'no-health-agency': 'No health agency attended (midwifery, health visiting, the GP or the hospital).',
  'gp-not-invited': 'The GP was not invited. The GP is always on the invitation list.',
  'gp-absent': 'The GP was invited but did not attend.',
  'chair-not-independent': 'The chair of this conference was not independent of the case.',
  'chair-independence-not-recorded': 'Whether the chair of this conference was independent is not recorded.',
};

/** The observations on a meeting, in the order a page shows them; none when it is as it should be. */
export function meetingObservations(meeting: Pick<Meeting, 'kind' | 'attendees' | 'invitedAbsent' | 'chairIndependent'>): MeetingObservation[] {
  const ids: MeetingObservationId[] = [];
  const attended = new Set(meeting.attendees.map((person) => person.agency));
  if (!HEALTH_AGENCIES.some((agency) => attended.has(agency))) ids.push('no-health-agency');
  if (!attended.has('gp')) ids.push(meeting.invitedAbsent.some((person) => person.agency === 'gp') ? 'gp-absent' : 'gp-not-invited');
  if (isConference(meeting.kind)) {
    if (meeting.chairIndependent === false) ids.push('chair-not-independent');
    else if (meeting.chairIndependent === undefined) ids.push('chair-independence-not-recorded');
  }
  return ids.map((id) => ({ id, text: MEETING_OBSERVATION_TEXT[id] }));
}
