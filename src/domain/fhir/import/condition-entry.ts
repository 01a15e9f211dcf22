// A UK Core Condition (a problem or diagnosis another agency recorded) as one chronology entry: an
// injury seen when its SNOMED CT code or words report one (bleeding from the ear, a fracture), more
// drinking or drug use, or a carer smoking, as an Observation would be (observation-entry.ts); else
// a case note naming it. One refuted or not yet confirmed is never an injury or a trigger: a case
// note that says it was not confirmed.
import { allCodeableWords, codeableText, joinedTexts, listAt, objectAt, stringAt, type JsonObject } from './fhir-json.ts';
import type { ResourceReading } from './fhir-import.types.ts';
import { datedEntry, externalIdOf, skipped, summaryOf, type ResourceAt } from './fhir-resource.ts';
import { snomedCodesOf, type FindingFacts } from './finding-codes.ts';
import { reportsInjury } from './injury-words.ts';
import { substanceEntry } from './observation-entry.ts';
import { readSubstanceUse } from './substance-codes.ts';

const UNCONFIRMED = ['unconfirmed', 'provisional', 'differential'];

/** A Condition says it was entered in error by its verificationStatus (it has no status). */
export function isConditionEnteredInError(resource: JsonObject): boolean {
  return statusCode(resource, 'verificationStatus') === 'entered-in-error';
}

export function readCondition(resource: JsonObject, at: ResourceAt): ResourceReading {
  const verification = statusCode(resource, 'verificationStatus');
  if (verification === 'entered-in-error') return skipped(at, 'entered-in-error', `${at.path}/verificationStatus`);
  if (verification === 'refuted') return skipped(at, 'not-happened', `${at.path}/verificationStatus`);

  const code = objectAt(resource, 'code');
  const what = codeableText(code) ?? 'A condition';
  const clinical = statusCode(resource, 'clinicalStatus');
  const site = joinedTexts(listAt(resource, 'bodySite'));
  const unconfirmed = verification !== undefined && UNCONFIRMED.includes(verification);
  const summary = summaryOf(
    [
      `Condition: ${what}`,
      site === undefined ? undefined : `Site: ${site}`,
      unconfirmed ? `Not confirmed (${verification})` : undefined,
      clinical === undefined || clinical === 'active' ? undefined : `Clinical status: ${clinical}`,
      stringAt(listAt(resource, 'note')[0], 'text'),
    ],
    what,
  );
  const [when, whenPath] = onset(resource, at.path);
  const base = { source: 'agency-record', externalId: externalIdOf(at.name) } as const;
  if (unconfirmed) return datedEntry(at, { ...base, kind: 'case-note', summary }, when, whenPath);

  const facts: FindingFacts = { snomedCodes: snomedCodesOf(code), topic: [...allCodeableWords(code), ...listAt(resource, 'bodySite').flatMap(allCodeableWords)], values: [], absentByCode: false, hasValue: false };
  const substance = readSubstanceUse(facts, code, undefined);
  if (substance !== undefined) return datedEntry(at, { ...base, ...substanceEntry(substance, summary) }, when, whenPath);
  return datedEntry(at, { ...base, kind: reportsInjury(facts) ? 'injury-observed' : 'case-note', summary }, when, whenPath);
}

/** The code of a status CodeableConcept (clinicalStatus, verificationStatus). */
function statusCode(resource: JsonObject, key: string): string | undefined {
  return stringAt(listAt(objectAt(resource, key), 'coding')[0], 'code');
}

/** When it began: onsetDateTime, the start of onsetPeriod; else the day it was recorded. */
function onset(resource: JsonObject, path: string): [unknown, string] {
  if (resource['onsetDateTime'] !== undefined) return [resource['onsetDateTime'], `${path}/onsetDateTime`];
  const period = objectAt(resource, 'onsetPeriod');
  if (period?.['start'] !== undefined) return [period['start'], `${path}/onsetPeriod/start`];
  return [resource['recordedDate'], `${path}/recordedDate`];
}
