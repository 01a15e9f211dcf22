// What reading a FHIR Bundle gives: chronology entries to store, each traced to the bundle entry
// it came from, and the resources that were left out or could not be read, each with a reason.
import type { EventKindId } from '../catalogue/event-kinds.ts';
import type { NewEntry } from '../chronology/entry-rules.ts';

export interface ImportedEntry extends NewEntry {
  kind: EventKindId;
  /** The organisation that provided the service, when the resource names it. */
  agency?: string;
  /** `fhir:Encounter/<id>` (with `/discharge` for a discharge): a re-import stores nothing twice. */
  externalId: string;
}

export interface MappedEntry {
  /** The position of the resource in `Bundle.entry`. */
  index: number;
  /** `Encounter/<id>`, or `Encounter?identifier=<system>|<value>` when it has no id. */
  resource: string;
  entry: ImportedEntry;
  /** A JSON pointer into the bundle to the field the date came from, for problems with it. */
  occurredAtPath: string;
}

/** Resources deliberately left out of the chronology. */
export type SkipCode = 'no-resource' | 'unsupported-resource' | 'not-happened' | 'entered-in-error';

/** Resources that should be in the chronology but cannot be read into it. */
export type ResourceProblemCode = 'no-id' | 'no-date' | 'partial-date' | 'other-patient';

export interface ResourceNote<Code extends string> {
  index: number;
  /** As in MappedEntry; the resource type alone when it cannot be named. */
  resource: string;
  code: Code;
  /** A JSON pointer into the bundle. */
  path: string;
}

export interface ResourceReading {
  entries: MappedEntry[];
  rejected: ResourceNote<ResourceProblemCode>[];
  skipped: ResourceNote<SkipCode>[];
}

/** Problems with the bundle as a whole: nothing is imported. */
export type BundleProblemCode = 'not-a-bundle' | 'unsupported-bundle-type' | 'no-nhs-number' | 'nhs-number-invalid' | 'several-patients';

export type BundleReading = ({ ok: true; nhsNumber: string } & ResourceReading) | { ok: false; code: BundleProblemCode; path: string };
