// The baby's gestation at birth as a UK Core Observation: SNOMED CT 412726003 "Length of gestation at
// birth", final, effective on the birthday, its value a UCUM Quantity. Shaped as NHS England's UK Core
// Observation examples are (examples/UKCore-Observation-VitalSigns-BodyWeight-Example.xml in
// NHSDigital/FHIR-R4-UKCORE-STAGING-MAIN: SNOMED CT code, subject, effectiveDateTime, valueQuantity
// with value, unit, system http://unitsofmeasure.org and code). The UK Core has no gestation example;
// its examples write a length of time in UCUM days (code "d", as MedicationDispense.daysSupply), so
// 38+4 is 270 days. A record holding the completed weeks alone gives weeks (code "wk"), not days it
// does not know. Nothing for a baby not yet born, or one whose gestation is not recorded.
import { gestationAtBirthForReading, gestationInDays } from '../../people/birth-details.ts';
import type { CodeableConcept, Reference, ResourceBase } from './fhir-types.ts';
import { narrative } from './narrative.ts';
import { SYSTEMS, UK_CORE_PROFILES } from './uk-core.ts';

export interface Quantity {
  value: number;
  unit: string;
  system: string;
  code: string;
}

export interface ObservationResource extends ResourceBase {
  resourceType: 'Observation';
  status: 'final';
  code: CodeableConcept;
  subject: Reference;
  effectiveDateTime: string;
  valueQuantity: Quantity;
}

export interface BirthForExport {
  id: string;
  status: 'unborn' | 'born';
  dateOfBirth: string | null;
  gestationAtBirthWeeks: number | null;
  gestationAtBirthDays: number | null;
}

export const GESTATION_AT_BIRTH: CodeableConcept = { coding: [{ system: SYSTEMS.snomedCt, code: '412726003', display: 'Length of gestation at birth' }], text: 'Gestation at birth' };

/** The Observation's id: the case's, so it is the same each export. */
export const gestationObservationId = (caseId: string) => `${caseId}-gestation-at-birth`;

function gestationQuantity(weeks: number, days: number | null): Quantity {
  if (days === null) return { value: weeks, unit: 'week', system: SYSTEMS.ucum, code: 'wk' };
  return { value: gestationInDays(weeks, days), unit: 'day', system: SYSTEMS.ucum, code: 'd' };
}

/** The Observations of the baby's birth: the gestation at birth once born and recorded; none otherwise. */
export function birthObservations(birth: BirthForExport): ObservationResource[] {
  const { id, status, dateOfBirth, gestationAtBirthWeeks: weeks, gestationAtBirthDays: days } = birth;
  if (status !== 'born' || dateOfBirth === null || weeks === null) return [];
  return [
    {
      resourceType: 'Observation',
      id: gestationObservationId(id),
      meta: { profile: [UK_CORE_PROFILES.Observation] },
      text: narrative([`Gestation at birth: ${gestationAtBirthForReading(weeks, days)!}, born on ${dateOfBirth}`]),
      status: 'final',
      code: GESTATION_AT_BIRTH,
      subject: { reference: `Patient/${id}` },
      effectiveDateTime: dateOfBirth,
      valueQuantity: gestationQuantity(weeks, days),
    },
  ];
}
