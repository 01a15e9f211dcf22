// The baby's lived experience as a contact recorded it (docs/domain.md, The baby's lived experience):
// awake or asleep, how the baby and the carers were together, how the baby was dressed and seemed,
// where the baby was kept, and what older brothers and sisters said. The contact form keeps these
// answers in the contact's details (contact-record.ts, ContactDetails); the chronology carries them on
// the entry, so its page, CSV file, printed copy and API show them wherever the entry goes.
//
// Only the contact form's own details (`form: 'contact'`, a key no agency may send) are read, and only
// the answers given: a question not asked (the baby not seen, or not born) or left empty is left out.

export const LIVED_EXPERIENCE_FIELDS = ['awakeOrAsleep', 'interaction', 'dressed', 'demeanour', 'whereKept', 'siblingsSaid'] as const;
export type LivedExperienceField = (typeof LIVED_EXPERIENCE_FIELDS)[number];

export interface LivedExperience {
  awakeOrAsleep?: 'awake' | 'asleep';
  /** How the baby and the carers were with each other. */
  interaction?: string;
  dressed?: string;
  demeanour?: string;
  /** Where the baby was kept or put down. */
  whereKept?: string;
  /** What older brothers and sisters said. */
  siblingsSaid?: string;
}

const said = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/** What a contact's details say about the baby's lived experience; undefined when not a contact's or nothing was said. */
export function livedExperienceOf(details: Readonly<Record<string, unknown>> | null): LivedExperience | undefined {
  if (details?.['form'] !== 'contact') return undefined;
  const lived: LivedExperience = {};
  const awake = details['awakeOrAsleep'];
  if (awake === 'awake' || awake === 'asleep') lived.awakeOrAsleep = awake;
  for (const field of ['interaction', 'dressed', 'demeanour', 'whereKept', 'siblingsSaid'] as const) {
    const text = said(details[field]);
    if (text !== undefined) lived[field] = text;
  }
  return Object.keys(lived).length === 0 ? undefined : lived;
}

/** For an entry read from its row: `{ livedExperience }` when the details hold any, else nothing. */
export function livedExperienceOfEntry(details: Readonly<Record<string, unknown>> | null): { livedExperience?: LivedExperience } {
  const lived = livedExperienceOf(details);
  return lived ? { livedExperience: lived } : {};
}
