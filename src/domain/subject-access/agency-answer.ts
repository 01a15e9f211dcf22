// Another agency's answer, for all of its items in a subject access request at once (issue 21). The
// rules mark what another agency recorded until it agrees (redaction-rules.ts, 'other-agency'); the
// officer asks the agency once and records its answer once:
//  - refused: every one of its marked items is redacted, with the agency's reason;
//  - agreed: every one of its items marked for that reason alone is disclosed; an item marked for
//    another reason too (another person's details, a reporter) still waits for the officer's own
//    decision, since the agency cannot agree for them.
// The answer replaces earlier decisions on the items it settles; the officer can still decide any
// item on its own afterwards (apply-decisions.ts).
import { DECISION_REASON_MAX, type RedactionDecision } from './apply-decisions.ts';
import type { DraftItem, FoundItem } from './redaction-rules.ts';

export const AGENCY_ANSWERS = ['agreed', 'refused'] as const;
export type AgencyAnswerKind = (typeof AGENCY_ANSWERS)[number];

/** What the agency said and who said it: the decisions' reason starts with the agency's name and its answer. */
export const AGENCY_REASON_MAX = DECISION_REASON_MAX - 300;

/** An organisation with an account here, as the draft's items name it: by its id, or by its name alone. */
export interface KnownOrganisation {
  id: string;
  name: string;
}

/**
 * Which agency an item's is, so that each agency is asked once: its organisation's id and current
 * name; an item recorded by name alone (a profile's evidence keeps only the recording organisation's
 * name) belongs to the organisation of that name, names being unique whatever their case (migration
 * 001); an agency with no account here is known by its name alone, `name:` and the name as recorded.
 */
export function agencyOf(agency: NonNullable<FoundItem['agency']>, organisations: readonly KnownOrganisation[]): { key: string; name: string } {
  const lower = agency.name.toLocaleLowerCase('en-GB');
  const organisation =
    agency.organisationId !== undefined
      ? organisations.find((o) => o.id === agency.organisationId)
      : organisations.find((o) => o.name.toLocaleLowerCase('en-GB') === lower);
  if (organisation) return { key: organisation.id, name: organisation.name };
  return { key: agency.organisationId ?? `name:${agency.name}`, name: agency.name };
}

/**
 * The agency a form names: its key as listed; `name:` and an organisation's name (from a page listed
 * before items by name were matched to their organisation) is that organisation.
 */
function typedAgencyKey(typed: string, organisations: readonly KnownOrganisation[]): string {
  return typed.startsWith('name:') ? agencyOf({ name: typed.slice('name:'.length) }, organisations).key : typed;
}

export interface AgencyToAsk {
  key: string;
  name: string;
  /** Its items marked because another agency recorded them. */
  items: number;
  /** Of those, the ones marked for another reason too: the officer decides them whatever the agency says. */
  alsoOtherGrounds: number;
}

const waitsOnAgency = (item: DraftItem): item is DraftItem & { agency: NonNullable<DraftItem['agency']> } => item.agency !== undefined && item.grounds.includes('other-agency');

/** The other agencies whose agreement the draft waits on, each once, by name. */
export function agenciesToAsk(draft: readonly DraftItem[], organisations: readonly KnownOrganisation[]): AgencyToAsk[] {
  const byKey = new Map<string, AgencyToAsk>();
  for (const item of draft.filter(waitsOnAgency)) {
    const { key, name } = agencyOf(item.agency, organisations);
    const agency = byKey.get(key) ?? { key, name, items: 0, alsoOtherGrounds: 0 };
    agency.items += 1;
    if (item.grounds.length > 1) agency.alsoOtherGrounds += 1;
    byKey.set(key, agency);
  }
  return [...byKey.values()].sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || a.key.localeCompare(b.key));
}

export interface AgencyAnswerProblem {
  field: 'agency' | 'answer' | 'reason';
  message: string;
}

export interface AgencyAnswer {
  agency: AgencyToAsk;
  answer: AgencyAnswerKind;
  reason: string;
  /** The decisions it settles, one an item. */
  decisions: RedactionDecision[];
  /** The agency's items it leaves for the officer to decide one by one (marked for another reason too). */
  left: string[];
}

/** The agency's answer as typed, checked against the draft, with the decisions it makes. */
export function checkAgencyAnswer(
  typed: { agency: string; answer: string; reason: string },
  draft: readonly DraftItem[],
  organisations: readonly KnownOrganisation[],
): { ok: true; value: AgencyAnswer } | { ok: false; problems: AgencyAnswerProblem[] } {
  const problems: AgencyAnswerProblem[] = [];
  const typedKey = typedAgencyKey(typed.agency, organisations);
  const agency = agenciesToAsk(draft, organisations).find((candidate) => candidate.key === typedKey);
  if (!agency) problems.push({ field: 'agency', message: 'This agency has nothing marked in this request’s draft: open the draft again' });
  if (!(AGENCY_ANSWERS as readonly string[]).includes(typed.answer)) problems.push({ field: 'answer', message: 'Select whether the agency agreed to the disclosure or refused it' });
  const reason = typed.reason.trim();
  if (reason === '') problems.push({ field: 'reason', message: 'Enter what the agency said, such as who agreed or refused, when, and why' });
  else if (reason.length > AGENCY_REASON_MAX) problems.push({ field: 'reason', message: `What the agency said must be ${String(AGENCY_REASON_MAX)} characters or fewer` });
  if (problems.length > 0 || !agency) return { ok: false, problems };
  const answer = typed.answer as AgencyAnswerKind;
  const items = draft.filter(waitsOnAgency).filter((item) => agencyOf(item.agency, organisations).key === agency.key);
  const settled = answer === 'refused' ? items : items.filter((item) => item.grounds.length === 1);
  const words = `${agency.name} ${answer === 'agreed' ? 'agreed to its disclosure' : 'refused its disclosure'}: ${reason}`;
  return {
    ok: true,
    value: {
      agency,
      answer,
      reason,
      decisions: settled.map((item) => ({ itemKey: item.key, decision: answer === 'agreed' ? 'disclose' : 'redact', reason: words })),
      left: items.filter((item) => !settled.includes(item)).map((item) => item.key),
    },
  };
}
