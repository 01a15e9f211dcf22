// Each entry of the record's access log (who looked at or changed it, refused attempts included) as
// a UK Core AuditEvent about the baby's Patient: DICOM's "Patient Record" event type; the action a
// read for a look, an update for a change, execute for anything else; the outcome success, or a
// minor failure for a refusal or an attempt that did not go through; the person (or the service)
// who did it and their organisation, by display; the entry's own action as this service's code with
// the plain words "Who has looked at this record" uses; an emergency access with HL7's
// "break the glass" purpose. Only for callers who may see that page (the use case decides).
import { actionInWords, actionsOfKind, isEmergencyAccess, outcomeInWords, type PrintedAs } from '../../access/audit-words.ts';
import type { CodeableConcept, Coding, Reference, ResourceBase } from './fhir-types.ts';
import { narrative } from './narrative.ts';
import { LOCAL_SYSTEMS, SYSTEMS, UK_CORE_PROFILES } from './uk-core.ts';

export interface AccessLogEntryForExport {
  id: string;
  /** ISO instant. */
  occurredAt: string;
  action: string;
  outcome: string;
  basis: string | null;
  printed: PrintedAs | null;
  /** A person's name, or the service itself. */
  who: string;
  organisation: string | null;
  person: boolean;
}

export interface AuditEventResource extends ResourceBase {
  resourceType: 'AuditEvent';
  type: Coding;
  subtype: Coding[];
  action: 'R' | 'U' | 'E';
  recorded: string;
  outcome: '0' | '4';
  outcomeDesc?: string;
  purposeOfEvent?: CodeableConcept[];
  agent: { who: Reference; requestor: boolean }[];
  source: { observer: Reference };
  entity: { what: Reference; type: Coding }[];
}

const PATIENT_RECORD: Coding = { system: SYSTEMS.dicom, code: '110110', display: 'Patient Record' };
const BREAK_THE_GLASS: CodeableConcept = { coding: [{ system: SYSTEMS.actReason, code: 'BTG', display: 'break the glass' }] };
const PERSON_ENTITY: Coding = { system: SYSTEMS.auditEntityType, code: '1', display: 'Person' };
const LOOKS = new Set(actionsOfKind('look'));
const CHANGES = new Set(actionsOfKind('change'));

/** R for a look, U for a change, E (execute) for anything else. */
export function auditEventAction(action: string): 'R' | 'U' | 'E' {
  return LOOKS.has(action) ? 'R' : CHANGES.has(action) ? 'U' : 'E';
}

export function auditEventResource(entry: AccessLogEntryForExport, patientId: string): AuditEventResource {
  const words = actionInWords(entry.action, entry.printed);
  const refused = outcomeInWords(entry.outcome);
  const emergency = isEmergencyAccess(entry.action, entry.basis);
  const who = entry.organisation ? `${entry.who} (${entry.organisation})` : entry.who;
  return {
    resourceType: 'AuditEvent',
    id: entry.id,
    meta: { profile: [UK_CORE_PROFILES.AuditEvent] },
    text: narrative([`${entry.occurredAt}: ${who}: ${words}`, refused, emergency && 'Emergency access']),
    type: PATIENT_RECORD,
    subtype: [{ system: LOCAL_SYSTEMS.auditAction, code: entry.action, display: words }],
    action: auditEventAction(entry.action),
    recorded: entry.occurredAt,
    outcome: refused ? '4' : '0',
    ...(refused ? { outcomeDesc: refused } : {}),
    ...(emergency ? { purposeOfEvent: [BREAK_THE_GLASS] } : {}),
    agent: [{ who: { display: who }, requestor: entry.person }],
    source: { observer: { display: 'Infant Care Profile' } },
    entity: [{ what: { reference: `Patient/${patientId}` }, type: PERSON_ENTITY }],
  };
}
