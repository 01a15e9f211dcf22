// Each consent sought about sharing information as a UK Core Consent of the baby's record: a privacy
// consent, active when given, rejected when refused, inactive once withdrawn (the withdrawal's day
// in the narrative). Who was asked is the RelatedPerson when they are a person on the case, else
// named. FHIR R4 needs a policy or a rule for every Consent (ppc-1): the rule is the sharing asked
// for, in words. Information shared without consent is not a consent, and is not exported as one.
import type { ConsentSought, RecordedConsent } from '../../consent/consent.types.ts';
import type { CodeableConcept, Reference, ResourceBase } from './fhir-types.ts';
import { narrative } from './narrative.ts';
import { SYSTEMS, UK_CORE_PROFILES } from './uk-core.ts';

export interface ConsentResource extends ResourceBase {
  resourceType: 'Consent';
  status: 'active' | 'rejected' | 'inactive';
  scope: CodeableConcept;
  category: CodeableConcept[];
  patient: Reference;
  dateTime: string;
  performer: Reference[];
  policyRule: CodeableConcept;
  provision: { type: 'permit' | 'deny' };
}

const PRIVACY: CodeableConcept = { coding: [{ system: SYSTEMS.consentScope, code: 'patient-privacy', display: 'Privacy Consent' }] };
/** LOINC's "Patient consent", in FHIR R4's consent categories. */
const PATIENT_CONSENT: CodeableConcept = { coding: [{ system: SYSTEMS.loinc, code: '59284-0' }], text: 'Consent to share information' };

type Sought = ConsentSought & { id: string; recordedAt: string; recordedBy: string };

/** The consents sought among the records, with their withdrawals applied. */
export function consentResources(records: readonly RecordedConsent[], personIds: ReadonlySet<string>, patientId: string): ConsentResource[] {
  const withdrawnOn = new Map(records.flatMap((record) => (record.kind === 'withdrawal' ? [[record.withdraws, record.withdrawnOn] as const] : [])));
  return records.filter((record): record is Sought => record.kind === 'consent').map((record) => consentResource(record, withdrawnOn.get(record.id), personIds, patientId));
}

function consentResource(record: Sought, withdrawnOn: string | undefined, personIds: ReadonlySet<string>, patientId: string): ConsentResource {
  const status = record.answer === 'refused' ? 'rejected' : withdrawnOn ? 'inactive' : 'active';
  const asked: Reference = record.askedPersonId && personIds.has(record.askedPersonId) ? { reference: `RelatedPerson/${record.askedPersonId}` } : { display: record.askedName ?? 'Not recorded' };
  return {
    resourceType: 'Consent',
    id: record.id,
    meta: { profile: [UK_CORE_PROFILES.Consent] },
    text: narrative([
      `Consent ${record.answer === 'given' ? 'given' : 'refused'} on ${record.soughtOn} for: ${record.purpose}`,
      withdrawnOn && `Withdrawn on ${withdrawnOn}`,
      record.note && `Note: ${record.note}`,
      `Recorded by ${record.recordedBy}`,
    ]),
    status,
    scope: PRIVACY,
    category: [PATIENT_CONSENT],
    patient: { reference: `Patient/${patientId}` },
    dateTime: record.soughtOn,
    performer: [asked],
    policyRule: { text: `Sharing information about the baby: ${record.purpose}` },
    provision: { type: record.answer === 'given' ? 'permit' : 'deny' },
  };
}
