// The UK Core profiles' rules, and FHIR R4's own for the elements the export writes, as a checker
// the builders' tests run on every resource they make: the profile claimed, elements FHIR requires
// (with their cardinality), codes from required value sets, UK Core's fixed systems and extensions
// with their value sets, ids and references, and narrative that is XHTML in a div.
// From the UK Core StructureDefinitions (UKCore-Patient and its extensions, -RelatedPerson, -Flag,
// -CarePlan, -CareTeam, -Consent, -Encounter, -Observation, -AuditEvent, -Bundle) and the FHIR R4 base resources.
import { EXTENSIONS, SYSTEMS, UK_CORE_PROFILES } from './uk-core.ts';

type Json = Record<string, unknown>;

/** FHIR R4 elements with min 1, by resource type (backbone elements as paths). */
const REQUIRED: Readonly<Record<string, readonly string[]>> = {
  RelatedPerson: ['patient'],
  Flag: ['status', 'code', 'subject'],
  CarePlan: ['status', 'intent', 'subject'],
  Consent: ['status', 'scope', 'category', 'patient'],
  Encounter: ['status', 'class'],
  Observation: ['status', 'code'],
  AuditEvent: ['type', 'recorded', 'agent', 'source'],
  Bundle: ['type'],
  OperationOutcome: ['issue'],
  CapabilityStatement: ['status', 'date', 'kind', 'fhirVersion', 'format'],
};

/** Required bindings of the elements written. */
const CODES: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  Patient: { gender: ['male', 'female', 'other', 'unknown'] },
  RelatedPerson: { gender: ['male', 'female', 'other', 'unknown'] },
  Flag: { status: ['active', 'inactive', 'entered-in-error'] },
  CarePlan: { status: ['draft', 'active', 'on-hold', 'revoked', 'completed', 'entered-in-error', 'unknown'], intent: ['proposal', 'plan', 'order', 'option'] },
  CareTeam: { status: ['proposed', 'active', 'suspended', 'inactive', 'entered-in-error'] },
  Consent: { status: ['draft', 'proposed', 'active', 'rejected', 'inactive', 'entered-in-error'] },
  Encounter: { status: ['planned', 'arrived', 'triaged', 'in-progress', 'onleave', 'finished', 'cancelled', 'entered-in-error', 'unknown'] },
  Observation: { status: ['registered', 'preliminary', 'final', 'amended', 'corrected', 'cancelled', 'entered-in-error', 'unknown'] },
  AuditEvent: { action: ['C', 'R', 'U', 'D', 'E'], outcome: ['0', '4', '8', '12'] },
};

const ACTIVITY_STATUSES = ['not-started', 'scheduled', 'in-progress', 'on-hold', 'completed', 'cancelled', 'stopped', 'unknown', 'entered-in-error'];
const FETAL_STATUSES = ['potential-for-live-birth', 'fetal-demise', 'unknown'];
const BIRTH_SEX_CODES = [`${SYSTEMS.administrativeGender}|F`, `${SYSTEMS.administrativeGender}|M`, `${SYSTEMS.administrativeGender}|UN`, `${SYSTEMS.nullFlavor}|UNK`];
const VERIFICATION_CODES = ['01', '02', '03', '04', '05', '06', '07', '08'].map((code) => `${SYSTEMS.nhsNumberVerificationEngland}|${code}`);
const REFERENCE = /^(Patient|RelatedPerson|CareTeam|Practitioner|Organization)\/[A-Za-z0-9\-.]{1,64}$/;
const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;
const FHIR_DATE_TIME = /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?$/;

/** A primitive as written; anything else as JSON, so a problem names what it found. */
const asText = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value));
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isObject) : []);
const codings = (concept: unknown) => list(isObject(concept) ? concept['coding'] : undefined).map((coding) => `${String(coding['system'])}|${String(coding['code'])}`);

/** Every rule the resource breaks, each as "path: what"; empty when it keeps them all. */
export function ukCoreProblems(resource: Json): string[] {
  const problems: string[] = [];
  const type = String(resource['resourceType']);
  const say = (path: string, what: string) => problems.push(`${type}.${path}: ${what}`);

  const profile = UK_CORE_PROFILES[type as keyof typeof UK_CORE_PROFILES] as string | undefined;
  if (profile) {
    const meta = isObject(resource['meta']) ? resource['meta'] : {};
    if (!Array.isArray(meta['profile']) || !meta['profile'].includes(profile)) say('meta.profile', `does not claim ${profile}`);
  }
  if (resource['id'] !== undefined && !FHIR_ID.test(asText(resource['id']))) say('id', 'is not a FHIR id');
  for (const element of REQUIRED[type] ?? []) {
    const value = resource[element];
    if (value === undefined || (Array.isArray(value) && value.length === 0)) say(element, 'is required');
  }
  for (const [element, codes] of Object.entries(CODES[type] ?? {})) {
    if (resource[element] !== undefined && !codes.includes(asText(resource[element]))) say(element, `"${asText(resource[element])}" is not in its required value set`);
  }
  checkNarrative(resource, say);
  checkReferences(resource, '', say);
  checkEmpty(resource, '', say);
  if (type === 'Patient') checkPatient(resource, say);
  if (type === 'CarePlan') {
    for (const [index, activity] of list(resource['activity']).entries()) {
      const detail = isObject(activity['detail']) ? activity['detail'] : {};
      if (!ACTIVITY_STATUSES.includes(String(detail['status']))) say(`activity[${String(index)}].detail.status`, 'is required, from its value set');
    }
  }
  if (type === 'Consent') {
    if (resource['policy'] === undefined && resource['policyRule'] === undefined) say('policyRule', 'ppc-1: a policy or a policy rule is required');
    if (codings(resource['scope']).includes(`${SYSTEMS.consentScope}|patient-privacy`) && resource['patient'] === undefined) say('patient', 'ppc-2: a privacy consent names its patient');
  }
  if (type === 'AuditEvent') {
    for (const [index, agent] of list(resource['agent']).entries()) if (typeof agent['requestor'] !== 'boolean') say(`agent[${String(index)}].requestor`, 'is required');
    if (!isObject(resource['source']) || !isObject(resource['source']['observer'])) say('source.observer', 'is required');
    if (!FHIR_DATE_TIME.test(String(resource['recorded'])) || !String(resource['recorded']).includes('T')) say('recorded', 'is not an instant');
  }
  if (type === 'Observation') {
    if (resource['effectiveDateTime'] !== undefined && !FHIR_DATE_TIME.test(asText(resource['effectiveDateTime']))) say('effectiveDateTime', 'is not a FHIR dateTime');
    const quantity = isObject(resource['valueQuantity']) ? resource['valueQuantity'] : undefined;
    if (quantity && typeof quantity['value'] !== 'number') say('valueQuantity.value', 'is not a decimal');
    if (quantity && quantity['code'] !== undefined && quantity['system'] === undefined) say('valueQuantity', 'qty-3: a code needs its system');
    if (quantity && quantity['system'] !== undefined && quantity['system'] !== SYSTEMS.ucum) say('valueQuantity.system', 'a length of time is a UCUM unit');
  }
  if (type === 'Encounter' && isObject(resource['period']) && resource['period']['start'] !== undefined && !FHIR_DATE_TIME.test(asText(resource['period']['start']))) say('period.start', 'is not a FHIR dateTime');
  return problems;
}

