// NHS England's published UK Core examples (the public repository NHSDigital/FHIR-R4-UKCORE-STAGING-MAIN,
// folder examples/, published as XML), written here as their JSON equivalents with the codes, values
// and dates exactly as published, less the narrative. Each is named by its file there.
const snomed = (code: string, display: string) => ({ system: 'http://snomed.info/sct', code, display });
const richardSmith = { reference: 'Patient/UKCore-Patient-RichardSmith-Example' };
const leeds = { reference: 'Organization/UKCore-Organization-LeedsTeachingHospital-Example' };
const socialHistory = [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'social-history', display: 'Social History' }] }];
const vitalSigns = [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs', display: 'Vital Signs' }], text: 'Vital Signs' }];
const quantity = (value: number, unit: string, code: string) => ({ value, unit, system: 'http://unitsofmeasure.org', code });
const PUBLISHED_ON = '2023-08-10';

/** A published Observation (UKCore-Observation-<name>-Example.xml): final, about Richard Smith, performed at Leeds; `fields` as published (date, value, identifier). */
const observation = <Fields extends object>(name: string, category: object[], coding: object[], fields: Fields) => ({
  resourceType: 'Observation',
  id: `UKCore-Observation-${name}-Example`,
  status: 'final',
  category,
  code: { coding },
  subject: richardSmith,
  performer: [leeds],
  ...fields,
});

/** UKCore-Observation-HeavyDrinker-Example.xml */
export const HEAVY_DRINKER = observation('HeavyDrinker', socialHistory, [snomed('1082631000000102', 'Alcohol units consumed per day')], { effectiveDateTime: PUBLISHED_ON, valueQuantity: quantity(20, 'per day', '/d') });

/** UKCore-Observation-DrugUse-Example.xml (published without a date). */
export const DRUG_USE = observation('DrugUse', socialHistory, [snomed('307052004', 'Illicit drug use')], { identifier: [{ system: 'https://tools.ietf.org/html/rfc4122', value: '2af46949-4938-4c57-bad4-c4363e1965d5' }] });

/** UKCore-Observation-PipeSmoker-Example.xml */
export const PIPE_SMOKER = observation('PipeSmoker', socialHistory, [snomed('230058003', 'Pipe tobacco consumption')], { effectiveDateTime: PUBLISHED_ON, valueQuantity: quantity(5, 'per day', '/d') });

/** UKCore-Observation-VitalSigns-BodyWeight-Example.xml */
export const BODY_WEIGHT = observation('VitalSigns-BodyWeight', vitalSigns, [snomed('27113001', 'Body weight'), { system: 'http://loinc.org', code: '29463-7', display: 'Body weight' }], { effectiveDateTime: PUBLISHED_ON, valueQuantity: quantity(90, 'kilogram', 'kg') });

/** UKCore-Observation-VitalSigns-BodyHeight-Example.xml */
export const BODY_HEIGHT = observation('VitalSigns-BodyHeight', vitalSigns, [snomed('50373000', 'Body height measure'), { system: 'http://loinc.org', code: '8302-2', display: 'Body height' }], { effectiveDateTime: PUBLISHED_ON, valueQuantity: quantity(1.64, 'meter', 'm') });

/** UKCore-Observation-VitalSigns-HeadCircumference-Example.xml */
export const HEAD_CIRCUMFERENCE = observation('VitalSigns-HeadCircumference', vitalSigns, [snomed('363812007', 'Head circumference'), { system: 'http://loinc.org', code: '9843-4', display: 'Head Occipital-frontal circumference' }], {
  effectiveDateTime: PUBLISHED_ON,
  valueQuantity: quantity(59, 'centimeter', 'cm'),
});

/** UKCore-Condition-BleedingFromEar-Example.xml (published without an onset or recorded date). */
export const BLEEDING_FROM_EAR = {
  resourceType: 'Condition',
  id: 'UKCore-Condition-BleedingFromEar-Example',
  clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active', display: 'Active' }] },
  verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'confirmed', display: 'Confirmed' }] },
  category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'encounter-diagnosis', display: 'Encounter Diagnosis' }] }],
  code: { coding: [snomed('26322001', 'Bleeding from ear')] },
  subject: richardSmith,
};

/** UKCore-Flag-FoodAllergy-Example.xml */
export const FOOD_ALLERGY_FLAG = {
  resourceType: 'Flag',
  id: 'UKCore-Flag-FoodAllergy-Example',
  identifier: [{ system: 'https://tools.ietf.org/html/rfc4122', value: 'f4f703a9-ef92-4515-a7b0-99271428c84e' }],
  status: 'active',
  category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/flag-category', code: 'diet', display: 'Diet' }], text: 'Diet' }],
  code: { coding: [snomed('226201008', 'Peanut-free diet')], text: 'Patient has a severe peanut allergy.' },
  subject: { ...richardSmith, display: 'Richard Smith' },
  period: { start: '2019-12-10T13:00:00+00:00' },
  encounter: { reference: 'Encounter/UKCore-Encounter-InpatientEncounter-Example', display: 'Leeds Teaching Hospital Inpatient Encounter' },
  author: { reference: 'Practitioner/UKCore-Practitioner-DoctorPaulRastall-Example', display: 'Dr Paul Rastall' },
};

