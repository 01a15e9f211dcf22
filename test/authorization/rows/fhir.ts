// The authorisation matrix's rows of the FHIR API's reads of a case.
// How a row is tried: ../matrix-helpers.ts; its tests: ../fhir.test.ts.
import type { RouteCase } from '../matrix-helpers.ts';

export const rows: RouteCase[] = [
  { name: 'api: GET FHIR Patient', need: 'read', request: (c, ids) => c.api('GET', `/fhir/Patient/${ids.caseId}`) },
  { name: 'api: GET FHIR Patient $everything', need: 'read', request: (c, ids) => c.api('GET', `/fhir/Patient/${ids.caseId}/$everything`) },
  ...['RelatedPerson', 'Flag', 'CarePlan', 'CareTeam', 'Consent', 'Encounter', 'Observation'].map((type): RouteCase => ({ name: `api: GET FHIR ${type} search`, need: 'read', request: (c, ids) => c.api('GET', `/fhir/${type}?patient=${ids.caseId}`) })),
  { name: 'api: GET FHIR AuditEvent search (the access log)', need: 'manage', request: (c, ids) => c.api('GET', `/fhir/AuditEvent?patient=${ids.caseId}`) },
];
