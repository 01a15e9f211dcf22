// Each contact with the family (a home visit, a clinic or GP appointment, a call: the chronology's
// contact kinds) as a UK Core Encounter of the baby: finished, its class from HL7's ActCode (home
// health for a visit to the home, ambulatory for an appointment, virtual for a phone or video call),
// its kind as text, its day or time, who recorded it for which agency, and the people on the case
// who were there. Whether the baby was seen and the practitioner's summary go into the narrative:
// R4's Encounter has no element for either. A contact corrected by a later entry is left out; the
// correction, when it is itself a contact, is the Encounter.
import { eventKindById } from '../../catalogue/catalogue.ts';
import type { ChronologyEntry } from '../../chronology/chronology.types.ts';
import { isContactKind, type ContactKind } from '../../chronology/contact-record.ts';
import { currentEntries } from '../../chronology/current-entries.ts';
import type { CodeableConcept, Coding, Period, Reference, ResourceBase } from './fhir-types.ts';
import { narrative } from './narrative.ts';
import { SYSTEMS, UK_CORE_PROFILES } from './uk-core.ts';

export interface EncounterResource extends ResourceBase {
  resourceType: 'Encounter';
  status: 'finished';
  class: Coding;
  type: CodeableConcept[];
  subject: Reference;
  participant: { individual: Reference }[];
  period: Period;
  serviceProvider: Reference;
}

const HOME: Coding = { system: SYSTEMS.actCode, code: 'HH', display: 'home health' };
const AMBULATORY: Coding = { system: SYSTEMS.actCode, code: 'AMB', display: 'ambulatory' };
const VIRTUAL: Coding = { system: SYSTEMS.actCode, code: 'VR', display: 'virtual' };

export const ENCOUNTER_CLASSES: Readonly<Record<ContactKind, Coding>> = {
  'home-visit': HOME,
  'new-birth-visit': HOME,
  'unannounced-visit': HOME,
  'joint-visit': HOME,
  'six-to-eight-week-review': AMBULATORY,
  'clinic-contact': AMBULATORY,
  'antenatal-appointment': AMBULATORY,
  'gp-consultation': AMBULATORY,
  'phone-or-video-call': VIRTUAL,
};

const SEEN_WORDS = (seen: boolean | null) => (seen === true ? 'The baby was seen' : seen === false ? 'The baby was not seen' : null);

/** The contacts of a chronology that no later entry corrects, oldest first as given. */
export function encounterResources(chronology: readonly ChronologyEntry[], personIds: ReadonlySet<string>, patientId: string): EncounterResource[] {
  return currentEntries(chronology).flatMap((entry) => (isContactKind(entry.kind) ? [encounterResource(entry, entry.kind, personIds, patientId)] : []));
}

function encounterResource(entry: ChronologyEntry, kind: ContactKind, personIds: ReadonlySet<string>, patientId: string): EncounterResource {
  const label = eventKindById(kind)?.label ?? kind;
  const present = entry.presentIds.filter((id) => personIds.has(id));
  return {
    resourceType: 'Encounter',
    id: entry.id,
    meta: { profile: [UK_CORE_PROFILES.Encounter] },
    text: narrative([`${label} on ${entry.occurredAt} by ${entry.recordedBy} (${entry.agency})`, SEEN_WORDS(entry.babySeen), entry.summary]),
    status: 'finished',
    class: ENCOUNTER_CLASSES[kind],
    type: [{ text: label }],
    subject: { reference: `Patient/${patientId}` },
    participant: [{ individual: { display: entry.recordedBy } }, ...present.map((id) => ({ individual: { reference: `RelatedPerson/${id}` } }))],
    period: { start: entry.occurredAt },
    serviceProvider: { display: entry.agency },
  };
}
