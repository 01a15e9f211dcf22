// NHS number validation: 10 digits, weights 10..2 on the first nine, modulus 11 check digit.
export type NhsNumberProblem = 'not-ten-digits' | 'check-digit';

/** Accepts spaces or hyphens between digit groups ("943 476 5919"); returns the ten digits. */
export function normaliseNhsNumber(input: string): string {
  return input.replace(/[\s-]/g, '');
}

export function checkNhsNumber(input: string): NhsNumberProblem | null {
  const digits = normaliseNhsNumber(input);
  if (!/^\d{10}$/.test(digits)) return 'not-ten-digits';
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return 'check-digit';
  return (check === 11 ? 0 : check) === Number(digits[9]) ? null : 'check-digit';
}

export function formatNhsNumber(digits: string): string {
  return `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
}

/**
 * What is wrong with an NHS number, in the one set of words every page and the API give: not 10
 * digits, or 10 digits whose last (the check digit) does not match the other 9, which is a digit
 * typed wrong or two swapped. `whose` names the number when it is not the person's own ("the
 * mother's").
 */
export function nhsNumberProblemWords(problem: NhsNumberProblem, whose?: string): string {
  if (problem === 'not-ten-digits') return whose === undefined ? 'Enter a valid NHS number: 10 digits, like 943 476 5919' : `Enter ${whose} NHS number as 10 digits, like 943 476 5919`;
  const number = whose === undefined ? 'This NHS number' : `${whose.charAt(0).toUpperCase()}${whose.slice(1)} NHS number`;
  return `${number} is not valid: its last digit (the check digit) does not match the other 9. Check each digit`;
}

/** The words for what is wrong with an NHS number as typed (nhsNumberProblemWords), or null when it is valid. */
export function nhsNumberWords(input: string, whose?: string): string | null {
  const problem = checkNhsNumber(input);
  return problem === null ? null : nhsNumberProblemWords(problem, whose);
}

/** The words for an NHS number that is not 10 digits, where only its shape is checked. */
export const NHS_NUMBER_SHAPE_WORDS = nhsNumberProblemWords('not-ten-digits');
