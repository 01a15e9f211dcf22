// Pre-birth milestones from the expected date of delivery (EDD), by the area's own settings
// (docs/domain.md, Clocks and timescales: "Pre-birth milestones"). A pregnancy is 40+0 weeks on the
// due date, so week W+0 is (40 − W) weeks before it and 0+0 is 280 days before. "By 20 weeks" means
// on or before the day the pregnancy reaches 20+0. Pure.
import { addDays, dayNumber, daysFrom } from '../shared/calendar-date.ts';
import { conferenceDueWeek, type PreBirthSettings } from './timescale-settings.ts';

/** Weeks and days of pregnancy: 40+0 on the due date. */
export interface Gestation {
  weeks: number;
  days: number;
}

/** The day the pregnancy reaches `week`+`days` for this due date ('' when the due date is not a real day). */
export function dayOfGestation(expectedDeliveryOn: string, week: number, days = 0): string {
  return addDays(expectedDeliveryOn, (week - 40) * 7 + days);
}

/** How far the pregnancy is on `day`, counting 40+0 on the due date (negative weeks before 0+0); null when either is not a real day. */
export function gestationOn(expectedDeliveryOn: string, day: string): Gestation | null {
  const fromDue = daysFrom(expectedDeliveryOn, day);
  if (Number.isNaN(fromDue)) return null;
  const total = 280 + fromDue;
  const weeks = Math.floor(total / 7);
  return { weeks, days: total - weeks * 7 };
}

export interface PreBirthMilestones {
  expectedDeliveryOn: string;
  /** 0+0: the first day of the last menstrual period, as the due date counts it. */
  pregnancyStartedOn: string;
  /** Strategy discussion by this day; null when the area sets no week. */
  strategyMeetingBy: string | null;
  /** Pre-birth conference by this day: the earlier of the week and the weeks before the due date; null when the area sets neither. */
  conferenceBy: string | null;
  /** Which setting gave `conferenceBy` (the week when both give the same day). */
  conferenceSetBy: 'conferenceByWeek' | 'conferenceAtLeastWeeksBeforeDue' | null;
}

/** The milestones for a pregnancy with this due date under the area's settings; null when the due date is not a real day. */
export function preBirthMilestones(expectedDeliveryOn: string, settings: PreBirthSettings): PreBirthMilestones | null {
  if (Number.isNaN(dayNumber(expectedDeliveryOn))) return null;
  const week = conferenceDueWeek(settings);
  return {
    expectedDeliveryOn,
    pregnancyStartedOn: dayOfGestation(expectedDeliveryOn, 0),
    strategyMeetingBy: settings.strategyMeetingByWeek === null ? null : dayOfGestation(expectedDeliveryOn, settings.strategyMeetingByWeek),
    conferenceBy: week === null ? null : dayOfGestation(expectedDeliveryOn, week),
    conferenceSetBy: week === null ? null : week === settings.conferenceByWeek ? 'conferenceByWeek' : 'conferenceAtLeastWeeksBeforeDue',
  };
}
