// A UK Core Observation as one chronology entry: what was observed and its value, as a case note,
// or as an injury seen when its words clearly report one (injury-words.ts).
import { allCodeableWords, codeableText, isObject, listAt, objectAt, stringAt, type JsonObject } from './fhir-json.ts';
import type { ResourceReading } from './fhir-import.types.ts';
import { datedEntry, externalIdOf, skipped, summaryOf, type ResourceAt } from './fhir-resource.ts';
import { reportsInjury } from './injury-words.ts';

const NOT_HAPPENED = ['registered', 'cancelled'];

export function readObservation(resource: JsonObject, at: ResourceAt): ResourceReading {
  const status = stringAt(resource, 'status');
  if (status === 'entered-in-error') return skipped(at, 'entered-in-error', `${at.path}/status`);
  if (status !== undefined && NOT_HAPPENED.includes(status)) return skipped(at, 'not-happened', `${at.path}/status`);

  const what = codeableText(objectAt(resource, 'code')) ?? 'Observation';
  const value = valueText(resource);
  const components = listAt(resource, 'component').map((component) => {
    const componentValue = valueText(component);
    const name = codeableText(objectAt(component, 'code')) ?? 'Component';
    return componentValue === undefined ? name : `${name}: ${componentValue}`;
  });
  const site = codeableText(objectAt(resource, 'bodySite'));
  const summary = summaryOf([value === undefined ? what : `${what}: ${value}`, site === undefined ? undefined : `Site: ${site}`, components.join('; ')], what);
  const words = [
    ...allCodeableWords(objectAt(resource, 'code')),
    ...allCodeableWords(objectAt(resource, 'valueCodeableConcept')),
    ...listAt(resource, 'interpretation').flatMap(allCodeableWords),
    stringAt(resource, 'valueString') ?? '',
  ];
  const kind = reportsInjury(words, resource['valueBoolean']) ? 'injury-observed' : 'case-note';
  const [when, whenPath] = effective(resource, at.path);
  return datedEntry(at, { kind, summary, source: 'agency-record', externalId: externalIdOf(at.name) }, when, whenPath);
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
