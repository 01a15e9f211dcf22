// A UK Core Encounter as chronology entries. Its class (HL7 v3 ActCode) gives the kind: an
// emergency attendance, an inpatient stay, an outpatient (ambulatory) contact or a home visit;
// anything else is kept as a case note. Its codes and words then refine it (encounter-codes.ts): an
// appointment the baby did not attend is 'was-not-brought' whatever its status (a missed
// appointment is often sent as cancelled), a stay on a neonatal unit is a neonatal admission and
// discharge, and an ambulatory encounter typed as A&E is an emergency attendance. An inpatient stay
// is two entries, the admission when it started and the discharge when it ended, each with its own
// external id, so that a stay first sent while the baby is on the ward gains its discharge when it
// is sent again after it.
import type { EventKindId } from '../../catalogue/event-kinds.ts';
import { codeableText, joinedTexts, listAt, objectAt, stringAt, type JsonObject } from './fhir-json.ts';
import type { ImportedEntry, ResourceReading } from './fhir-import.types.ts';
import { datedEntry, externalIdOf, mergeReadings, skipped, summaryOf, type ResourceAt } from './fhir-resource.ts';
import { saysEmergency, saysNeonatalUnit, saysNotBrought } from './encounter-codes.ts';

const KIND_BY_CLASS: Readonly<Record<string, EventKindId>> = {
  EMER: 'emergency-attendance',
  IMP: 'hospital-admission',
  ACUTE: 'hospital-admission',
  NONAC: 'hospital-admission',
  AMB: 'clinic-contact',
  HH: 'home-visit',
};

export function readEncounter(resource: JsonObject, at: ResourceAt): ResourceReading {
  const status = stringAt(resource, 'status');
  if (status === 'entered-in-error') return skipped(at, 'entered-in-error', `${at.path}/status`);
  const notBrought = saysNotBrought(resource);
  if (status === 'planned' || (status === 'cancelled' && !notBrought)) return skipped(at, 'not-happened', `${at.path}/status`);

  const encounterClass = objectAt(resource, 'class');
  const kind = notBrought ? 'was-not-brought' : kindOf(stringAt(encounterClass, 'code'), resource);
  const period = objectAt(resource, 'period');
  const [start, end] = [period?.['start'], period?.['end']];
  const [startPath, endPath] = [`${at.path}/period/start`, `${at.path}/period/end`];
  const described = [
    kind === 'case-note' ? `Encounter (${stringAt(encounterClass, 'display') ?? stringAt(encounterClass, 'code') ?? 'class not given'})` : undefined,
    joinedTexts(listAt(resource, 'type')),
    prefixed('Reason', joinedTexts(listAt(resource, 'reasonCode'))),
  ];
  const agency = stringAt(objectAt(resource, 'serviceProvider'), 'display');
  const entry = (entryKind: EventKindId, parts: readonly (string | undefined)[], externalId: string): Omit<ImportedEntry, 'occurredAt'> => ({
    kind: entryKind,
    summary: summaryOf(parts, 'The record gives no type or reason'),
    source: 'agency-record',
    externalId,
    ...(agency === undefined ? {} : { agency }),
  });

  if (kind !== 'hospital-admission') {
    const fromEnd = start === undefined && end !== undefined;
    return datedEntry(at, entry(kind, described, externalIdOf(at.name)), fromEnd ? end : start, fromEnd ? endPath : startPath);
  }
  const neonatal = saysNeonatalUnit(resource);
  const admission = datedEntry(at, entry(neonatal ? 'neonatal-admission' : 'hospital-admission', described, externalIdOf(at.name)), start, startPath);
  const disposition = codeableText(objectAt(objectAt(resource, 'hospitalization'), 'dischargeDisposition'));
  if (disposition === undefined && !(status === 'finished' && end !== undefined)) return admission;
  const discharge = datedEntry(at, entry(neonatal ? 'neonatal-discharge' : 'hospital-discharge', [...described, prefixed('Discharge destination', disposition)], `${externalIdOf(at.name)}/discharge`), end, endPath);
  return mergeReadings([admission, discharge]);
}

/** By the class; an encounter that is not a stay, typed as A&E, is an emergency attendance. */
function kindOf(classCode: string | undefined, resource: JsonObject): EventKindId {
  const byClass = KIND_BY_CLASS[classCode?.toUpperCase() ?? ''] ?? 'case-note';
  return byClass !== 'hospital-admission' && saysEmergency(resource) ? 'emergency-attendance' : byClass;
}

function prefixed(label: string, text: string | undefined): string | undefined {
  return text === undefined ? undefined : `${label}: ${text}`;
}
