// What the record says beside each question of a quality assurance audit (issue 16): worked out from
// the case as it stands, so the auditor sees the evidence beside the question and answers on it. A
// suggestion only: the auditor answers, and may disagree (the record can be wrong, or silent). Pure:
// the application reads the case and passes in what each rule needs.
//
// - Profile current: the profile's next review (profile/review-schedule.ts) not yet passed.
// - Father assessed: the father, the mother's partner and any other man among the significant
//   adults, each with how many of his factors are still not assessed (derived factors fill
//   themselves, so they are left out); "no" when one has most still open (the adult-not-assessed
//   finding's measure) or when no man is on the record at all.
// - Seen awake: at the contacts where the baby was seen, whether awake or asleep; "no" when never
//   seen awake, or asleep at the last two contacts that saw the baby. Not applicable before the birth.
// - Plan checked: the contacts since the plan was last changed, and how many answered its check
//   items; not applicable without a plan with check items; nothing to say before the first contact.
// - Supervision: the latest supervision against the area's period (supervision.periodDays).
import { isContactKind } from '../chronology/contact-record.ts';
import { currentEntries } from '../chronology/current-entries.ts';
import type { ChronologyEntry } from '../chronology/chronology.types.ts';
import { wasChecked } from '../chronology/plan-check-answers.ts';
import { relationshipInWords } from '../profile/plain-words.ts';
import type { NextReview } from '../profile/review-schedule.ts';
import type { ProfilePerson, SubjectProfile } from '../profile/profile.types.ts';
import { addDays, dayInWords, dayOf, daysFrom } from '../shared/calendar-date.ts';
import type { AuditAnswer, QuestionId } from './audit-questions.ts';

export interface RecordSays {
  /** The answer the record points to; null when it cannot say. */
  suggests: AuditAnswer | null;
  /** What the record shows, in plain words. */
  words: string;
}

const says = (suggests: AuditAnswer | null, words: string): RecordSays => ({ suggests, words });

export function profileCurrentSays(review: NextReview, lastReviewedOn: string | null, today: string): RecordSays {
  if (review.dueOn === null || lastReviewedOn === null) return says('no', 'The profile has never been reviewed.');
  const last = `Last reviewed on ${dayInWords(lastReviewedOn)}`;
  const why = review.reason === 'trigger-event' ? ' (brought forward by a trigger event)' : '';
  if (review.dueOn < today) return says('no', `${last}; the next review was due on ${dayInWords(review.dueOn)}${why} and is overdue.`);
  return says('yes', `${last}; the next review is due on ${dayInWords(review.dueOn)}${why}.`);
}

/** A man around the baby, with his factors: from the profile's evaluation and the people on the record. */
interface Man {
  name: string;
  relationship: string;
  open: number;
  total: number;
}

const MEN_BY_RELATIONSHIP: readonly string[] = ['father', 'mothers-partner'];

function menOf(subjects: readonly SubjectProfile[], people: readonly ProfilePerson[]): Man[] {
  const byId = new Map(people.map((person) => [person.id, person]));
  return subjects.flatMap((subject): Man[] => {
    if (subject.subject !== 'adult' || !subject.personId) return [];
    const person = byId.get(subject.personId);
    if (!person || !(MEN_BY_RELATIONSHIP.includes(person.relationshipToInfant) || person.sex === 'male')) return [];
    const assessable = subject.risk.filter((factor) => !factor.derived);
    return [{ name: subject.name, relationship: person.relationshipToInfant, open: assessable.filter((f) => f.effectiveStatus === 'not-assessed').length, total: assessable.length }];
  });
}

export function fatherAssessedSays(subjects: readonly SubjectProfile[], people: readonly ProfilePerson[]): RecordSays {
  const men = menOf(subjects, people);
  if (men.length === 0) return says('no', 'No father or other man around the baby is on the record.');
  const words = men.map((man) => `${man.name} (${relationshipInWords(man.relationship)}): ${man.open === 0 ? 'every factor assessed' : `${String(man.open)} of ${String(man.total)} factors not assessed`}`);
  const mostlyOpen = men.some((man) => man.open * 2 > man.total);
  return says(mostlyOpen ? 'no' : 'yes', `${words.join('; ')}.`);
}

