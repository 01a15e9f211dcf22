// The baby as a UK Core Patient. An unborn baby has UK Core's fetal status extension
// (potential-for-live-birth), no birth date and no birth sex, and says its expected delivery date in
// the narrative (FHIR R4 has no Patient element for it). The NHS number carries UK Core's
// verification status: this service checks the check digit but does not trace numbers with the
// national spine, so it is "present but not traced". The GP practice is named by its ODS code.
import type { CodeableConcept, Extension, Identifier, Reference, ResourceBase } from './fhir-types.ts';
import { narrative } from './narrative.ts';
import { EXTENSIONS, SYSTEMS, UK_CORE_PROFILES } from './uk-core.ts';

export interface InfantForExport {
  id: string;
  status: 'unborn' | 'born';
  givenName: string | null;
  familyName: string | null;
  /** female, male or unknown, as recorded. */
  sex: string | null;
  nhsNumber: string | null;
  dateOfBirth: string | null;
  expectedDeliveryDate: string | null;
  multipleBirth: boolean | null;
  /** Null when there is none or it is restricted and withheld. */
  address: string | null;
  postcode: string | null;
  gpPracticeName: string | null;
  gpPracticeOdsCode: string | null;
}

export interface PatientResource extends ResourceBase {
  resourceType: 'Patient';
  extension?: Extension[];
  identifier?: Identifier[];
  active: boolean;
  name?: { use: 'official'; family?: string; given?: string[]; text: string }[];
  gender?: 'female' | 'male' | 'unknown';
  birthDate?: string;
  multipleBirthBoolean?: boolean;
  address?: { use: 'home'; text?: string; postalCode?: string }[];
  generalPractitioner?: Reference[];
}

/** Present but not traced: the only status this service can vouch for. */
export const NHS_NUMBER_NOT_TRACED: CodeableConcept = { coding: [{ system: SYSTEMS.nhsNumberVerificationEngland, code: '02', display: 'Number present but not traced' }] };

const GENDERS = ['female', 'male', 'unknown'] as const;
type Gender = (typeof GENDERS)[number];

/** The recorded sex as FHIR's administrative gender, or nothing when none was recorded. */
export function genderOf(sex: string | null): Gender | undefined {
  return (GENDERS as readonly string[]).includes(sex ?? '') ? (sex as Gender) : undefined;
}

const BIRTH_SEX: Readonly<Record<Gender, CodeableConcept>> = {
  female: { coding: [{ system: SYSTEMS.administrativeGender, code: 'F', display: 'Female' }] },
  male: { coding: [{ system: SYSTEMS.administrativeGender, code: 'M', display: 'Male' }] },
  unknown: { coding: [{ system: SYSTEMS.nullFlavor, code: 'UNK', display: 'unknown' }] },
};

export function nhsNumberIdentifier(nhsNumber: string, withVerification: boolean): Identifier {
  return {
    ...(withVerification ? { extension: [{ url: EXTENSIONS.nhsNumberVerificationStatus, valueCodeableConcept: NHS_NUMBER_NOT_TRACED }] } : {}),
    system: SYSTEMS.nhsNumber,
    value: nhsNumber,
  };
}

/** A HumanName from the parts recorded; none when neither is. */
export function humanName(givenName: string | null, familyName: string | null): { use: 'official'; family?: string; given?: string[]; text: string } | undefined {
  const given = givenName?.trim();
  const family = familyName?.trim();
  if (!given && !family) return undefined;
  return { use: 'official', ...(family ? { family } : {}), ...(given ? { given: [given] } : {}), text: [given, family].filter(Boolean).join(' ') };
}

export function patientResource(infant: InfantForExport): PatientResource {
  const unborn = infant.status === 'unborn';
  const gender = genderOf(infant.sex);
  const extension: Extension[] = [
    ...(unborn ? [{ url: EXTENSIONS.fetalStatus, valueCode: 'potential-for-live-birth' }] : []),
    ...(!unborn && gender ? [{ url: EXTENSIONS.birthSex, valueCodeableConcept: BIRTH_SEX[gender] }] : []),
  ];
  const name = humanName(infant.givenName, infant.familyName);
  const address = infant.address || infant.postcode ? [{ use: 'home' as const, ...(infant.address ? { text: infant.address } : {}), ...(infant.postcode ? { postalCode: infant.postcode } : {}) }] : [];
  const gp = infant.gpPracticeName || infant.gpPracticeOdsCode
    ? [{ type: 'Organization', ...(infant.gpPracticeOdsCode ? { identifier: { system: SYSTEMS.odsOrganisationCode, value: infant.gpPracticeOdsCode } } : {}), ...(infant.gpPracticeName ? { display: infant.gpPracticeName } : {}) }]
    : [];
  return {
    resourceType: 'Patient',
    id: infant.id,
    meta: { profile: [UK_CORE_PROFILES.Patient] },
    text: narrative([
      name ? name.text : 'Name not yet recorded',
      unborn ? `Not yet born${infant.expectedDeliveryDate ? `: expected delivery date ${infant.expectedDeliveryDate}` : ''}` : infant.dateOfBirth ? `Born ${infant.dateOfBirth}` : 'Born',
      infant.nhsNumber && `NHS number ${infant.nhsNumber}`,
    ]),
    ...(extension.length > 0 ? { extension } : {}),
    ...(infant.nhsNumber ? { identifier: [nhsNumberIdentifier(infant.nhsNumber, true)] } : {}),
    active: true,
    ...(name ? { name: [name] } : {}),
    ...(gender ? { gender } : {}),
    ...(!unborn && infant.dateOfBirth ? { birthDate: infant.dateOfBirth } : {}),
    ...(!unborn && infant.multipleBirth !== null ? { multipleBirthBoolean: infant.multipleBirth } : {}),
    ...(address.length > 0 ? { address } : {}),
    ...(gp.length > 0 ? { generalPractitioner: gp } : {}),
  };
}
