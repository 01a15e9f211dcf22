// Whether a person being added or changed is someone the record already holds: the same NHS number
// as another person around the baby, or a second mother (a baby has one birth mother; a mother's
// partner, a grandparent or another relative takes another relationship). Pure.
import { normaliseNhsNumber } from './nhs-number.ts';

export interface PersonOnRecord {
  id: string;
  nhsNumber: string | null;
  relationshipToInfant: string;
}

export type AlreadyOnRecord = { problem: 'nhs-number-already-on-record' | 'mother-already-on-record'; field: 'nhsNumber' | 'relationshipToInfant'; existingPersonId: string };

/**
 * Each way the person (`id` null when being added) repeats someone already on the record, in the
 * form's order: the relationship, then the NHS number. An NHS number is compared as ten digits,
 * spaces ignored; a person is never a repeat of themselves.
 */
export function alreadyOnRecord(person: { id: string | null; nhsNumber: string | null; relationshipToInfant: string }, onRecord: readonly PersonOnRecord[]): AlreadyOnRecord[] {
  const others = onRecord.filter((other) => other.id !== person.id);
  const found: AlreadyOnRecord[] = [];
  const nhsNumber = person.nhsNumber ? normaliseNhsNumber(person.nhsNumber) : null;
  const mother = person.relationshipToInfant === 'mother' ? others.find((other) => other.relationshipToInfant === 'mother') : undefined;
  if (mother) found.push({ problem: 'mother-already-on-record', field: 'relationshipToInfant', existingPersonId: mother.id });
  const sameNumber = nhsNumber ? others.find((other) => other.nhsNumber !== null && normaliseNhsNumber(other.nhsNumber) === nhsNumber) : undefined;
  if (sameNumber) found.push({ problem: 'nhs-number-already-on-record', field: 'nhsNumber', existingPersonId: sameNumber.id });
  return found;
}
