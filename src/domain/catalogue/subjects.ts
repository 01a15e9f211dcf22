// Who a factor is about (docs/domain.md, "Who is in the record"): the baby, each significant adult, the household.
export const SUBJECTS = {
  infant: 'The baby or unborn baby',
  adult: 'Each significant adult: everyone who lives in the household, cares for the baby or visits regularly',
  household: 'The household',
} as const;

export type Subject = keyof typeof SUBJECTS;

export function isSubject(value: string): value is Subject {
  return Object.hasOwn(SUBJECTS, value);
}
