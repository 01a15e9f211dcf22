// The proposed people page's reading of a decision form and its items: each proposal's details as a
// summary list, and its radios (add as a new person with a relationship, this is each person
// recorded, not part of this family) with what was chosen kept after a refusal.
import type { CasePerson } from '../../../application/cases/view-case.ts';
import type { ProposalView } from '../../../application/fhir/proposed-people.ts';
import type { DecisionInput, DecisionProblem } from '../../../domain/fhir/import/proposed-person-decision.ts';
import { formatNhsNumber } from '../../../domain/people/nhs-number.ts';
import { personDisplayName, RELATIONSHIPS_TO_INFANT } from '../../../domain/people/relationships.ts';
import { formatDate, formatDateTime } from '../../views/london-time.ts';

/** What was chosen on one person's form: `decision` is new-person, not-in-family, or person:<id>. */
export interface TypedDecision {
  decision: string;
  relationshipToInfant: string;
}

const SAME_PERSON = 'person:';
const SEX_WORDS = { female: 'Female', male: 'Male', unknown: 'Not known' } as const;

const textOf = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

export function readDecision(body: unknown): { ok: true; input: DecisionInput; values: TypedDecision } | { ok: false; values: TypedDecision; message: string } {
  const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const values = { decision: textOf(fields['decision']), relationshipToInfant: textOf(fields['relationshipToInfant']) };
  if (values.decision === 'new-person') return { ok: true, input: { decision: 'new-person', relationshipToInfant: values.relationshipToInfant }, values };
  if (values.decision === 'not-in-family') return { ok: true, input: { decision: 'not-in-family' }, values };
  if (values.decision.startsWith(SAME_PERSON) && values.decision.length > SAME_PERSON.length) return { ok: true, input: { decision: 'same-person', personId: values.decision.slice(SAME_PERSON.length) }, values };
  return { ok: false, values, message: 'Select whether to add this person, who they are on the record, or that they are not part of this family' };
}

/** Where on the page a refusal of a decision is shown. */
export function decisionFieldOf(problem: DecisionProblem, proposalId: string): string {
  return problem === 'relationship-unknown' ? `relationship-${proposalId}` : `decision-${proposalId}`;
}

const relationshipWords = (relationship: string) => (Object.hasOwn(RELATIONSHIPS_TO_INFANT, relationship) ? RELATIONSHIPS_TO_INFANT[relationship as keyof typeof RELATIONSHIPS_TO_INFANT] : relationship);

export function proposalItems(proposals: readonly ProposalView[], people: readonly CasePerson[], typed?: { proposalId: string; values: TypedDecision; errors: Record<string, string> }) {
  return proposals.map((proposal) => {
    const kept = typed?.proposalId === proposal.id ? typed : undefined;
    const chosen = kept?.values.decision ?? '';
    const name = [proposal.givenName, proposal.familyName].filter(Boolean).join(' ') || 'Name not sent';
    const row = (key: string, value: string | null) => ({ key: { text: key }, value: { text: value ?? 'Not sent' } });
    return {
      id: proposal.id,
      name,
      rows: [
        row('Name', name),
        row('Related as the agency put it', proposal.relationshipAsSent),
        row('Date of birth', proposal.dateOfBirth === null ? null : formatDate(proposal.dateOfBirth)),
        row('NHS number', proposal.nhsNumber === null ? null : formatNhsNumber(proposal.nhsNumber)),
        row('Sex', proposal.sex === null ? null : SEX_WORDS[proposal.sex]),
        row('Sent by', `${proposal.agency}, ${formatDateTime(proposal.receivedAt.toISOString())}`),
      ],
      people: people.map((person) => ({ value: `${SAME_PERSON}${person.id}`, text: `This is ${personDisplayName(person)} (${relationshipWords(person.relationshipToInfant).toLowerCase()})`, checked: chosen === `${SAME_PERSON}${person.id}` })),
      chosen,
      relationship: kept?.values.relationshipToInfant ?? proposal.relationshipToInfant,
      relationshipItems: Object.entries(RELATIONSHIPS_TO_INFANT).map(([value, text]) => ({ value, text })),
      decisionError: kept?.errors[`decision-${proposal.id}`],
      relationshipError: kept?.errors[`relationship-${proposal.id}`],
    };
  });
}
