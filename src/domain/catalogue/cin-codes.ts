// Children in Need census "factors identified at the end of assessment" (DfE CIN census 2024), and
// how a profile factor maps to them, so a partnership's figures line up with its statutory return.
/** Codes 1-6 take a suffix for whom the factor concerns: A the child, B a parent or carer, C another person in the household. */
export const CIN_PERSON_FACTORS = {
  1: 'Alcohol misuse',
  2: 'Drug misuse',
  3: 'Domestic violence',
  4: 'Mental health',
  5: 'Learning disability',
  6: 'Physical disability or illness',
} as const;

export type CinPersonFactor = keyof typeof CIN_PERSON_FACTORS;

/** The codes without a person suffix that a profile factor can point to. */
export const CIN_FIXED_CODES = {
  '16A': 'Neglect',
  '17A': 'Emotional abuse',
  '18B': 'Physical abuse (child on child)',
  '18C': 'Physical abuse (adult on child)',
  '20': 'Other',
  '21': 'No factors identified',
} as const;

export type CinFixedCode = keyof typeof CIN_FIXED_CODES;

/**
 * `person`: 1-6, suffixed by whom it concerns. `code`: a fixed code; `confirm` means the code is a
 * suggestion that the assessing social worker confirms (an injury is not by itself physical abuse).
 */
export type CinMapping =
  | { kind: 'person'; factor: CinPersonFactor }
  | { kind: 'code'; code: CinFixedCode; confirm: boolean };

/** Whom a factor concerns, in the census's terms. `other` (a regular visitor only) has no suffix. */
export type CinHolder = 'child' | 'parent-or-carer' | 'household-member' | 'other';

const SUFFIX: Record<Exclude<CinHolder, 'other'>, string> = { child: 'A', 'parent-or-carer': 'B', 'household-member': 'C' };

/**
 * The census code for a mapping and the person it concerns: alcohol misuse of a parent or carer is
 * 1B, of another household member 1C. Null when no code fits (a visitor who neither lives with nor
 * cares for the baby is outside the census's categories).
 */
export function resolveCinCode(mapping: CinMapping | null, holder: CinHolder): string | null {
  if (mapping === null) return null;
  if (mapping.kind === 'code') return mapping.code;
  if (holder === 'other') return null;
  return `${mapping.factor}${SUFFIX[holder]}`;
}
