// What an Encounter's codes and words say beyond its class: that the baby was not brought (did not
// attend), that a stay was on a neonatal unit, that an attendance was at A&E. The class (HL7 v3
// ActCode) gives the kind first (encounter-entries.ts); these refine it.
import { allCodeableWords, listAt, objectAt, stringAt, type JsonObject } from './fhir-json.ts';
import { snomedCodesOf, wordsReport } from './finding-codes.ts';

/** SNOMED CT: did not attend (the NHS's usual codes for a missed appointment). */
const NOT_BROUGHT_CODES: ReadonlySet<string> = new Set([
  '281399006', // Did not attend
  '270426007', // Did not attend - no reason
  '185326000', // Did not attend - reason given
  '314503007', // DNA hospital appointment
  '185324002', // Failed encounter
  '924331000000103', // Did not attend general practitioner appointment
  '920741000000101', // Did not attend nurse appointment
  '918791000000100', // Did not attend antenatal appointment
  '956821000000104', // Did not attend health visitor 3 to 4 month contact with family
]);

const NOT_BROUGHT_WORDS = /\b(was not brought|not brought|did not attend|failed to attend|no[- ]show|failed encounter)\b|\bDNA\b(?! (test|sample|analysis))/i;

/** SNOMED CT: an emergency department visit or admission. */
const EMERGENCY_CODES: ReadonlySet<string> = new Set([
  '4525004', // Emergency department patient visit
  '50849002', // Emergency room admission
]);

const EMERGENCY_WORDS = /\b(a ?& ?e|accident and emergency|emergency department|emergency room|urgent treatment centre)\b/i;

/** A clinic after an attendance, or a referral from one, is not the attendance itself. */
const AFTER_EMERGENCY = /\b(follow[- ]?up|after|following|referred|referral|review)\b/i;

const NEONATAL_WORDS = /\b(neonatal (unit|intensive care|critical care|high dependency|special care)|nicu|scbu|special care baby unit|transitional care)\b/i;

/** The codes and words that say what sort of encounter it was: type, service type, reason and the extensions' coded values. */
function describing(resource: JsonObject): unknown[] {
  return [
    ...listAt(resource, 'type'),
    objectAt(resource, 'serviceType'),
    ...listAt(resource, 'reasonCode'),
    ...listAt(resource, 'extension').map((extension) => objectAt(extension, 'valueCodeableConcept')),
  ];
}

/** It says the baby was not brought: a did-not-attend code, or words that say so. */
export function saysNotBrought(resource: JsonObject): boolean {
  const concepts = describing(resource);
  if (concepts.some((concept) => snomedCodesOf(concept).some((code) => NOT_BROUGHT_CODES.has(code)))) return true;
  return wordsReport(concepts.flatMap(allCodeableWords), NOT_BROUGHT_WORDS);
}

/** Its type says it was an emergency department attendance. */
export function saysEmergency(resource: JsonObject): boolean {
  const types = [...listAt(resource, 'type'), objectAt(resource, 'serviceType')];
  if (types.some((concept) => snomedCodesOf(concept).some((code) => EMERGENCY_CODES.has(code)))) return true;
  return wordsReport(types.flatMap(allCodeableWords).filter((words) => !AFTER_EMERGENCY.test(words)), EMERGENCY_WORDS);
}

/** Its type, service type or location says the stay was on a neonatal unit. */
export function saysNeonatalUnit(resource: JsonObject): boolean {
  const locations = listAt(resource, 'location')
    .map((location) => stringAt(objectAt(location, 'location'), 'display'))
    .filter((display): display is string => display !== undefined);
  const words = [...[...listAt(resource, 'type'), objectAt(resource, 'serviceType')].flatMap(allCodeableWords), ...locations];
  return wordsReport(words, NEONATAL_WORDS);
}
