// The FHIR export's published response schemas (GET /api/v1/fhir/...): each UK Core resource exactly
// as domain/fhir/export writes it, the searchset Bundle, the OperationOutcome of a refusal and the
// CapabilityStatement. Every test run checks each reply against them, closed to undeclared fields.
import { Type, type TSchema } from 'typebox';
import { FhirOperationOutcome } from './fhir-outcome.ts';

const str = (description?: string) => Type.String(description ? { description } : {});
const opt = <T extends TSchema>(schema: T) => Type.Optional(schema);
const lit = (value: string) => Type.Literal(value);

const Coding = Type.Object({ system: str(), code: str(), display: opt(str()) });
const CodeableConcept = Type.Object({ coding: opt(Type.Array(Coding)), text: opt(str()) });
const Extension = Type.Union([Type.Object({ url: str(), valueCode: str() }), Type.Object({ url: str(), valueCodeableConcept: CodeableConcept })]);
const Identifier = Type.Object({ extension: opt(Type.Array(Extension)), system: str(), value: str() });
const Reference = Type.Object({ reference: opt(str('Patient/<case id>, RelatedPerson/<person id>, CareTeam/<case id>')), type: opt(str()), identifier: opt(Identifier), display: opt(str()) });
const Narrative = Type.Object({ status: lit('generated'), div: str('XHTML: a div of paragraphs') });
const HumanName = Type.Object({ use: lit('official'), family: opt(str()), given: opt(Type.Array(str())), text: str() });
const Gender = Type.Union([lit('female'), lit('male'), lit('unknown')]);

const base = (resourceType: string, profile: string) => ({
  resourceType: lit(resourceType),
  id: str(),
  meta: Type.Object({ profile: Type.Array(str(), { description: profile }), versionId: opt(str()) }),
  text: Narrative,
});
const ukCore = (name: string) => `https://fhir.hl7.org.uk/StructureDefinition/UKCore-${name}`;

export const FhirPatient = Type.Object(
  {
    ...base('Patient', ukCore('Patient')),
    extension: opt(Type.Array(Extension, { description: 'Fetal status (potential-for-live-birth) for a baby not yet born; UK Core birth sex once born' })),
    identifier: opt(Type.Array(Identifier, { description: 'The NHS number (https://fhir.nhs.uk/Id/nhs-number) with its verification status' })),
    active: Type.Boolean(),
    name: opt(Type.Array(HumanName)),
    gender: opt(Gender),
    birthDate: opt(str('Only once born')),
    multipleBirthBoolean: opt(Type.Boolean()),
    address: opt(Type.Array(Type.Object({ use: lit('home'), text: opt(str()), postalCode: opt(str()) }), { description: 'Left out when restricted' })),
    generalPractitioner: opt(Type.Array(Reference, { description: 'The GP practice, by ODS code (https://fhir.nhs.uk/Id/ods-organization-code)' })),
  },
  { title: 'UK Core Patient' },
);

const FhirRelatedPerson = Type.Object({
  ...base('RelatedPerson', ukCore('RelatedPerson')),
  identifier: opt(Type.Array(Identifier)),
  active: Type.Boolean(),
  patient: Reference,
  relationship: Type.Array(CodeableConcept, { description: 'HL7 RoleCode where one says it exactly, and the words' }),
  name: opt(Type.Array(HumanName)),
  gender: opt(Gender),
  birthDate: opt(str()),
  address: opt(Type.Array(Type.Object({ use: lit('home'), text: str() }))),
});

const FhirFlag = Type.Object({
  ...base('Flag', ukCore('Flag')),
  identifier: Type.Array(Identifier),
  status: lit('active'),
  category: Type.Array(CodeableConcept),
  code: CodeableConcept,
  subject: Reference,
});

const Activity = Type.Object({
  detail: Type.Object({
    description: str(),
    status: Type.Union([lit('in-progress'), lit('completed'), lit('cancelled')]),
    statusReason: opt(CodeableConcept),
    scheduledString: opt(str()),
    scheduledTiming: opt(Type.Object({ repeat: Type.Object({ frequency: Type.Literal(1), period: Type.Integer(), periodUnit: lit('d') }) })),
    performer: opt(Type.Array(Reference)),
  }),
});

const FhirCarePlan = Type.Object({
  ...base('CarePlan', ukCore('CarePlan')),
  status: lit('active'),
  intent: lit('plan'),
  category: Type.Array(CodeableConcept),
  title: str(),
  description: str(),
  subject: Reference,
  created: str(),
  author: opt(Reference),
  careTeam: Type.Array(Reference),
  activity: opt(Type.Array(Activity)),
  note: opt(Type.Array(Type.Object({ text: str() }))),
});

