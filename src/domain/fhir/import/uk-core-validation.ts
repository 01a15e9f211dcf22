// Checking a resource sent to the import against the UK Core profile of its type, and FHIR R4's own
// rules for it (UK Core 2.x StructureDefinitions: UKCore-Patient and its extensions, -RelatedPerson,
// -Encounter, -Observation, -Condition, -Flag, -CarePlan, -Consent): the elements FHIR requires,
// their cardinality (one value, or a list), the codes of required value sets, UK Core's NHS number
// system, the UK Core extensions the import may meet (ethnic category, NHS
// number verification status) with their value sets, and a meta.profile that claims
// UK Core for another type. Each problem names its element (a JSON pointer, written as FHIRPath in
// the answer) and what to send instead. A resource with problems is refused on its own; a Patient's
// are reported and it is matched as before, since the import keeps nothing of a Patient but its
// NHS number (read-bundle.ts).
import { EXTENSIONS, SYSTEMS } from '../export/uk-core.ts';
import { listAt, stringAt, type JsonObject } from './fhir-json.ts';

export interface UkCoreProblem {
  /** A JSON pointer into the Bundle. */
  path: string;
  message: string;
}

const UK_CORE_PROFILE_BASE = 'https://fhir.hl7.org.uk/StructureDefinition/UKCore-';
const ETHNIC_CATEGORY_EXTENSION = 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-EthnicCategory';
const ETHNIC_CATEGORY_SYSTEM = 'https://fhir.hl7.org.uk/CodeSystem/UKCore-EthnicCategoryEngland';
/** The ethnic categories of England (the 2001 census categories, Z not stated, 99 not known). */
const ETHNIC_CATEGORIES = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'K', 'L', 'M', 'N', 'P', 'R', 'S', 'Z', '99'];
const VERIFICATION_CODES = ['01', '02', '03', '04', '05', '06', '07', '08'];
/** Systems senders have used for the NHS number that are not UK Core's. */
const NHS_NUMBER_LOOK_ALIKES = ['https://fhir.hl7.org.uk/Id/nhs-number', 'http://fhir.nhs.net/Id/nhs-number', 'https://fhir.nhs.net/Id/nhs-number', 'urn:oid:2.16.840.1.113883.2.1.4.1'];
const GENDERS = ['male', 'female', 'other', 'unknown'];

/**
 * FHIR R4 elements with at least one value, by resource type. Whose a resource is (`subject`,
 * `patient`) is left out: without one, a resource is about the Bundle's only Patient, and with
 * several it is refused as `no-subject` (bundle-patient.ts).
 */
const REQUIRED: Readonly<Record<string, readonly string[]>> = {
  Encounter: ['status', 'class'],
  Observation: ['status', 'code'],
  Flag: ['status', 'code'],
  CarePlan: ['status', 'intent'],
  Consent: ['status', 'scope', 'category'],
};

/** Elements that hold one value (never a list), by resource type. */
const SINGLE: Readonly<Record<string, readonly string[]>> = {
  Patient: ['gender', 'birthDate', 'active'],
  RelatedPerson: ['patient', 'gender', 'birthDate', 'active'],
  Encounter: ['status', 'class', 'subject', 'period', 'serviceProvider', 'hospitalization'],
  Observation: ['status', 'code', 'subject'],
  Condition: ['clinicalStatus', 'verificationStatus', 'code', 'subject'],
  Flag: ['status', 'code', 'subject', 'period'],
  CarePlan: ['status', 'intent', 'subject', 'period'],
  Consent: ['status', 'scope', 'patient'],
};

/** Elements that hold a list, by resource type (every type: identifier, extension). */
const LISTS: Readonly<Record<string, readonly string[]>> = {
  Patient: ['name', 'telecom', 'address'],
  RelatedPerson: ['relationship', 'name', 'telecom', 'address'],
  Encounter: ['type', 'reasonCode', 'location', 'participant'],
  Observation: ['category', 'performer', 'component'],
  Condition: ['category', 'bodySite'],
  Flag: ['category'],
  CarePlan: ['category', 'activity'],
  Consent: ['category', 'performer', 'organization', 'policy'],
};

