// The four statuses every factor has, for every subject it applies to (docs/domain.md, "Statuses").
// `not-assessed` is the default: risk is assumed until it is excluded on evidence.
export const FACTOR_STATUSES = {
  'not-assessed': { label: 'Not yet assessed', meaning: 'Risk is assumed until it is excluded.' },
  excluded: { label: 'Excluded', meaning: 'Assessed and not present; needs at least one piece of evidence.' },
  present: { label: 'Present', meaning: 'Recognised; needs detail (and for substance use, whether stable or chaotic).' },
  'cannot-assess': { label: 'Cannot be assessed', meaning: 'Hidden risk: the carer is not accessible or not open; needs the reason.' },
} as const;

export type FactorStatus = keyof typeof FACTOR_STATUSES;

export const FACTOR_STATUS_IDS = Object.keys(FACTOR_STATUSES) as FactorStatus[];

export function isFactorStatus(value: string): value is FactorStatus {
  return Object.hasOwn(FACTOR_STATUSES, value);
}

/** How a substance is used when the factor is present: chaotic use is less predictable and riskier. */
export const SUBSTANCE_PATTERNS = {
  stable: 'Stable',
  chaotic: 'Chaotic',
} as const;

export type SubstancePattern = keyof typeof SUBSTANCE_PATTERNS;

export const SUBSTANCE_PATTERN_IDS = Object.keys(SUBSTANCE_PATTERNS) as SubstancePattern[];

export function isSubstancePattern(value: string): value is SubstancePattern {
  return Object.hasOwn(SUBSTANCE_PATTERNS, value);
}
