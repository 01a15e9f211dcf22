// What this FHIR endpoint really does, as a CapabilityStatement (GET .../fhir/metadata): FHIR R4 in
// JSON, a bearer token on every request; Patient read and $everything; a search by patient for each
// other exported type, each with its UK Core profile; and the import of a Bundle (POST Bundle, JSON or
// XML), which answers in this service's own JSON, not a transaction-response.
import { EXPORTED_RESOURCE_TYPES, UK_CORE_PROFILES, type ExportedResourceType } from './uk-core.ts';

/** The day the statement last changed: when a route is added or changed, change it too. */
export const CAPABILITIES_DATE = '2026-12-04';

export interface CapabilityStatementResource {
  resourceType: 'CapabilityStatement';
  status: 'active';
  date: string;
  publisher: string;
  kind: 'instance';
  software: { name: string };
  implementation: { description: string; url: string };
  fhirVersion: '4.0.1';
  format: string[];
  rest: {
    mode: 'server';
    documentation: string;
    security: { cors: boolean; description: string };
    resource: CapabilityResource[];
  }[];
}

interface CapabilityResource {
  type: string;
  profile?: string;
  documentation: string;
  interaction: { code: 'read' | 'search-type' | 'create' }[];
  searchParam?: { name: string; type: 'reference' | 'number'; documentation: string }[];
  operation?: { name: string; definition: string; documentation: string }[];
}

const SEARCHED: Readonly<Record<Exclude<ExportedResourceType, 'Patient'>, string>> = {
  RelatedPerson: 'Each person around the baby, with their relationship to the baby.',
  Flag: 'Each high or critical finding of the Infant Care Profile, while the profile shows it.',
  CarePlan: 'The current plan around the baby: actions, check items at visits and the visiting pattern.',
  CareTeam: 'The team around the family.',
  Consent: 'Each consent sought to share information, given, refused or withdrawn.',
  Encounter: 'Each contact with the family: visits, appointments and calls.',
  Observation: 'The baby’s gestation at birth (SNOMED CT 412726003), once born and recorded.',
  AuditEvent: 'The record’s access log, newest first, 100 a page (_count up to 500, _page): only for the lead professional and the safeguarding leads and managers who oversee the case.',
};

const patientParam = { name: 'patient', type: 'reference' as const, documentation: 'The baby: Patient/<case id> or the case id. Required.' };

export function capabilityStatement(baseUrl: string): CapabilityStatementResource {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: CAPABILITIES_DATE,
    publisher: 'Infant Care Profile',
    kind: 'instance',
    software: { name: 'Infant Care Profile' },
    implementation: { description: 'The Infant Care Profile’s FHIR R4 endpoint: the record of a baby the caller may see, as UK Core resources, and the import of agency systems’ Bundles.', url: baseUrl },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json', 'json'],
    rest: [
      {
        mode: 'server',
        documentation: 'Every read is checked and audited as any look at the record is: a caller outside the team around the baby gets 403 and a case that does not exist 404, each an OperationOutcome.',
        security: { cors: false, description: 'Authorization: Bearer <token> on every request, a token with the read scope for reads and the feed or write scope for the import.' },
        resource: [
          {
            type: 'Patient',
            profile: UK_CORE_PROFILES.Patient,
            documentation: 'The baby (Patient/<case id>), born or not yet born (fetal status, no birth date).',
            interaction: [{ code: 'read' }],
            operation: [{ name: 'everything', definition: 'http://hl7.org/fhir/OperationDefinition/Patient-everything', documentation: 'Every resource below for the baby, in one searchset Bundle; AuditEvents only for those who may read the access log.' }],
          },
          ...EXPORTED_RESOURCE_TYPES.filter((type): type is Exclude<ExportedResourceType, 'Patient'> => type !== 'Patient').map((type) => ({
            type,
            profile: UK_CORE_PROFILES[type],
            documentation: SEARCHED[type],
            interaction: [{ code: 'search-type' as const }],
            searchParam: type === 'AuditEvent'
              ? [patientParam, { name: '_count', type: 'number' as const, documentation: 'Entries a page, 1 to 500 (100 when not given).' }, { name: '_page', type: 'number' as const, documentation: 'The page, from 1.' }]
              : [patientParam],
          })),
          {
            type: 'Bundle',
            documentation: 'POST Bundle imports an agency system’s Bundle (JSON, or XML as application/fhir+xml) into the chronology of each baby it is about; it answers in this service’s own JSON, with an OperationOutcome of one issue an entry, not with a transaction-response Bundle. Reads answer in JSON only.',
            interaction: [{ code: 'create' }],
          },
        ],
      },
    ],
  };
}
