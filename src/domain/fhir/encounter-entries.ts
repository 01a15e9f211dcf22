// A UK Core Encounter as chronology entries. Its class (HL7 v3 ActCode) gives the kind: an
// emergency attendance, an inpatient stay, an outpatient (ambulatory) contact or a home visit;
// anything else is kept as a case note. An inpatient stay is two entries, the admission when it
// started and the discharge when it ended, each with its own external id, so that a stay first
// sent while the baby is on the ward gains its discharge when it is sent again after it.
import type { EventKindId } from '../catalogue/event-kinds.ts';
import { codeableText, joinedTexts, listAt, objectAt, stringAt, type JsonObject } from './fhir-json.ts';
import type { ImportedEntry, ResourceReading } from './fhir-import.types.ts';
import { datedEntry, externalIdOf, mergeReadings, skipped, summaryOf, type ResourceAt } from './fhir-resource.ts';

const KIND_BY_CLASS: Readonly<Record<string, EventKindId>> = {
  EMER: 'emergency-attendance',
  IMP: 'hospital-admission',
  ACUTE: 'hospital-admission',
  NONAC: 'hospital-admission',
  AMB: 'clinic-contact',
  HH: 'home-visit',
};

const NOT_HAPPENED = ['planned', 'cancelled'];

export function readEncounter(resource: JsonObject, at: ResourceAt): ResourceReading {
  const status = stringAt(resource, 'status');
  if (status === 'entered-in-error') return skipped(at, 'entered-in-error', `${at.path}/status`);
  if (status !== undefined && NOT_HAPPENED.includes(status)) return skipped(at, 'not-happened', `${at.path}/status`);

  const encounterClass = objectAt(resource, 'class');
  const kind = KIND_BY_CLASS[stringAt(encounterClass, 'code')?.toUpperCase() ?? ''] ?? 'case-note';
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
  const admission = datedEntry(at, entry('hospital-admission', described, externalIdOf(at.name)), start, startPath);
  const disposition = codeableText(objectAt(objectAt(resource, 'hospitalization'), 'dischargeDisposition'));
  if (disposition === undefined && !(status === 'finished' && end !== undefined)) return admission;
  const discharge = datedEntry(at, entry('hospital-discharge', [...described, prefixed('Discharge destination', disposition)], `${externalIdOf(at.name)}/discharge`), end, endPath);
  return mergeReadings([admission, discharge]);
}

function prefixed(label: string, text: string | undefined): string | undefined {
  return text === undefined ? undefined : `${label}: ${text}`;
}
