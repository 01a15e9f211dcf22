// The fixed addresses of FHIR R4 and UK Core that the export writes: each resource's UK Core profile,
// the NHS number and ODS code systems, the extensions and the code systems whose codes it uses.
// Taken from the UK Core structure definitions and value sets (HL7 UK, FHIR R4 UK Core 2.x).

const UK_CORE = 'https://fhir.hl7.org.uk/StructureDefinition';

/** The UK Core profile each exported resource claims in meta.profile. */
export const UK_CORE_PROFILES = {
  Patient: `${UK_CORE}/UKCore-Patient`,
  RelatedPerson: `${UK_CORE}/UKCore-RelatedPerson`,
  Flag: `${UK_CORE}/UKCore-Flag`,
  CarePlan: `${UK_CORE}/UKCore-CarePlan`,
  CareTeam: `${UK_CORE}/UKCore-CareTeam`,
  Consent: `${UK_CORE}/UKCore-Consent`,
  Encounter: `${UK_CORE}/UKCore-Encounter`,
  Observation: `${UK_CORE}/UKCore-Observation`,
  AuditEvent: `${UK_CORE}/UKCore-AuditEvent`,
  Bundle: `${UK_CORE}/UKCore-Bundle`,
  OperationOutcome: `${UK_CORE}/UKCore-OperationOutcome`,
} as const;

export type ExportedResourceType = Exclude<keyof typeof UK_CORE_PROFILES, 'Bundle' | 'OperationOutcome'>;

/** The resource types the export answers for a case, in the order $everything lists them. */
export const EXPORTED_RESOURCE_TYPES: readonly ExportedResourceType[] = ['Patient', 'RelatedPerson', 'Flag', 'CarePlan', 'CareTeam', 'Consent', 'Encounter', 'Observation', 'AuditEvent'];

export const SYSTEMS = {
  nhsNumber: 'https://fhir.nhs.uk/Id/nhs-number',
  odsOrganisationCode: 'https://fhir.nhs.uk/Id/ods-organization-code',
  nhsNumberVerificationEngland: 'https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatusEngland',
  administrativeGender: 'http://terminology.hl7.org/CodeSystem/v3-AdministrativeGender',
  nullFlavor: 'http://terminology.hl7.org/CodeSystem/v3-NullFlavor',
  roleCode: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  actReason: 'http://terminology.hl7.org/CodeSystem/v3-ActReason',
  flagCategory: 'http://terminology.hl7.org/CodeSystem/flag-category',
  consentScope: 'http://terminology.hl7.org/CodeSystem/consentscope',
  loinc: 'http://loinc.org',
  snomedCt: 'http://snomed.info/sct',
  ucum: 'http://unitsofmeasure.org',
  dicom: 'http://dicom.nema.org/resources/ontology/DCM',
  auditEntityType: 'http://terminology.hl7.org/CodeSystem/audit-entity-type',
  fetalStatus: 'http://hl7.org/fhir/patient-fetalstatus',
} as const;

export const EXTENSIONS = {
  birthSex: `${UK_CORE}/Extension-UKCore-BirthSex`,
  nhsNumberVerificationStatus: `${UK_CORE}/Extension-UKCore-NHSNumberVerificationStatus`,
  /** UK Core's fetal status: the cross-version extension of FHIR R6's Patient.fetalStatus, its value a code. */
  fetalStatus: 'http://hl7.org/fhir/6.0/StructureDefinition/extension-Patient.fetalStatus',
} as const;

/**
 * This service's own code systems, for what no standard code says: the audit action behind an
 * AuditEvent and the finding behind a Flag. URNs, so they never pretend to be a web address.
 */
export const LOCAL_SYSTEMS = {
  auditAction: 'urn:infant-care-profile:audit-action',
  finding: 'urn:infant-care-profile:finding',
} as const;
