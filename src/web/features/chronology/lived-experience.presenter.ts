// The baby's lived experience in words, the same everywhere it is shown: the chronology entry's page,
// its printed copy, the CSV file's columns and the contact's own page. Each answer given, in the
// order the contact form asks them, under the words that say what it is.
import { LIVED_EXPERIENCE_FIELDS, type LivedExperience, type LivedExperienceField } from '../../../domain/chronology/lived-experience.ts';

export const LIVED_EXPERIENCE_LABELS: Readonly<Record<LivedExperienceField, string>> = {
  awakeOrAsleep: 'Awake or asleep',
  interaction: 'How the baby and the carers were with each other',
  dressed: 'How the baby was dressed',
  demeanour: "The baby's demeanour",
  whereKept: 'Where the baby was kept or put down',
  siblingsSaid: 'What older brothers and sisters said',
};

/** One answer in words ("Asleep"), or "" when it was not given. */
export function livedExperienceText(lived: LivedExperience | undefined, field: LivedExperienceField): string {
  const value = lived?.[field];
  if (value === undefined) return '';
  if (field === 'awakeOrAsleep') return value === 'awake' ? 'Awake' : 'Asleep';
  return value;
}

/** The answers given, each with its label, in the form's order; empty when none were. */
export function livedExperienceRows(lived: LivedExperience | undefined): { label: string; text: string }[] {
  return LIVED_EXPERIENCE_FIELDS.flatMap((field) => {
    const text = livedExperienceText(lived, field);
    return text === '' ? [] : [{ label: LIVED_EXPERIENCE_LABELS[field], text }];
  });
}
