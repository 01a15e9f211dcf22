// The FHIR R4 data types the export writes, as plain JSON shapes: only the elements it uses.

export interface Coding {
  system: string;
  code: string;
  display?: string;
}

/** Coded where a code is certain; otherwise text alone, which FHIR allows wherever a binding is not required. */
export interface CodeableConcept {
  coding?: Coding[];
  text?: string;
}

export interface Identifier {
  extension?: Extension[];
  system: string;
  value: string;
}

export interface Reference {
  reference?: string;
  type?: string;
  identifier?: Identifier;
  display?: string;
}

export type Extension = { url: string; valueCode: string } | { url: string; valueCodeableConcept: CodeableConcept };

export interface Narrative {
  status: 'generated';
  div: string;
}

export interface Period {
  start?: string;
  end?: string;
}

/** What every exported resource carries. */
export interface ResourceBase {
  resourceType: string;
  id: string;
  meta: { profile: string[]; versionId?: string };
  text: Narrative;
}

/** A FHIR id: letters, digits, '-' and '.', 1 to 64 characters. */
export const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;
