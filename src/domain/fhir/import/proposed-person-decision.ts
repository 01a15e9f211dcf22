// What a practitioner decides about a person a FHIR import proposed for a record (a RelatedPerson
// another agency knows is around the baby): add them as a new person, say they are someone already
// recorded, or say they are not part of this family. An import never adds anyone by itself
// (plan-import.ts); this is the decision it waits for. Pure: the record's people and today come in.
import { checkPersonDetails, type PersonDetails } from '../../people/person-rules.ts';
import { isRelationshipToInfant } from '../../people/relationships.ts';

export const PROPOSAL_DECISIONS = ['new-person', 'same-person', 'not-in-family'] as const;
export type ProposalDecision = (typeof PROPOSAL_DECISIONS)[number];

/** A proposal as kept (migration 041), with what was decided about it so far. */
export interface StoredProposal {
  givenName: string | null;
  familyName: string | null;
  relationshipAsSent: string | null;
  sex: 'female' | 'male' | 'unknown' | null;
  dateOfBirth: string | null;
  nhsNumber: string | null;
  decision: ProposalDecision | null;
  /** A person a merged transfer proposed (issue 21): all their details as the other area sent them. */
  sentInTransfer?: PersonDetails | null;
}

export type DecisionInput =
  | { decision: 'new-person'; relationshipToInfant: string }
  | { decision: 'same-person'; personId: string }
  | { decision: 'not-in-family' };

/** A person already on the record, as far as matching a proposal to them goes. */
export interface RecordedPerson {
  id: string;
  nhsNumber: string | null;
}

export type DecisionProblem = 'already-decided' | 'relationship-unknown' | 'nhs-number-recorded' | 'person-not-on-record' | 'nhs-number-differs' | 'details-refused';

export type DecisionEffect =
  | { ok: true; decision: 'new-person'; person: PersonDetails }
  /** `nhsNumberToRecord`: the proposal's NHS number, for a person recorded without one. */
  | { ok: true; decision: 'same-person'; personId: string; nhsNumberToRecord: string | null }
  | { ok: true; decision: 'not-in-family' }
  | { ok: false; problem: DecisionProblem };

export const DECISION_PROBLEM_MESSAGES: Readonly<Record<DecisionProblem, string>> = {
  'already-decided': 'Someone has already decided about this person. Check what is on the record now',
  'relationship-unknown': 'Select how this person is related to the baby',
  'nhs-number-recorded': 'A person with this NHS number is already recorded around this baby. Select This is that person instead',
  'person-not-on-record': 'Select a person recorded around this baby',
  'nhs-number-differs': 'This person is recorded with a different NHS number. If they are the same person, correct their NHS number first',
  'details-refused': 'This person’s details cannot be recorded as they were sent (a date of birth in the future or before 1900). Add them with Add a person instead',
};

/**
 * The person a proposal becomes: what the other agency sent, and nothing assumed about where they live
 * or whom they care for; from a merged transfer, the person as the other area recorded them.
 */
export function personFromProposal(proposal: StoredProposal, relationshipToInfant: string): PersonDetails {
  if (proposal.sentInTransfer) return { ...proposal.sentInTransfer, relationshipToInfant };
  const identityKnown = proposal.givenName !== null || proposal.familyName !== null;
  return {
    givenName: proposal.givenName,
    familyName: proposal.familyName,
    identityKnown,
    description: identityKnown ? null : `Named by another agency as ${proposal.relationshipAsSent ?? 'someone around the baby'}, name not sent`,
    relationshipToInfant,
    dateOfBirth: proposal.dateOfBirth,
    nhsNumber: proposal.nhsNumber,
    sex: proposal.sex,
    livesInHousehold: false,
    caresForInfant: false,
    visitsRegularly: false,
    parentalResponsibility: null,
    paternityConfirmed: null,
    deceased: false,
    address: null,
    addressRestricted: false,
  };
}

export function decideProposal(proposal: StoredProposal, input: DecisionInput, people: readonly RecordedPerson[], today: string): DecisionEffect {
  if (proposal.decision !== null) return { ok: false, problem: 'already-decided' };
  if (input.decision === 'not-in-family') return { ok: true, decision: 'not-in-family' };
  if (input.decision === 'new-person') {
    if (!isRelationshipToInfant(input.relationshipToInfant)) return { ok: false, problem: 'relationship-unknown' };
    if (proposal.nhsNumber !== null && people.some((person) => person.nhsNumber === proposal.nhsNumber)) return { ok: false, problem: 'nhs-number-recorded' };
    const person = personFromProposal(proposal, input.relationshipToInfant);
    if (Object.keys(checkPersonDetails(person, today)).length > 0) return { ok: false, problem: 'details-refused' };
    return { ok: true, decision: 'new-person', person };
  }
  const recorded = people.find((person) => person.id === input.personId);
  if (recorded === undefined) return { ok: false, problem: 'person-not-on-record' };
  if (recorded.nhsNumber !== null && proposal.nhsNumber !== null && recorded.nhsNumber !== proposal.nhsNumber) return { ok: false, problem: 'nhs-number-differs' };
  return { ok: true, decision: 'same-person', personId: recorded.id, nhsNumberToRecord: recorded.nhsNumber === null ? proposal.nhsNumber : null };
}