function checkPatient(resource: Json, say: (path: string, what: string) => void): void {
  const nhsNumbers = list(resource['identifier']).filter((identifier) => identifier['system'] === SYSTEMS.nhsNumber);
  if (nhsNumbers.length > 1) say('identifier:nhsNumber', 'max 1');
  for (const identifier of nhsNumbers) {
    if (!/^\d{10}$/.test(String(identifier['value']))) say('identifier:nhsNumber.value', 'is required: ten digits');
    const verification = list(identifier['extension']).filter((extension) => extension['url'] === EXTENSIONS.nhsNumberVerificationStatus);
    if (verification.length > 1) say('identifier:nhsNumber.extension:nhsNumberVerificationStatus', 'max 1');
    for (const extension of verification) if (!codings(extension['valueCodeableConcept']).some((code) => VERIFICATION_CODES.includes(code))) say('identifier:nhsNumber.extension:nhsNumberVerificationStatus', 'not in UKCore-NHSNumberVerificationStatus');
  }
  const extensions = list(resource['extension']);
  const fetal = extensions.filter((extension) => extension['url'] === EXTENSIONS.fetalStatus);
  if (fetal.length > 1) say('extension:fetalStatus', 'max 1');
  for (const extension of fetal) if (!FETAL_STATUSES.includes(String(extension['valueCode']))) say('extension:fetalStatus.valueCode', 'not in the fetal status value set');
  const birthSex = extensions.filter((extension) => extension['url'] === EXTENSIONS.birthSex);
  if (birthSex.length > 1) say('extension:birthSex', 'max 1');
  for (const extension of birthSex) if (!codings(extension['valueCodeableConcept']).some((code) => BIRTH_SEX_CODES.includes(code))) say('extension:birthSex', 'not in UKCore-BirthSex');
  for (const gp of list(resource['generalPractitioner'])) {
    const identifier = isObject(gp['identifier']) ? gp['identifier'] : undefined;
    if (identifier && identifier['system'] !== SYSTEMS.odsOrganisationCode) say('generalPractitioner.identifier.system', 'an organisation is named by its ODS code');
  }
}

function checkNarrative(resource: Json, say: (path: string, what: string) => void): void {
  const text = resource['text'];
  if (text === undefined) return;
  const div = isObject(text) ? String(text['div']) : '';
  if (!isObject(text) || !['generated', 'extensions', 'additional', 'empty'].includes(String(text['status']))) say('text.status', 'is required');
  if (!div.startsWith('<div xmlns="http://www.w3.org/1999/xhtml">') || !div.endsWith('</div>')) say('text.div', 'is an XHTML div');
  if (/<(?!\/?(div|p)\b)/.test(div) || /&(?!(amp|lt|gt|quot|#39);)/.test(div)) say('text.div', 'holds markup or an entity it should not');
  if (div.replace(/<[^>]+>/g, '').trim() === '') say('text.div', 'txt-2: the narrative says something');
}

/** Every `reference` is Type/id of a type the export writes or names. */
function checkReferences(value: unknown, path: string, say: (path: string, what: string) => void): void {
  if (Array.isArray(value)) value.forEach((item, index) => checkReferences(item, `${path}[${String(index)}]`, say));
  if (!isObject(value)) return;
  for (const [key, inner] of Object.entries(value)) {
    if (key === 'reference' && typeof inner === 'string' && !REFERENCE.test(inner)) say(`${path}.reference`, `"${inner}" is not Type/id`);
    if (key !== 'text') checkReferences(inner, path ? `${path}.${key}` : key, say);
  }
}

/** ele-1: no empty strings, objects or lists anywhere. */
function checkEmpty(value: unknown, path: string, say: (path: string, what: string) => void): void {
  if (value === '' || (Array.isArray(value) && value.length === 0) || (isObject(value) && Object.keys(value).length === 0)) say(path, 'ele-1: empty');
  if (Array.isArray(value)) value.forEach((item, index) => checkEmpty(item, `${path}[${String(index)}]`, say));
  else if (isObject(value)) for (const [key, inner] of Object.entries(value)) checkEmpty(inner, path ? `${path}.${key}` : key, say);
}
