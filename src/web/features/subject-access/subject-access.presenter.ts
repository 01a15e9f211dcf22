// What the subject access pages show (issue 21): requests with their clock in words, and the draft's
// items grouped for review, each marked one with its grounds in words and a form of its own; the
// people a name-and-date-of-birth search found, as the choices of a new request.
import type { Draft } from '../../../application/subject-access/draft.ts';
import type { RequestSummary } from '../../../application/subject-access/requests.ts';
import type { MatchedCase, SubjectMatch, SubjectSearchResults } from '../../../application/subject-access/subject-search.ts';
import { groundsInWords } from '../../../domain/subject-access/apply-decisions.ts';
import type { DisclosureSection } from '../../../domain/subject-access/redaction-rules.ts';
import { clockState } from '../../../domain/subject-access/response-due.ts';
import { dayInWords } from '../../../domain/shared/calendar-date.ts';
import { escapeHtml } from '../../views/citations.ts';

export const SECTION_HEADINGS: Record<DisclosureSection, string> = {
  people: 'The people in the record',
  chronology: 'The chronology',
  profile: 'The profile: factors and evidence',
  findings: 'Findings',
};

const CLOCK_TAGS = { open: null, 'due-today': { text: 'Due today', classes: 'govuk-tag--orange' }, overdue: { text: 'Overdue', classes: 'govuk-tag--red' } } as const;

export function presentRequests(requests: readonly RequestSummary[], today: string) {
  return requests.map((r) => ({
    id: r.id,
    subjectName: r.subjectName,
    received: dayInWords(r.receivedOn),
    due: dayInWords(r.dueOn),
    tag: r.releasedAt ? { text: 'Released', classes: 'govuk-tag--green' } : CLOCK_TAGS[clockState(r.dueOn, today)],
    extended: r.extended !== null,
  }));
}

export type TypedDecision = { itemKey: string; decision: string; reason: string };
export type TypedAgencyAnswer = { agency: string; answer: string; reason: string };
type Typed<T> = { values: T; fieldErrors: Record<string, { text: string }> } | null;

export function presentDraft(draft: Draft, today: string, typed: Typed<TypedDecision> = null, typedAgency: Typed<TypedAgencyAnswer> = null) {
  const marked = draft.items.filter((item) => item.grounds.length > 0);
  const r = draft.request;
  return {
    request: {
      ...r,
      received: dayInWords(r.receivedOn),
      due: dayInWords(r.dueOn),
      tag: r.released ? { text: 'Released', classes: 'govuk-tag--green' } : CLOCK_TAGS[clockState(r.dueOn, today)],
      released: r.released ? { on: dayInWords(r.released.at.toISOString()), byName: r.released.byName } : null,
    },
    unreviewed: draft.unreviewed,
    agencies: draft.agencies.map((agency, index) => {
      const mine = typedAgency?.values.agency === agency.key;
      return { ...agency, index, values: mine ? typedAgency.values : { answer: '', reason: '' }, fieldErrors: mine ? typedAgency.fieldErrors : {} };
    }),
    marked: marked.map((item, index) => {
      const mine = typed?.values.itemKey === item.key;
      return {
        index,
        key: item.key,
        sectionHeading: SECTION_HEADINGS[item.section],
        heading: item.heading,
        text: item.text,
        grounds: groundsInWords(item.grounds),
        decision: item.decision ? { ...item.decision, on: dayInWords(item.decision.decidedAt.toISOString()), words: item.decision.decision === 'redact' ? 'Redact' : 'Disclose' } : null,
        values: mine ? typed.values : { decision: item.decision?.decision ?? '', reason: item.decision?.reason ?? '' },
        fieldErrors: mine ? typed.fieldErrors : {},
      };
    }),
    disclosed: Object.entries(SECTION_HEADINGS).map(([section, heading]) => ({ heading, items: draft.items.filter((item) => item.section === section && item.grounds.length === 0) })).filter((group) => group.items.length > 0),
  };
}

/** The value of a match's radio on the new-request page: how the request will name them. */
export const subjectChoice = (named: SubjectMatch['named']) => (named.nhsNumber !== null ? `nhs:${named.nhsNumber}` : `person:${named.personId}`);

/** The chosen radio back as the request's naming; null when nothing was chosen or it was altered. */
export function namedByChoice(choice: string): { nhsNumber: string } | { personId: string } | null {
  const colon = choice.indexOf(':');
  const value = choice.slice(colon + 1).trim();
  if (colon === -1 || value === '') return null;
  const kind = choice.slice(0, colon);
  return kind === 'nhs' ? { nhsNumber: value } : kind === 'person' ? { personId: value } : null;
}

const caseInWords = (c: MatchedCase) =>
  [c.as === 'the baby' ? 'The baby' : `${c.as.charAt(0).toLocaleUpperCase('en-GB')}${c.as.slice(1)} of ${c.babyName}`, c.postcodeDistrict ? `area ${c.postcodeDistrict}${c.postcodeMatched ? ' (the household’s postcode is the one you gave)' : ''}` : 'area not known or restricted', c.agencies.length > 0 ? `held by ${c.agencies.join(', ')}` : 'no team'].join('; ');

/** The matches of a name-and-date-of-birth search as radios, with what tells them apart; and what to do when there are none or many. */
export function presentSubjectSearch(results: SubjectSearchResults, chosen: string) {
  return {
    count: results.matches.length,
    more: results.more,
    items: results.matches.map((match) => {
      const value = subjectChoice(match.named);
      return {
        value,
        text: `${match.name}, born ${dayInWords(match.dateOfBirth)}`,
        hint: { html: match.cases.map((c) => `<span class="govuk-!-display-block">${escapeHtml(caseInWords(c))}</span>`).join('') },
        checked: value === chosen,
      };
    }),
    babiesWithoutNhsNumber: results.babiesWithoutNhsNumber.map((b) => `${b.babyName}${b.agencies.length > 0 ? `, held by ${b.agencies.join(', ')}` : ''}`),
  };
}
