// The request and answers of POST /api/v1/fhir/Bundle, as published in the OpenAPI document.
import { Type } from 'typebox';
import { BUNDLE_TYPES, IMPORTED_RESOURCE_TYPES } from '../../domain/fhir/import/read-bundle.ts';
import { FhirOperationOutcome } from './fhir-outcome.ts';
import { alternativesInWords } from './schemas.ts';

/** FHIR is verbose: room for 1,000 resources. */
export const FHIR_BODY_LIMIT = 10 * 1_048_576;

const loose = { additionalProperties: true };

export const FhirBundle = Type.Object(
  {
    resourceType: Type.Optional(Type.String({ description: 'Bundle' })),
    type: Type.Optional(Type.String({ description: `${alternativesInWords(BUNDLE_TYPES)}; a message's first entry is its MessageHeader` })),
    entry: Type.Optional(
      Type.Array(
        Type.Object(
          {
            fullUrl: Type.Optional(Type.String({ description: 'Keys a resource sent without an id or identifier (a urn:uuid: in a transaction); references to a Patient by it are resolved inside the Bundle' })),
            resource: Type.Optional(Type.Object({ resourceType: Type.Optional(Type.String()), id: Type.Optional(Type.String()) }, loose)),
          },
          loose,
        ),
        {
          maxItems: 1000,
          description: `Patients (mother, partner, baby, an unborn baby with the fetal-status extension), each with an identifier of system https://fhir.nhs.uk/Id/nhs-number, and resources about them (${alternativesInWords(IMPORTED_RESOURCE_TYPES)}), each naming its Patient by reference or by NHS number`,
        },
      ),
    ),
  },
  { ...loose, description: `A FHIR R4 Bundle, as FHIR JSON or FHIR XML, at most ${String(FHIR_BODY_LIMIT / 1_048_576)} MB` },
);

const Imported = Type.Object({
  index: Type.Integer({ description: 'Position in Bundle.entry' }),
  resource: Type.String({ description: 'Encounter/<id>, Encounter?identifier=<system>|<value>, or the fullUrl' }),
  kind: Type.String(),
  id: Type.String({ description: 'The chronology entry' }),
  caseId: Type.String({ description: 'The record it joined' }),
  enteredInError: Type.Optional(Type.Literal(true, { description: 'A correction that marks what was imported before as entered in error' })),
});
const Outcome = Type.Object({ index: Type.Integer(), resource: Type.String(), code: Type.String(), message: Type.String(), details: Type.Array(Type.Object({ path: Type.String(), message: Type.String() })) });
const PatientMatched = Type.Object({
  index: Type.Integer({ description: 'Position in Bundle.entry' }),
  match: Type.Union([Type.Literal('infant'), Type.Literal('person'), Type.Literal('unmatched'), Type.Literal('nhs-number-invalid'), Type.Literal('several-records')]),
  message: Type.String(),
});

export const FhirImportResult = Type.Object({
  patients: Type.Array(PatientMatched, { description: 'Each Patient of the Bundle: the baby of a record, a person around a baby, or nobody on record (for a practitioner to confirm)' }),
  stored: Type.Array(Imported),
  duplicates: Type.Array(Imported, { description: 'Sent before and unchanged' }),
  corrected: Type.Array(Imported, { description: 'Changed since they were sent, or entered in error: recorded as corrections of the entries they gave' }),
  rejected: Type.Array(Outcome, { description: 'Resources that should be in a chronology but could not be read or recorded, with the reason and where' }),
  skipped: Type.Array(Outcome, { description: 'Resources left out on purpose: other resource types, planned, cancelled, a message header' }),
  outcome: FhirOperationOutcome,
});
