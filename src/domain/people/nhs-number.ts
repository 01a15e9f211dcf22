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