/** Required bindings: the codes each element may hold. */
const CODES: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  Patient: { gender: GENDERS },
  RelatedPerson: { gender: GENDERS },
  Encounter: { status: ['planned', 'arrived', 'triaged', 'in-progress', 'onleave', 'finished', 'cancelled', 'entered-in-error', 'unknown'] },
  Observation: { status: ['registered', 'preliminary', 'final', 'amended', 'corrected', 'cancelled', 'entered-in-error', 'unknown'] },
  Flag: { status: ['active', 'inactive', 'entered-in-error'] },
  CarePlan: { status: ['draft', 'active', 'on-hold', 'revoked', 'completed', 'entered-in-error', 'unknown'], intent: ['proposal', 'plan', 'order', 'option'] },
  Consent: { status: ['draft', 'proposed', 'active', 'rejected', 'inactive', 'entered-in-error'] },
};

/** Coded elements whose codes come from one code system: the system and its codes. */
const CODED: Readonly<Record<string, Readonly<Record<string, { system: string; codes: readonly string[] }>>>> = {
  Condition: {
    clinicalStatus: { system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', codes: ['active', 'recurrence', 'relapse', 'inactive', 'remission', 'resolved'] },
    verificationStatus: { system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', codes: ['unconfirmed', 'provisional', 'differential', 'confirmed', 'refuted', 'entered-in-error'] },
  },
};

const isPresent = (value: unknown) => value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);
const inWords = (codes: readonly string[]) => (codes.length > 10 ? `${codes.slice(0, 10).join(', ')} …` : codes.join(', '));

/** The problems of one resource at `path` (`/entry/<n>/resource`); none when it keeps to its UK Core profile. */
export function ukCoreProblems(resource: JsonObject, path: string): UkCoreProblem[] {
  const type = stringAt(resource, 'resourceType') ?? '';
  const problems: UkCoreProblem[] = [];
  const problem = (at: string, message: string) => problems.push({ path: `${path}/${at}`, message });
  for (const element of REQUIRED[type] ?? []) if (!isPresent(resource[element])) problem(element, `${type}.${element} is required: send it`);
  for (const element of SINGLE[type] ?? []) if (Array.isArray(resource[element])) problem(element, `${type}.${element} holds one value, not a list`);
  for (const element of ['identifier', 'extension', ...(LISTS[type] ?? [])]) {
    if (resource[element] !== undefined && !Array.isArray(resource[element])) problem(element, `${type}.${element} is a list: send it as an array`);
  }
  for (const [element, codes] of Object.entries(CODES[type] ?? {})) {
    const value = resource[element];
    if (value !== undefined && !Array.isArray(value) && (typeof value !== 'string' || !codes.includes(value))) problem(element, `${type}.${element} must be one of ${inWords(codes)}`);
  }
  for (const [element, { system, codes }] of Object.entries(CODED[type] ?? {})) {
    listAt(resource[element], 'coding').forEach((coding, index) => {
      if (stringAt(coding, 'system') === system && !codes.includes(stringAt(coding, 'code') ?? '')) problem(`${element}/coding/${String(index)}/code`, `${type}.${element} must be one of ${inWords(codes)} (${system})`);
    });
  }
  problems.push(...profileProblems(resource, type, path), ...identifierProblems(resource, path), ...extensionProblems(resource, type, path));
  if (type === 'Patient' || type === 'RelatedPerson') {
    const birthDate = resource['birthDate'];
    if (birthDate !== undefined && (typeof birthDate !== 'string' || !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(birthDate))) problem('birthDate', `${type}.birthDate must be a date (YYYY-MM-DD)`);
  }
  return problems;
}

/** A meta.profile that claims a UK Core profile of another resource type. */
function profileProblems(resource: JsonObject, type: string, path: string): UkCoreProblem[] {
  const meta = resource['meta'];
  const profiles = typeof meta === 'object' && meta !== null ? (meta as JsonObject)['profile'] : undefined;
  if (profiles === undefined) return [];
  if (!Array.isArray(profiles)) return [{ path: `${path}/meta/profile`, message: `${type}.meta.profile is a list: send it as an array` }];
  return profiles.flatMap((profile, index) => {
    if (typeof profile !== 'string' || !profile.startsWith(UK_CORE_PROFILE_BASE)) return [];
    const claimed = profile.slice(UK_CORE_PROFILE_BASE.length).split('|')[0];
    return claimed === type ? [] : [{ path: `${path}/meta/profile/${String(index)}`, message: `${type}.meta.profile claims the UK Core profile of another resource type (${claimed ?? ''}): claim ${UK_CORE_PROFILE_BASE}${type}` }];
  });
}

/**
 * NHS numbers sent under a system that is not UK Core's (https://fhir.nhs.uk/Id/nhs-number), which
 * would otherwise match nobody without saying why. One under UK Core's system that fails its check
 * digit is refused where it is read, as `nhs-number-invalid` (bundle-patient.ts).
 */
function identifierProblems(resource: JsonObject, path: string): UkCoreProblem[] {
  const identifiers = [
    ...listAt(resource, 'identifier').map((identifier, index) => ({ identifier, at: `${path}/identifier/${String(index)}` })),
    ...['subject', 'patient'].flatMap((field) => {
      const reference = resource[field];
      const identifier = typeof reference === 'object' && reference !== null ? (reference as JsonObject)['identifier'] : undefined;
      return identifier === undefined ? [] : [{ identifier, at: `${path}/${field}/identifier` }];
    }),
  ];
  return identifiers.flatMap(({ identifier, at }): UkCoreProblem[] => {
    const system = stringAt(identifier, 'system');
    return system !== undefined && NHS_NUMBER_LOOK_ALIKES.includes(system) ? [{ path: `${at}/system`, message: `An NHS number’s system is ${SYSTEMS.nhsNumber}, not ${system}` }] : [];
  });
}

/** UK Core's extensions with a value set: ethnic category, and NHS number verification status (on the NHS number). */
function extensionProblems(resource: JsonObject, type: string, path: string): UkCoreProblem[] {
  const problems: UkCoreProblem[] = [];
  listAt(resource, 'extension').forEach((extension, index) => {
    const at = `${path}/extension/${String(index)}`;
    const url = stringAt(extension, 'url');
    if (url === undefined) problems.push({ path: `${at}/url`, message: `${type}.extension.url is required: send it` });
    if (url === ETHNIC_CATEGORY_EXTENSION) problems.push(...codedValueProblems(extension, at, ETHNIC_CATEGORY_SYSTEM, ETHNIC_CATEGORIES, 'An ethnic category'));
  });
  listAt(resource, 'identifier').forEach((identifier, index) => {
    listAt(identifier, 'extension').forEach((extension, inner) => {
      if (stringAt(extension, 'url') !== EXTENSIONS.nhsNumberVerificationStatus) return;
      problems.push(...codedValueProblems(extension, `${path}/identifier/${String(index)}/extension/${String(inner)}`, SYSTEMS.nhsNumberVerificationEngland, VERIFICATION_CODES, 'An NHS number verification status'));
    });
  });
  return problems;
}

function codedValueProblems(extension: unknown, at: string, system: string, codes: readonly string[], what: string): UkCoreProblem[] {
  const value = typeof extension === 'object' && extension !== null ? (extension as JsonObject)['valueCodeableConcept'] : undefined;
  const codings = listAt(value, 'coding');
  if (codings.length === 0) return [{ path: `${at}/valueCodeableConcept`, message: `${what} is a coded value: send valueCodeableConcept with a coding from ${system}` }];
  return codings.flatMap((coding, index) => (stringAt(coding, 'system') === system && codes.includes(stringAt(coding, 'code') ?? '') ? [] : [{ path: `${at}/valueCodeableConcept/coding/${String(index)}`, message: `${what} must be a code of ${system} (${inWords(codes)})` }]));
}