/** UKCore-CarePlan-WellnessPlan-Example.xml */
export const WELLNESS_PLAN = {
  resourceType: 'CarePlan',
  id: 'UKCore-CarePlan-WellnessPlan-Example',
  identifier: [{ value: '7d9955bc-afe0-11ea-b3de-0242ac130004' }],
  basedOn: [{ display: 'Management of Type 2 Diabetes' }],
  partOf: [{ display: 'Overall wellness plan' }],
  status: 'active',
  intent: 'plan',
  category: [{ text: 'Weight management plan' }],
  description: 'Manage obesity and weight loss',
  subject: { ...richardSmith, type: 'Patient', display: 'Richard SMITH' },
  period: { end: '2020-01-01' },
  created: '2020-02-01',
  author: { reference: 'Practitioner/UKCore-Practitioner-PaulRastall-Example' },
  activity: [
    {
      outcomeCodeableConcept: [{ coding: [snomed('161832001', 'Progressive weight loss')] }],
      detail: {
        code: { coding: [snomed('27113001', 'Body weight')] },
        status: 'completed',
        statusReason: { text: 'Achieved weight loss to mitigate diabetes risk.' },
        doNotPerform: false,
        scheduledTiming: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } },
        location: { display: "Patient's home" },
        performer: [richardSmith],
      },
    },
  ],
};

/** UKCore-Consent-ForInformationAccess-Example.xml */
export const INFORMATION_ACCESS_CONSENT = {
  resourceType: 'Consent',
  id: 'UKCore-Consent-ForInformationAccess-Example',
  status: 'active',
  scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy', display: 'Privacy Consent' }] },
  category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'INFA', display: 'information access' }] }],
  patient: richardSmith,
  dateTime: '2019-12-10T11:15:00+00:00',
  performer: [{ reference: 'Practitioner/UKCore-Practitioner-DoctorPaulRastall-Example' }],
  organization: [{ reference: 'Organization/UKCore-Organization-WhiteRoseMedicalCentre-Example' }],
  policy: [{ authority: 'https://www.exampleauthority.nhs.uk', uri: 'https://www.exampleauthority.nhs.uk/policies/ukcore-policy-example-v1.0' }],
  provision: { purpose: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: 'GOV', display: 'government' }] },
};

/** UKCore-RelatedPerson-JoySmith-Example.xml (its contact-preference extensions left out: nothing reads them). */
export const JOY_SMITH = {
  resourceType: 'RelatedPerson',
  id: 'UKCore-RelatedPerson-JoySmith-Example',
  patient: richardSmith,
  relationship: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code: 'WIFE', display: 'wife' }] }],
  name: [{ use: 'official', family: 'SMITH', given: ['Joy'] }],
};

const DISCHARGE_DESTINATION_19 =
  'Usual place of residence unless listed below, for example, a private dwelling whether owner occupied or owned by Local Authority, housing association or other landlord. This includes wardened accommodation but not residential accommodation where health care is provided. It also includes Patients with no fixed abode.';

/** UKCore-Encounter-InpatientEncounter-Example.xml */
export const INPATIENT_ENCOUNTER = {
  resourceType: 'Encounter',
  id: 'UKCore-Encounter-InpatientEncounter-Example',
  extension: [
    {
      url: 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-DischargeMethod',
      valueCodeableConcept: { coding: [{ system: 'https://fhir.hl7.org.uk/CodeSystem/UKCore-DischargeMethodEngland', code: '1', display: 'Patient discharged on clinical advice or with clinical consent' }] },
    },
  ],
  identifier: [{ system: 'https://tools.ietf.org/html/rfc4122', value: '6f40cebe-7b55-461d-9d7f-eadb4c065762' }],
  status: 'finished',
  class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'IMP', display: 'inpatient encounter' },
  type: [{ coding: [snomed('185212007', 'Seen in hospital ward')] }],
  subject: richardSmith,
  period: { start: '2019-12-10T13:00:00+00:00', end: '2019-12-11T13:00:00+00:00' },
  reasonCode: [{ coding: [snomed('7922000', 'General treatment')] }],
  hospitalization: {
    extension: [
      {
        url: 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-AdmissionMethod',
        valueCodeableConcept: { coding: [{ system: 'https://fhir.hl7.org.uk/CodeSystem/UKCore-AdmissionMethodEngland', code: '13', display: 'Elective Admission: Planned' }] },
      },
    ],
    dischargeDisposition: { coding: [{ system: 'https://fhir.hl7.org.uk/CodeSystem/UKCore-DischargeDestinationEngland', code: '19', display: DISCHARGE_DESTINATION_19 }] },
  },
  location: [{ location: { reference: 'Location/UKCore-Location-CardiologySJUH-Example' } }],
  serviceProvider: leeds,
};
