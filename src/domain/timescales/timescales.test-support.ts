// Shared by the timescales tests: three areas' pre-birth settings, realistic for English local protocols.
import type { PreBirthSettings } from './timescale-settings.ts';

/** Three areas' pre-birth protocols, as an administrator might set them. */
export const AREA_SETTINGS: Readonly<Record<'north' | 'coast' | 'city', PreBirthSettings>> = {
  /** Strategy discussion by 20 weeks; conference by 28 weeks, and at least 10 weeks before the due date. */
  north: { strategyMeetingByWeek: 20, conferenceByWeek: 28, conferenceAtLeastWeeksBeforeDue: 10 },
  /** Earlier: strategy by 18 weeks; conference by 26 weeks, at least 12 weeks before the due date. */
  coast: { strategyMeetingByWeek: 18, conferenceByWeek: 26, conferenceAtLeastWeeksBeforeDue: 12 },
  /** Earliest: strategy by 16 weeks; conference by 24 weeks, at least 8 weeks before the due date. */
  city: { strategyMeetingByWeek: 16, conferenceByWeek: 24, conferenceAtLeastWeeksBeforeDue: 8 },
};
