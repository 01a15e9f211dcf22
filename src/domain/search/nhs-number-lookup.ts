// The NHS number lookup, in the manner of the NHS child protection information sharing service: a
// service an adult or a baby arrives at unplanned asks, by NHS number, whether this person is, or is
// around, a baby on the record, and whom to contact. Who may ask, and what the person is to each baby
// found. Pure.
import type { MatchReason } from '../people/record-details.ts';
import { RELATIONSHIPS_TO_INFANT, type RelationshipToInfant } from '../people/relationships.ts';
import type { OrganisationKind } from '../shared/organisation-kinds.ts';
import { roleAllows, type Role } from '../shared/roles.ts';
import type { PersonMatch } from './person-match.ts';

/**
 * The agencies that may look up an NHS number: where a parent or a baby turns up unplanned and someone
 * must decide at once (hospitals' emergency departments and maternity units, midwives, GPs and their
 * out-of-hours and urgent care, the police), and children's social care, who take the call that
 * follows. Every other agency finds the same answer through the search, by name, date of birth or
 * NHS number.
 */
export const LOOKUP_ORGANISATION_KINDS: readonly OrganisationKind[] = ['hospital', 'midwifery', 'gp', 'police', 'childrens-social-care'];

/** Practitioners, safeguarding leads and managers of those agencies; never an administrator, who does not work on families' records. */
export function mayLookUpNhsNumbers(role: Role, organisationKind: string): boolean {
  return roleAllows(role, 'create-records') && (LOOKUP_ORGANISATION_KINDS as readonly string[]).includes(organisationKind);
}

/** What the person looked up is to a baby found: the baby itself, or their relationship to the baby. */
export type LookedUpAs = 'baby' | RelationshipToInfant;

/**
 * What the person is to the baby of a record the search found by their NHS number: the baby (its own
 * number), the mother (her number on the record before the birth, or as a person around the baby),
 * or each relationship a person with that number has to the baby. The baby first, then in the order
 * relationships are listed; each once.
 */
export function lookedUpAs(matchedOn: readonly MatchReason[], peopleMatched: readonly PersonMatch[]): LookedUpAs[] {
  const found = new Set<LookedUpAs>();
  if (matchedOn.includes('nhs-number')) found.add('baby');
  if (matchedOn.includes('mother-nhs-number')) found.add('mother');
  for (const match of peopleMatched) if (match.on.includes('nhs-number')) found.add(match.relationship);
  const order: LookedUpAs[] = ['baby', ...(Object.keys(RELATIONSHIPS_TO_INFANT) as RelationshipToInfant[])];
  return order.filter((as) => found.has(as));
}
