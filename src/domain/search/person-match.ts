// Finding the baby from an adult: police, GPs, A&E staff, housing, adult mental health and all other
// services working with adults must ask whether an adult is a parent or about to be one
// (Northamptonshire Safeguarding Children Partnership, Babies under one year: reducing avoidable
// harm by recognising risk and protective factors, §5.0). A search by name, date of birth or NHS
// number finds the babies a person around the baby matches, as well as the baby itself. These are
// the rules for when a person matches and how that is said, never naming anyone: "around this baby
// as: father, by NHS number". Pure: how alike two names are comes in as facts the database works out
// (trigram similarity and double metaphone), so this agrees with the search that found the record.
import { normaliseNhsNumber } from '../people/nhs-number.ts';
import type { NameQuery } from '../people/record-matching.ts';
import { isRelationshipToInfant, RELATIONSHIPS_TO_INFANT, type RelationshipToInfant } from '../people/relationships.ts';
import { isRealIsoDate } from '../shared/calendar-date.ts';

/** What a search asks that a person around the baby can meet. A postcode is the household's, never a person's. */
export interface PersonCriteria {
  nhsNumber: string | null;
  name: NameQuery | null;
  dateOfBirth: string | null;
}

/** A person around the baby, as the search compares them with what was typed. */
export interface PersonFacts {
  relationship: string;
  givenName: string | null;
  familyName: string | null;
  dateOfBirth: string | null;
  nhsNumber: string | null;
  /** Trigram similarity (0 to 1) of the person's full name to the name searched, as pg_trgm counts it. */
  nameLikeness: number;
  /** The family name sounds like the one searched (double metaphone, and not empty). */
  familySoundsAlike: boolean;
}

/** pg_trgm's similarity threshold, which the search's `%` operator uses: names this alike match. */
export const NAME_LIKENESS = 0.3;

/** What a person matched on, strongest first. */
export const PERSON_CRITERIA = ['nhs-number', 'name', 'date-of-birth'] as const;
export type PersonCriterion = (typeof PERSON_CRITERIA)[number];

/** How a record was found through a person around the baby: their relationship, and what they matched on. */
export interface PersonMatch {
  relationship: RelationshipToInfant;
  on: PersonCriterion[];
}

const TEN_DIGITS = /^\d{10}$/;

/** True when the search asks something a person can meet: an NHS number, a name or a date of birth. */
export function searchesForPeople(criteria: PersonCriteria): boolean {
  return criteria.nhsNumber !== null || criteria.name !== null || criteria.dateOfBirth !== null;
}

function hasName(person: PersonFacts): boolean {
  return Boolean(person.givenName?.trim() || person.familyName?.trim());
}

/**
 * Whether a person around the baby is the one searched for. Everything typed must be true of that
 * one person: an NHS number the same ten digits (part of one never matches), a date of birth the
 * same day (an adult's is a fact, not a due date that moves), and a name alike enough (trigrams) or a
 * family name that sounds the same. A person with no name recorded never matches a name. Null when
 * they do not match, or when nothing was asked that a person can meet.
 */
export function matchPerson(criteria: PersonCriteria, person: PersonFacts): PersonMatch | null {
  if (!searchesForPeople(criteria)) return null;
  const on: PersonCriterion[] = [];
  if (criteria.nhsNumber !== null) {
    const wanted = normaliseNhsNumber(criteria.nhsNumber);
    if (!TEN_DIGITS.test(wanted) || !person.nhsNumber || normaliseNhsNumber(person.nhsNumber) !== wanted) return null;
    on.push('nhs-number');
  }
  if (criteria.name !== null) {
    if (!hasName(person) || !(person.nameLikeness >= NAME_LIKENESS || person.familySoundsAlike)) return null;
    on.push('name');
  }
  if (criteria.dateOfBirth !== null) {
    if (!isRealIsoDate(criteria.dateOfBirth) || person.dateOfBirth !== criteria.dateOfBirth) return null;
    on.push('date-of-birth');
  }
  return { relationship: isRelationshipToInfant(person.relationship) ? person.relationship : 'unknown', on };
}

/** Each way the people around one baby matched, once: two people who matched alike are one line. */
export function matchPeople(criteria: PersonCriteria, people: readonly PersonFacts[]): PersonMatch[] {
  const matches: PersonMatch[] = [];
  for (const person of people) {
    const match = matchPerson(criteria, person);
    if (match && !matches.some((seen) => seen.relationship === match.relationship && seen.on.join() === match.on.join())) matches.push(match);
  }
  const relationshipOrder = Object.keys(RELATIONSHIPS_TO_INFANT);
  return matches.sort((a, b) => relationshipOrder.indexOf(a.relationship) - relationshipOrder.indexOf(b.relationship));
}

const CRITERION_WORDS: Record<PersonCriterion, string> = {
  'nhs-number': 'NHS number',
  name: 'name',
  'date-of-birth': 'date of birth',
};

function listInWords(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)!}`;
}

/** "around this baby as: father, by name and date of birth": the relationship and the criteria, never a name. */
export function personMatchInWords(match: PersonMatch): string {
  return `around this baby as: ${RELATIONSHIPS_TO_INFANT[match.relationship].toLowerCase()}, by ${listInWords(match.on.map((criterion) => CRITERION_WORDS[criterion]))}`;
}
