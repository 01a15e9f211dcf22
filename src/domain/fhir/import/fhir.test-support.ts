// Small hand-written FHIR for tests: only the fields a test is about.
import { NHS_NUMBER_SYSTEM } from './bundle-patient.ts';
import type { ResourceAt } from './fhir-resource.ts';

export const BABY_NHS = '9434765919';
export const OTHER_NHS = '4010232137';

export const nhsIdentifier = (value: string) => ({ system: NHS_NUMBER_SYSTEM, value });

export const patient = (id: string, nhsNumber?: string) => ({ resourceType: 'Patient', id, ...(nhsNumber ? { identifier: [{ system: 'https://example.org/mrn', value: 'MRN1' }, nhsIdentifier(nhsNumber)] } : {}) });

export const encounter = (fields: Record<string, unknown> = {}) => ({ resourceType: 'Encounter', id: 'enc-1', status: 'finished', class: { code: 'AMB' }, period: { start: '2026-11-20T10:00:00+00:00' }, ...fields });

export const observation = (fields: Record<string, unknown> = {}) => ({ resourceType: 'Observation', id: 'obs-1', status: 'final', effectiveDateTime: '2026-11-20T11:00:00+00:00', ...fields });

export const concept = (text: string) => ({ text });

export const bundle = (...resources: object[]) => ({ resourceType: 'Bundle', type: 'collection', entry: resources.map((resource) => ({ resource })) });

export const at = (name: string, index = 0): ResourceAt => ({ index, path: `/entry/${String(index)}/resource`, name });