const FhirCareTeam = Type.Object({
  ...base('CareTeam', ukCore('CareTeam')),
  status: lit('active'),
  name: str(),
  subject: Reference,
  participant: opt(Type.Array(Type.Object({ role: Type.Array(CodeableConcept), member: Reference, onBehalfOf: Reference }))),
});

const FhirConsent = Type.Object({
  ...base('Consent', ukCore('Consent')),
  status: Type.Union([lit('active'), lit('rejected'), lit('inactive')]),
  scope: CodeableConcept,
  category: Type.Array(CodeableConcept),
  patient: Reference,
  dateTime: str(),
  performer: Type.Array(Reference),
  policyRule: CodeableConcept,
  provision: Type.Object({ type: Type.Union([lit('permit'), lit('deny')]) }),
});

const FhirEncounter = Type.Object({
  ...base('Encounter', ukCore('Encounter')),
  status: lit('finished'),
  class: Coding,
  type: Type.Array(CodeableConcept),
  subject: Reference,
  participant: Type.Array(Type.Object({ individual: Reference })),
  period: Type.Object({ start: opt(str()), end: opt(str()) }),
  serviceProvider: Reference,
});

const FhirObservation = Type.Object({
  ...base('Observation', ukCore('Observation')),
  status: lit('final'),
  code: CodeableConcept,
  subject: Reference,
  effectiveDateTime: str('The birthday'),
  valueQuantity: Type.Object({ value: Type.Number(), unit: str(), system: lit('http://unitsofmeasure.org'), code: Type.Union([lit('d'), lit('wk')], { description: 'Days (38+4 is 270 d); weeks when only the completed weeks are recorded' }) }),
});

const FhirAuditEvent = Type.Object({
  ...base('AuditEvent', ukCore('AuditEvent')),
  type: Coding,
  subtype: Type.Array(Coding),
  action: Type.Union([lit('R'), lit('U'), lit('E')]),
  recorded: str(),
  outcome: Type.Union([lit('0'), lit('4')]),
  outcomeDesc: opt(str()),
  purposeOfEvent: opt(Type.Array(CodeableConcept)),
  agent: Type.Array(Type.Object({ who: Reference, requestor: Type.Boolean() })),
  source: Type.Object({ observer: Reference }),
  entity: Type.Array(Type.Object({ what: Reference, type: Coding })),
});

export const SEARCHED_RESOURCES = {
  RelatedPerson: FhirRelatedPerson,
  Flag: FhirFlag,
  CarePlan: FhirCarePlan,
  CareTeam: FhirCareTeam,
  Consent: FhirConsent,
  Encounter: FhirEncounter,
  Observation: FhirObservation,
  AuditEvent: FhirAuditEvent,
} as const;

/** A searchset Bundle whose matches are of the schemas given; an OperationOutcome may say more about the search. */
export function searchsetOf(matches: readonly TSchema[], description: string) {
  return Type.Object(
    {
      resourceType: lit('Bundle'),
      meta: Type.Object({ profile: Type.Array(str()), lastUpdated: str() }),
      type: lit('searchset'),
      total: Type.Integer({ description: 'Matches in every page' }),
      link: Type.Array(Type.Object({ relation: Type.Union([lit('self'), lit('next')]), url: str() })),
      entry: Type.Array(
        Type.Object({
          fullUrl: opt(str()),
          resource: Type.Union([...matches, FhirOperationOutcome]),
          search: Type.Object({ mode: Type.Union([lit('match'), lit('include'), lit('outcome')]) }),
        }),
      ),
    },
    { description },
  );
}

export const EverythingBundle = searchsetOf([FhirPatient, ...Object.values(SEARCHED_RESOURCES)], 'The baby (match) and every other resource of the record (include); AuditEvents only for those who may read the access log');

const CapabilityResource = Type.Object({
  type: str(),
  profile: opt(str()),
  documentation: str(),
  interaction: Type.Array(Type.Object({ code: Type.Union([lit('read'), lit('search-type'), lit('create')]) })),
  searchParam: opt(Type.Array(Type.Object({ name: str(), type: Type.Union([lit('reference'), lit('number')]), documentation: str() }))),
  operation: opt(Type.Array(Type.Object({ name: str(), definition: str(), documentation: str() }))),
});

export const FhirCapabilityStatement = Type.Object({
  resourceType: lit('CapabilityStatement'),
  status: lit('active'),
  date: str(),
  publisher: str(),
  kind: lit('instance'),
  software: Type.Object({ name: str() }),
  implementation: Type.Object({ description: str(), url: str() }),
  fhirVersion: lit('4.0.1'),
  format: Type.Array(str()),
  rest: Type.Array(
    Type.Object({
      mode: lit('server'),
      documentation: str(),
      security: Type.Object({ cors: Type.Boolean(), description: str() }),
      resource: Type.Array(CapabilityResource),
    }),
  ),
});
