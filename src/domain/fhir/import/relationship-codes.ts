// How a RelatedPerson is related to the Patient it names, as the service's list of relationships to
// the baby (people/relationships.ts). The codes are HL7 v3 RoleCode, which UK Core's relationship
// value set uses. They say how the person is related to the Patient, so they give a relationship to
// the baby only when that Patient is the baby; a code the list has no place for is 'unknown', for the
// practitioner who confirms the person to choose.
import type { RelationshipToInfant } from '../../people/relationships.ts';

export const ROLE_CODE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-RoleCode';

const BY_ROLE_CODE: Readonly<Record<string, RelationshipToInfant>> = {
  MTH: 'mother',
  NMTH: 'mother',
  ADOPTM: 'mother',
  GESTM: 'mother',
  FTH: 'father',
  NFTH: 'father',
  NFTHF: 'father',
  ADOPTF: 'father',
  // A step-parent is the parent's partner.
  STPFTH: 'mothers-partner',
  STPMTH: 'fathers-partner',
  GRPRN: 'grandparent',
  GRMTH: 'grandparent',
  GRFTH: 'grandparent',
  MGRPRN: 'grandparent',
  MGRMTH: 'grandparent',
  MGRFTH: 'grandparent',
  PGRPRN: 'grandparent',
  PGRMTH: 'grandparent',
  PGRFTH: 'grandparent',
  SIB: 'sibling',
  BRO: 'sibling',
  SIS: 'sibling',
  NSIB: 'sibling',
  NBRO: 'sibling',
  NSIS: 'sibling',
  HSIB: 'half-sibling',
  HBRO: 'half-sibling',
  HSIS: 'half-sibling',
  STPSIB: 'other-relative',
  STPBRO: 'other-relative',
  STPSIS: 'other-relative',
  AUNT: 'other-relative',
  MAUNT: 'other-relative',
  PAUNT: 'other-relative',
  UNCLE: 'other-relative',
  MUNCLE: 'other-relative',
  PUNCLE: 'other-relative',
  COUSN: 'other-relative',
  MCOUSN: 'other-relative',
  PCOUSN: 'other-relative',
  EXT: 'other-relative',
  FAMMEMB: 'other-relative',
  FRND: 'friend',
};

/** A parent whose code does not say which: mother or father by the person's recorded gender. */
const PARENT_CODES = new Set(['PRN', 'NPRN']);

/** The relationship to the baby a v3 RoleCode gives, when the RelatedPerson's Patient is the baby. */
export function relationshipToInfantOf(roleCode: string | undefined, gender: string | undefined): RelationshipToInfant {
  if (roleCode === undefined) return 'unknown';
  const code = roleCode.toUpperCase();
  if (PARENT_CODES.has(code)) return gender === 'female' ? 'mother' : gender === 'male' ? 'father' : 'unknown';
  return Object.hasOwn(BY_ROLE_CODE, code) ? BY_ROLE_CODE[code]! : 'unknown';
}
