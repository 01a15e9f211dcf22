// A UK Core Observation as one chronology entry. What it reports decides the kind, by SNOMED CT or
// LOINC code first and then by its words: a weight, length or head circumference is a measurement
// for the growth record (measurement-codes.ts); drinking or drug use is more drinking or drug use by
// whoever the Observation is about, and smoking a carer smoking in the home (substance-codes.ts);
// an injury is an injury seen (injury-words.ts). Anything else is a case note with what was
// observed and its value in words.
import type { FactorId } from '../../catalogue/factor-ids.ts';
import { allCodeableWords, codeableText, isObject, listAt, objectAt, stringAt, type JsonObject } from './fhir-json.ts';
import type { ImportedEntry, ResourceReading } from './fhir-import.types.ts';
import { datedEntry, externalIdOf, skipped, summaryOf, type ResourceAt } from './fhir-resource.ts';
import { isAbsentCode, isAbsentInterpretation, snomedCodesOf, type FindingFacts } from './finding-codes.ts';
import { reportsInjury } from './injury-words.ts';
import { measurementKindOf, measurementSummary, readMeasurement } from './measurement-codes.ts';
import { readSubstanceUse, type SubstanceReading } from './substance-codes.ts';
import { gestationInWords, weeksInWords } from '../../people/age.ts';

const NOT_HAPPENED = ['registered', 'cancelled'];
const UCUM = 'http://unitsofmeasure.org';

export function readObservation(resource: JsonObject, at: ResourceAt): ResourceReading {
  const status = stringAt(resource, 'status');
  if (status === 'entered-in-error') return skipped(at, 'entered-in-error', `${at.path}/status`);
  if (status !== undefined && NOT_HAPPENED.includes(status)) return skipped(at, 'not-happened', `${at.path}/status`);

  const code = objectAt(resource, 'code');
  const inWords = observationInWords(resource);
  const [when, whenPath] = effective(resource, at.path);
  const entry = (fields: Pick<ImportedEntry, 'kind' | 'summary'> & Partial<ImportedEntry>) => datedEntry(at, { source: 'agency-record', externalId: externalIdOf(at.name), ...fields }, when, whenPath);

  const measured = measurementKindOf(code);
  if (measured !== undefined) {
    const reading = readMeasurement(measured, resource, at.path);
    const dated = entry({ kind: 'case-note', summary: reading.ok ? measurementSummary(reading.measurement) : inWords });
    const extra = reading.ok ? { measurement: reading.measurement } : { measurementRefused: { code: reading.code, path: reading.path } };
    return { ...dated, entries: dated.entries.map((mapped) => ({ ...mapped, ...extra })) };
  }

  const facts = observationFacts(resource);
  const substance = readSubstanceUse(facts, code, resource['valueQuantity']);
  if (substance !== undefined) return entry(substanceEntry(substance, inWords));
  return entry({ kind: reportsInjury(facts) ? 'injury-observed' : 'case-note', summary: inWords });
}

/** The kind and summary for drinking, drug use or smoking; shared with Condition. */
export function substanceEntry(reading: SubstanceReading, summary: string): Pick<ImportedEntry, 'kind' | 'summary' | 'substance' | 'indicates'> {
  const said = reading.why === undefined ? summary : `${summary} (${reading.why})`;
  if (reading.substance === 'smoking') return { kind: 'case-note', summary: said, indicates: [{ factorId: 'smoking-in-home' satisfies FactorId }] };
  return { kind: 'substance-use-increase', summary: said, substance: reading.substance };
}

