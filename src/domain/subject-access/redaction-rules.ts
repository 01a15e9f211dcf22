// Third-party information in a subject access disclosure (issue 21; docs/domain.md, "Subject
// access"). The Data Protection Act 2018, Schedule 2 paragraphs 16 and 17, lets a controller withhold
// information that identifies another person unless they agree or it is reasonable to disclose
// without their agreement; the ICO's "Right of access" guidance asks that it be considered item by
// item. This marks, by rule, what the data protection officer must consider; they decide each one
// (apply-decisions.ts). Marked for redaction:
//  - another person's details: a person in the record who is not the requester (an adult, or a child
//    such as a sibling), what is recorded about them, and any text naming them;
//  - the identity of someone who reported a concern: what a relative, neighbour or other third party
//    told a professional (evidence source 'third-party');
//  - information from another agency, until it agrees: what an organisation other than the
//    officer's own recorded.
// Never marked: the requester's own details and what is only about them, the baby's own details, and
// a name the requester or the baby shares (a family name) on its own.
export const REDACTION_GROUNDS = ['other-adult', 'other-child', 'reporter', 'other-agency'] as const;
export type RedactionGround = (typeof REDACTION_GROUNDS)[number];

export const GROUND_WORDS: Record<RedactionGround, string> = {
  'other-adult': 'Another adult’s details',
  'other-child': 'Another child’s details',
  reporter: 'The identity of someone who reported a concern',
  'other-agency': 'Information from another agency, until it agrees to its disclosure',
};

export const DISCLOSURE_SECTIONS = ['people', 'chronology', 'profile', 'findings'] as const;
export type DisclosureSection = (typeof DISCLOSURE_SECTIONS)[number];

/** A person in one of the cases found: `key` is caseId/personId. */
export interface FoundPerson {
  key: string;
  /** Given and family names; none for someone whose identity is not known (the words describing them are no name to search for). */
  names: readonly string[];
  child: boolean;
}

/** One thing found about the requester, before the rules. */
export interface FoundItem {
  /** Stable across drafts, so a decision stays with its item: `entry:<caseId>/<entryId>` and the like. */
  key: string;
  caseId: string;
  section: DisclosureSection;
  heading: string;
  text: string;
  /** The person (caseId/personId) whose details the item is (the people section). */
  detailsOf?: string;
  /** The people (caseId/personId) it is about. */
  aboutPeople: readonly string[];
  /** Where the information came from (an evidence source), when known. */
  source?: string;
  /** The agency that recorded it. */
  agency?: { organisationId?: string; name: string };
}

export interface RedactionContext {
  /** The officer's own organisation: the controller answering the request. */
  controller: { organisationId: string; name: string };
  /** The requester's own rows (caseId/personId): a parent asking, in each case they appear in. */
  requester: ReadonlySet<string>;
  /** The requester's names and the babies' names: never a reason to redact on their own. */
  ownNames: readonly string[];
  people: readonly FoundPerson[];
}

export interface DraftItem extends FoundItem {
  /** Why it is marked for redaction, in the order of REDACTION_GROUNDS; empty when it is disclosed as it is. */
  grounds: RedactionGround[];
  /**
   * Everyone (caseId/personId) the item concerns: whose details it is, whom it is about, and whom its
   * words name by a name of their own. Kept with the item when it is released, so that a person
   * withdrawn later as added in error can be taken out of the stored disclosure (ADR 0014).
   */
  concerns: string[];
}

/** The words of a text, lower case, a possessive's 's dropped ("Tom’s" is Tom). */
const words = (text: string) =>
  new Set(
    text
      .toLocaleLowerCase('en-GB')
      .split(/[^\p{L}\p{N}'’-]+/u)
      .map((word) => word.replace(/['’]s$/u, '').replace(/^['’-]+|['’-]+$/gu, ''))
      .filter((word) => word.length > 1),
  );

function personGround(person: FoundPerson): RedactionGround {
  return person.child ? 'other-child' : 'other-adult';
}

/** The people the text names by a name of their own (not one the requester or the baby also has). */
function namedIn(text: string, context: RedactionContext): FoundPerson[] {
  const inText = words(text);
  const own = new Set(context.ownNames.flatMap((name) => [...words(name)]));
  return context.people.filter((person) => person.names.some((name) => [...words(name)].some((word) => !own.has(word) && inText.has(word))));
}

/** The other people the text names by a name of their own. */
function peopleNamed(text: string, context: RedactionContext): FoundPerson[] {
  return namedIn(text, context).filter((person) => !context.requester.has(person.key));
}

function isOtherAgency(agency: FoundItem['agency'], controller: RedactionContext['controller']): boolean {
  if (!agency) return false;
  return agency.organisationId !== undefined ? agency.organisationId !== controller.organisationId : agency.name !== controller.name;
}

/** Why this item is marked for redaction (none: disclosed as it is). */
export function groundsFor(item: FoundItem, context: RedactionContext): RedactionGround[] {
  const found = new Set<RedactionGround>();
  const byKey = new Map(context.people.map((person) => [person.key, person]));
  const others = [item.detailsOf, ...item.aboutPeople].filter((key): key is string => key !== undefined && !context.requester.has(key));
  for (const key of others) {
    const person = byKey.get(key);
    if (person) found.add(personGround(person));
  }
  if (item.detailsOf === undefined || !context.requester.has(item.detailsOf)) {
    for (const person of peopleNamed(`${item.heading} ${item.text}`, context)) found.add(personGround(person));
  }
  if (item.source === 'third-party') found.add('reporter');
  if (isOtherAgency(item.agency, context.controller)) found.add('other-agency');
  return REDACTION_GROUNDS.filter((ground) => found.has(ground));
}

/** Everyone in the item's own case it concerns, each once: its person, the people it is about, the people its words name. */
export function peopleConcerned(item: FoundItem, context: RedactionContext): string[] {
  const named = namedIn(`${item.heading} ${item.text}`, context).map((person) => person.key);
  return [...new Set([item.detailsOf, ...item.aboutPeople, ...named])].filter((key): key is string => key !== undefined && key.startsWith(`${item.caseId}/`));
}

/** Every item found, each with what marks it for redaction and whom it concerns. */
export function draftDisclosure(items: readonly FoundItem[], context: RedactionContext): DraftItem[] {
  return items.map((item) => ({ ...item, grounds: groundsFor(item, context), concerns: peopleConcerned(item, context) }));
}