/** Contacts at which the baby was seen, latest first, with whether awake (null: not recorded). */
function seenAtContacts(entries: readonly ChronologyEntry[]): { day: string; awake: boolean | null }[] {
  return currentEntries(entries)
    .filter((entry) => isContactKind(entry.kind) && entry.babySeen === true)
    .map((entry) => ({ day: dayOf(entry.occurredAt) ?? '', awake: entry.livedExperience?.awakeOrAsleep === undefined ? null : entry.livedExperience.awakeOrAsleep === 'awake' }))
    .sort((a, b) => b.day.localeCompare(a.day));
}

export function seenAwakeSays(status: 'unborn' | 'born', entries: readonly ChronologyEntry[]): RecordSays {
  if (status === 'unborn') return says('not-applicable', 'The baby is not born yet.');
  const seen = seenAtContacts(entries);
  if (seen.length === 0) return says('no', 'No contact on the record saw the baby.');
  const lastAwake = seen.find((contact) => contact.awake === true);
  const count = `Seen at ${String(seen.length)} ${seen.length === 1 ? 'contact' : 'contacts'}`;
  if (!lastAwake) return says('no', `${count}, never recorded as awake.`);
  const [latest, before] = seen;
  if (latest?.awake === false && before?.awake === false) return says('no', `${count}; asleep at the last two, last seen awake on ${dayInWords(lastAwake.day)}.`);
  return says('yes', `${count}; last seen awake on ${dayInWords(lastAwake.day)}.`);
}

export interface PlanFacts {
  /** The day the plan was last changed. */
  since: string;
  checkItems: number;
}

export function planCheckedSays(plan: PlanFacts | null, entries: readonly ChronologyEntry[]): RecordSays {
  if (plan === null) return says('not-applicable', 'There is no plan.');
  if (plan.checkItems === 0) return says('not-applicable', 'The plan has no check items.');
  const contacts = currentEntries(entries).filter((entry) => isContactKind(entry.kind) && (dayOf(entry.occurredAt) ?? '') >= plan.since);
  const since = `since the plan was last changed on ${dayInWords(plan.since)}`;
  if (contacts.length === 0) return says(null, `No contact ${since}.`);
  const answered = contacts.filter((entry) => (entry.planChecks ?? []).some(wasChecked)).length;
  return says(answered === contacts.length ? 'yes' : 'no', `${String(answered)} of ${String(contacts.length)} ${contacts.length === 1 ? 'contact' : 'contacts'} ${since} checked its items.`);
}

export function supervisionSays(lastHeldOn: string | null, today: string, periodDays: number): RecordSays {
  if (lastHeldOn === null) return says('no', 'No supervision of the case is recorded.');
  const days = daysFrom(lastHeldOn, today);
  const last = `Last supervised on ${dayInWords(lastHeldOn)}`;
  if (days <= periodDays) return says('yes', `${last}, within the ${String(periodDays)} days of the area's period.`);
  return says('no', `${last}: due again by ${dayInWords(addDays(lastHeldOn, periodDays))}.`);
}

export interface AuditCaseFacts {
  status: 'unborn' | 'born';
  today: string;
  review: NextReview;
  lastReviewedOn: string | null;
  subjects: readonly SubjectProfile[];
  people: readonly ProfilePerson[];
  chronology: readonly ChronologyEntry[];
  plan: PlanFacts | null;
  lastSupervisedOn: string | null;
  supervisionPeriodDays: number;
}

/** What the record says for every question, in the questions' order. */
export function recordSays(facts: AuditCaseFacts): Record<QuestionId, RecordSays> {
  return {
    'profile-current': profileCurrentSays(facts.review, facts.lastReviewedOn, facts.today),
    'father-assessed': fatherAssessedSays(facts.subjects, facts.people),
    'seen-awake': seenAwakeSays(facts.status, facts.chronology),
    'plan-checked': planCheckedSays(facts.plan, facts.chronology),
    supervision: supervisionSays(facts.lastSupervisedOn, facts.today, facts.supervisionPeriodDays),
  };
}
