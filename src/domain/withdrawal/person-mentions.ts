// What names a person withdrawn from a record as added to the wrong family (issue 21), so that none of
// it stays in what the record stored before: the profile's earlier versions and their findings, the
// decisions' findings, alert texts, entries about them and others, plans, meetings, supervision notes
// and audits (application/people/redact-person-mentions.ts). Each mention is replaced by words that
// say a person was withdrawn, so a sentence about the baby still reads ("Mother is experiencing
// domestic abuse: from [a person withdrawn from this record], her partner"). A name the baby or someone
// else in the record also has is replaced only with the rest of the person's name beside it, so that
// withdrawing "Piotr Nowak" leaves "Agnieszka Nowak" alone; a name is shared when it is any part of
// theirs ("Ann" is shared with "Mary-Ann" and with "Ann Marie"), and a mention is never the part of a
// longer hyphenated or apostrophised name ("Ann" in "Mary-Ann", "Brien" in "O'Brien"). Pure.
import { formatNhsNumber, normaliseNhsNumber } from '../people/nhs-number.ts';

export const WITHDRAWN_PERSON_WORDS = '[a person withdrawn from this record]';

export interface WithdrawnPerson {
  givenName: string | null;
  familyName: string | null;
  nhsNumber: string | null;
  address: string | null;
}

/** Someone who stays: the baby, or another person in the record. */
export interface StayingPerson {
  givenName: string | null;
  familyName: string | null;
  address: string | null;
}

const usable = (text: string | null): text is string => text !== null && text.trim().length >= 2;
const same = (a: string, b: string) => a.trim().toLocaleLowerCase('en-GB') === b.trim().toLocaleLowerCase('en-GB');

/** The phrases that name the person, longest first: their full name, each name of theirs nobody staying shares, their NHS number as stored and as written, an address of theirs alone. */
export function mentionsOf(person: WithdrawnPerson, staying: readonly StayingPerson[]): string[] {
  // Each name of those staying, whole and in its parts (split at spaces and hyphens).
  const othersNames = staying.flatMap((other) => [other.givenName, other.familyName]).filter(usable).flatMap((name) => [name, ...name.split(/[\s\-‐]+/)]).filter(usable);
  const ownName = (name: string | null): name is string => usable(name) && !othersNames.some((other) => same(other, name));
  const full = [person.givenName, person.familyName].filter(usable).join(' ');
  const nhs = person.nhsNumber ? normaliseNhsNumber(person.nhsNumber) : null;
  const addressAlone = usable(person.address) && person.address.trim().length >= 5 && !staying.some((other) => other.address !== null && same(other.address, person.address!));
  const phrases = [
    ...(full.includes(' ') ? [full] : []),
    ...[person.givenName, person.familyName].filter(ownName),
    ...(nhs ? [nhs, formatNhsNumber(nhs)] : []),
    ...(addressAlone ? [person.address!.trim()] : []),
  ].map((phrase) => phrase.trim());
  return [...new Set(phrases)].sort((a, b) => b.length - a.length);
}

const escape = (phrase: string) => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');

/** The text with every whole-word mention replaced by WITHDRAWN_PERSON_WORDS (any case; "Ryan’s" keeps its ’s). */
export function redactMentions(text: string, mentions: readonly string[]): string {
  if (mentions.length === 0) return text;
  // Whole words: not inside a word, nor the part of a hyphenated or apostrophised name (but "Ryan’s" is Ryan).
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}]|[\\p{L}\\p{N}][-‐'’])(?:${mentions.map(escape).join('|')})(?![\\p{L}\\p{N}]|[-‐][\\p{L}\\p{N}])`, 'giu');
  return text.replace(pattern, WITHDRAWN_PERSON_WORDS);
}

/** A stored JSON value with every string in it redacted (keys and other values as they were). */
export function redactMentionsInJson(value: unknown, mentions: readonly string[]): unknown {
  if (typeof value === 'string') return redactMentions(value, mentions);
  if (Array.isArray(value)) return value.map((item) => redactMentionsInJson(item, mentions));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactMentionsInJson(item, mentions)]));
  return value;
}
