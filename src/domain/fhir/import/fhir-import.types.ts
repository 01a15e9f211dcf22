// What reading a FHIR Bundle gives: chronology entries to store, each traced to the bundle entry
// it came from, and the resources that were left out or could not be read, each with a reason.
import type { EventKindId } from '../../catalogue/event-kinds.ts';
import type { NewEntry } from '../../chronology/entry-rules.ts';
import type { RelationshipToInfant } from '../../people/relationships.ts';
import type { BundlePatient, ResourceSubject } from './bundle-patient.ts';
import type { Measurement, MeasurementProblemCode } from './measurement-codes.ts';

export interface ImportedEntry extends NewEntry {
  kind: EventKindId;
  /** The organisation that provided the service, when the resource names it. */
  agency?: string;
  /**
   * `fhir:Encounter/<id>` (with `/discharge` for a discharge): a re-import stores nothing twice. The
   * import scopes it to whose the resource is (import-keys.ts) before it is stored.
   */
  externalId: string;
}

export interface MappedEntry {
  /** The position of the resource in `Bundle.entry`. */
  index: number;
  /** `Encounter/<id>`; `Encounter?identifier=<system>|<value>` when it has no id; else its fullUrl. */
  resource: string;
  entry: ImportedEntry;
  /** A JSON pointer into the bundle to the field the date came from, for problems with it. */
  occurredAtPath: string;
  /** A weight, length or head circumference in g or cm, for the growth record (measurement-codes.ts). */
  measurement?: Measurement;
  /** Why a measurement could not be read (its unit or value); the entry still says it in words. */
  measurementRefused?: { code: MeasurementProblemCode; path: string };
}

/** Resources deliberately left out of the chronology. */
export type SkipCode = 'no-resource' | 'unsupported-resource' | 'not-happened' | 'entered-in-error' | 'message-header' | 'person-proposed' | 'nothing-to-record';

/** Resources that should be in the chronology but cannot be read into it. */
export type ResourceProblemCode = 'no-id' | 'no-date' | 'partial-date' | 'no-subject' | 'unknown-subject' | 'nhs-number-invalid' | 'not-uk-core';

export interface ResourceNote<Code extends string> {
  index: number;
  /** As in MappedEntry; the resource type alone when it cannot be named. */
  resource: string;
  code: Code;
  /** A JSON pointer into the bundle. */
  path: string;
  /** What this problem says, when it says more than its code's words (a UK Core problem names its element). */
  message?: string;
}

export interface ResourceReading {
  entries: MappedEntry[];
  rejected: ResourceNote<ResourceProblemCode>[];
  skipped: ResourceNote<SkipCode>[];
  /** People another agency says are around the baby (a RelatedPerson), for a practitioner to confirm. */
  proposedPeople?: ProposedPerson[];
}

/** A person a RelatedPerson proposes for the record (related-person-entry.ts reads it); never added by itself. */
export interface ProposedPerson {
  /** The position of the RelatedPerson in `Bundle.entry`. */
  index: number;
  /** As in MappedEntry: `RelatedPerson/<id>`. */
  resource: string;
  /** A JSON pointer to the RelatedPerson. */
  path: string;
  givenName: string | null;
  familyName: string | null;
  /** How they are related to the baby ('unknown' when the RelatedPerson's Patient is an adult). */
  relationshipToInfant: RelationshipToInfant;
  /** The relationship as the sender put it, for the practitioner who confirms. */
  relationshipAsSent: string | null;
  sex: 'female' | 'male' | 'unknown' | null;
  dateOfBirth: string | null;
  /** Ten digits with a correct check digit. */
  nhsNumber: string | null;
  nhsNumberInvalid: boolean;
}

/** Problems with the bundle as a whole: nothing is imported. */
export type BundleProblemCode = 'not-a-bundle' | 'unsupported-bundle-type' | 'message-without-header';

/** One resource of the Bundle (not a Patient) with whose it is and what it reads as. */
export interface BundleResource {
  index: number;
  /** As in MappedEntry. */
  name: string;
  subject: ResourceSubject;
  /**
   * Where it says it was entered in error (its `status`, or a Condition's `verificationStatus`),
   * when it does: what was imported from it before is to be corrected.
   */
  enteredInErrorPath?: string;
  reading: ResourceReading;
}

export interface ReadBundle {
  ok: true;
  patients: BundlePatient[];
  resources: BundleResource[];
  /** Entries not read at all: no resource, a type not imported, no id, a MessageHeader, not UK Core. */
  unread: ResourceReading;
  /** Where Patients do not keep to UK Core: reported, while each is still matched by its NHS number. */
  patientProblems: ResourceNote<'not-uk-core'>[];
}

export type BundleReading = ReadBundle | { ok: false; code: BundleProblemCode; path: string };
