// Who the profile is about: the baby, the household, and every significant adult. Parents always;
// anyone else who lives with, cares for or regularly visits the baby ("invisible men" included).
import { isChildRelationship } from '../people/relationships.ts';
import type { CinHolder } from '../catalogue/cin-codes.ts';
import type { InfantFacts, ProfilePerson } from './profile.types.ts';

const PARENTS: readonly string[] = ['mother', 'father'];
const PARENT_FIGURES: readonly string[] = ['mother', 'father', 'mothers-partner', 'fathers-partner'];

/** What deciding whether someone is a parent or a significant adult reads of them. */
export type PersonStanding = Pick<ProfilePerson, 'relationshipToInfant' | 'livesInHousehold' | 'caresForInfant' | 'visitsRegularly'>;

export function isParent(person: Pick<ProfilePerson, 'relationshipToInfant'>): boolean {
  return PARENTS.includes(person.relationshipToInfant);
}

/**
 * A significant adult gets every adult factor. A mother or father is one whether or not they live
 * with the baby: a parent apart from the baby may still care for it, or be the safer home (docs/domain.md, Fathers and other men).
 */
export function isSignificantAdult(person: PersonStanding): boolean {
  if (isChildRelationship(person.relationshipToInfant)) return false;
  return isParent(person) || person.livesInHousehold || person.caresForInfant || person.visitsRegularly;
}

/** The "carer" of the findings: lives with or cares for the baby; the mother of an unborn baby always. */
export function isCarer(person: ProfilePerson, infant: InfantFacts): boolean {
  if (isChildRelationship(person.relationshipToInfant)) return false;
  if (infant.status === 'unborn' && person.relationshipToInfant === 'mother') return true;
  return person.livesInHousehold || person.caresForInfant;
}

/**
 * Whom an adult's factor concerns in the CIN census: parents, their partners at home and anyone who
 * cares for the baby are B; other household members C; a visitor only has no census suffix.
 */
export function cinHolderOf(person: ProfilePerson): CinHolder {
  if (isParent(person) || person.caresForInfant) return 'parent-or-carer';
  if (PARENT_FIGURES.includes(person.relationshipToInfant) && person.livesInHousehold) return 'parent-or-carer';
  if (person.livesInHousehold) return 'household-member';
  return 'other';
}

/** Significant adults in record order, each id once (the first wins). */
export function significantAdults(people: readonly ProfilePerson[]): { adults: ProfilePerson[]; duplicateIds: string[] } {
  const seen = new Set<string>();
  const adults: ProfilePerson[] = [];
  const duplicateIds: string[] = [];
  for (const person of people) {
    if (seen.has(person.id)) {
      duplicateIds.push(person.id);
      continue;
    }
    seen.add(person.id);
    if (isSignificantAdult(person)) adults.push(person);
  }
  return { adults, duplicateIds };
}
