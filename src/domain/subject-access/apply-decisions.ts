// The data protection officer's review of a draft disclosure (issue 21): each item marked for
// redaction is decided, redacted or disclosed, with the reason (a third party's consent, the agency's
// agreement, or why it is reasonable to disclose without it). Nothing is released while any is
// unreviewed; on release the redacted items keep their heading, except a person's, and say why
// their text is withheld, in the grounds' words, never the officer's own reason.
import { GROUND_WORDS, type DraftItem, type DisclosureSection, type RedactionGround } from './redaction-rules.ts';

export const REDACTION_DECISIONS = ['redact', 'disclose'] as const;
export type RedactionDecisionKind = (typeof REDACTION_DECISIONS)[number];
export const DECISION_REASON_MAX = 2000;

export interface RedactionDecision {
  itemKey: string;
  decision: RedactionDecisionKind;
  reason: string;
}

export interface DecisionProblem {
  field: 'decision' | 'reason' | 'itemKey';
  message: string;
}

/** A decision as typed: one of the two, with a reason; the item must be one marked for redaction. */
export function checkDecision(typed: { itemKey: string; decision: string; reason: string }, draft: readonly DraftItem[]): { ok: true; decision: RedactionDecision } | { ok: false; problems: DecisionProblem[] } {
  const problems: DecisionProblem[] = [];
  const item = draft.find((candidate) => candidate.key === typed.itemKey);
  if (!item || item.grounds.length === 0) problems.push({ field: 'itemKey', message: 'This item is not marked for redaction in this request’s draft: open the draft again' });
  if (!(REDACTION_DECISIONS as readonly string[]).includes(typed.decision)) problems.push({ field: 'decision', message: 'Select whether to redact this or disclose it' });
  const reason = typed.reason.trim();
  if (reason === '') problems.push({ field: 'reason', message: 'Enter why, such as the person’s consent, the agency’s agreement, or why it identifies someone else' });
  else if (reason.length > DECISION_REASON_MAX) problems.push({ field: 'reason', message: `The reason must be ${String(DECISION_REASON_MAX)} characters or fewer` });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, decision: { itemKey: typed.itemKey, decision: typed.decision as RedactionDecisionKind, reason } };
}

/** The items marked for redaction that nobody has decided yet. */
export function unreviewed(draft: readonly DraftItem[], decisions: ReadonlyMap<string, Pick<RedactionDecision, 'decision'>>): DraftItem[] {
  return draft.filter((item) => item.grounds.length > 0 && !decisions.has(item.key));
}

export interface ReleasedItem {
  caseId: string;
  section: DisclosureSection;
  heading: string;
  text: string;
  /** Withheld, with the grounds' words. */
  withheld: string | null;
  /**
   * The people in its case (their ids) it concerns, disclosed or withheld: a person withdrawn from
   * the record as added in error takes these items with them (ADR 0014). Migration 053 filled it on
   * the items released before, where the record still said whom they concern (empty where it did not).
   */
  aboutPeople?: string[];
}

export const WITHHELD_PERSON_HEADING = 'Another person';

/** The disclosure as released: every item, the redacted ones withheld. Throws if any is unreviewed (release checks first). */
export function releasedDisclosure(draft: readonly DraftItem[], decisions: ReadonlyMap<string, Pick<RedactionDecision, 'decision'>>): ReleasedItem[] {
  if (unreviewed(draft, decisions).length > 0) throw new Error('A disclosure with unreviewed redactions cannot be released');
  return draft.map((item) => {
    const redact = item.grounds.length > 0 && decisions.get(item.key)!.decision === 'redact';
    const aboutPeople = item.concerns.map((key) => key.slice(item.caseId.length + 1));
    if (!redact) return { caseId: item.caseId, section: item.section, heading: item.heading, text: item.text, withheld: null, aboutPeople };
    return { caseId: item.caseId, section: item.section, heading: item.section === 'people' ? WITHHELD_PERSON_HEADING : item.heading, text: '', withheld: groundsInWords(item.grounds), aboutPeople };
  });
}

export function groundsInWords(grounds: readonly RedactionGround[]): string {
  return grounds.map((ground) => GROUND_WORDS[ground]).join('; ');
}