/** What an Observation says of a finding: codes, the words of what it is about, its value. */
function observationFacts(resource: JsonObject): FindingFacts {
  const value = objectAt(resource, 'valueCodeableConcept');
  const interpretations = listAt(resource, 'interpretation');
  return {
    snomedCodes: [...snomedCodesOf(objectAt(resource, 'code')), ...snomedCodesOf(value)],
    topic: [...allCodeableWords(objectAt(resource, 'code')), ...allCodeableWords(objectAt(resource, 'bodySite'))],
    values: [...allCodeableWords(value), ...interpretations.flatMap(allCodeableWords), stringAt(resource, 'valueString')].filter((word): word is string => word !== undefined),
    absentByCode: resource['valueBoolean'] === false || isAbsentCode(value) || interpretations.some(isAbsentInterpretation),
    hasValue: Object.keys(resource).some((key) => key.startsWith('value')),
  };
}

/** What was observed and its value, the body site and the components, in words. */
function observationInWords(resource: JsonObject): string {
  const what = codeableText(objectAt(resource, 'code')) ?? 'Observation';
  const value = gestationText(resource) ?? valueText(resource);
  const components = listAt(resource, 'component').map((component) => {
    const componentValue = valueText(component);
    const name = codeableText(objectAt(component, 'code')) ?? 'Component';
    return componentValue === undefined ? name : `${name}: ${componentValue}`;
  });
  const site = codeableText(objectAt(resource, 'bodySite'));
  return summaryOf([value === undefined ? what : `${what}: ${value}`, site === undefined ? undefined : `Site: ${site}`, components.join('; ')], what);
}

/** SNOMED CT "Length of gestation at birth", as the service's own export writes it. */
const GESTATION_AT_BIRTH = '412726003';

/**
 * A gestation at birth given in whole UCUM days or weeks, in the words the record uses: 270 days is
 * "38 weeks 4 days" (as midwives write 38+4), not "270 d". Undefined for anything else.
 */
function gestationText(resource: JsonObject): string | undefined {
  if (!snomedCodesOf(objectAt(resource, 'code')).includes(GESTATION_AT_BIRTH)) return undefined;
  const quantity = objectAt(resource, 'valueQuantity');
  const value = quantity?.['value'];
  if (quantity === undefined || typeof value !== 'number' || !Number.isInteger(value) || value <= 0 || stringAt(quantity, 'system') !== UCUM) return undefined;
  const code = stringAt(quantity, 'code');
  if (code === 'd') return gestationInWords({ weeks: Math.floor(value / 7), days: value % 7 });
  if (code === 'wk') return weeksInWords(value);
  return undefined;
}

/** When it was observed: effectiveDateTime, effectiveInstant or the start of effectivePeriod. */
function effective(resource: JsonObject, path: string): [unknown, string] {
  if (resource['effectiveInstant'] !== undefined) return [resource['effectiveInstant'], `${path}/effectiveInstant`];
  const period = objectAt(resource, 'effectivePeriod');
  if (period !== undefined) return [period['start'], `${path}/effectivePeriod/start`];
  return [resource['effectiveDateTime'], `${path}/effectiveDateTime`];
}

/** An Observation's (or component's) value in words, or why it has none. */
function valueText(source: unknown): string | undefined {
  if (!isObject(source)) return undefined;
  const quantity = objectAt(source, 'valueQuantity');
  if (quantity !== undefined && typeof quantity['value'] === 'number') {
    const unit = stringAt(quantity, 'unit') ?? stringAt(quantity, 'code');
    return `${stringAt(quantity, 'comparator') ?? ''}${String(quantity['value'])}${unit === undefined ? '' : ` ${unit}`}`;
  }
  const concept = codeableText(objectAt(source, 'valueCodeableConcept'));
  if (concept !== undefined) return concept;
  for (const key of ['valueString', 'valueDateTime', 'valueTime']) {
    const text = stringAt(source, key);
    if (text !== undefined) return text;
  }
  if (typeof source['valueBoolean'] === 'boolean') return source['valueBoolean'] ? 'yes' : 'no';
  if (typeof source['valueInteger'] === 'number') return String(source['valueInteger']);
  const absent = codeableText(objectAt(source, 'dataAbsentReason'));
  return absent === undefined ? undefined : `no value (${absent})`;
}
