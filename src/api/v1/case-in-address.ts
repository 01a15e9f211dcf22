// The case a request's address names, for the audit of a request refused before any use case ran
// (docs/adr/0024-refused-requests-audited.md): its `:caseId`, or a FHIR search's `?patient=`.
import type { FastifyRequest } from 'fastify';

/** The case id a `patient` parameter names: `Patient/<id>` or the id itself. */
export function patientIdOf(value: string): string {
  return value.startsWith('Patient/') ? value.slice('Patient/'.length) : value;
}

/** The case id as sent, unchecked: the audit names the case only when it is one. */
export function caseIdInAddress(request: FastifyRequest): string | undefined {
  const caseId = (request.params as Record<string, unknown> | undefined)?.['caseId'];
  if (typeof caseId === 'string') return caseId;
  const patient = (request.query as Record<string, unknown> | undefined)?.['patient'];
  return typeof patient === 'string' ? patientIdOf(patient.trim()) : undefined;
}
