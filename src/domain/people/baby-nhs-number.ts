// Whether the NHS number given as the baby's is an adult's on the same record: the mother's NHS number
// kept on the record (given before the birth, for finding the record), or any person's around the baby.
// A midwife copying numbers between visits can take the mother's for the baby's; saved, the baby's
// record would then be found by the mother's number alone and a search on the baby's own would find
// nothing (docs/domain.md, "Recording the birth"). Pure.
import { normaliseNhsNumber } from './nhs-number.ts';

export interface AdultNumber {
  /** How the page names them: "Leah Ashwerth (mother)", or "the mother" for the number kept on the record. */
  who: string;
  nhsNumber: string | null;
}

/** The words refusing it, naming whose number it is, or null when the number is no adult's on the record (or none is given). */
export function babyNhsNumberProblem(nhsNumber: string | null | undefined, adults: readonly AdultNumber[]): string | null {
  if (!nhsNumber?.trim()) return null;
  const number = normaliseNhsNumber(nhsNumber);
  const adult = adults.find((candidate) => candidate.nhsNumber !== null && candidate.nhsNumber.trim() !== '' && normaliseNhsNumber(candidate.nhsNumber) === number);
  return adult ? `This is the NHS number of ${adult.who} on this record. Enter the baby's own NHS number, from the birth notification or the red book, or leave it blank` : null;
}
