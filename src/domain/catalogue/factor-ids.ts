// The stable factor ids (docs/profile-catalogue.md), by subject. Never rename or reuse one: stored assessments,
// the API and reports use them. A new factor means a new catalogue version.
export const INFANT_FACTOR_IDS = [
  'prematurity',
  'low-birth-weight',
  'multiple-birth',
  'disability-or-complex-health',
  'neonatal-unit-stay',
  'feeding-difficulty',
  'hard-to-soothe',
  'faltering-growth',
  'sibling-under-two',
  'sibling-on-plan',
  'injury',
  'was-not-brought',
  'late-booking',
  'concealed-pregnancy',
  'termination-not-carried-out',
] as const;

export const ADULT_FACTOR_IDS = [
  'young-parent',
  'childhood-adversity',
  'mental-health',
  'alcohol-misuse',
  'drug-misuse',
  'learning-disability',
  'domestic-abuse-victim',
  'domestic-abuse-perpetrator',
  'violent-offending',
  'previous-child-harmed-or-removed',
  'harmful-stress-response',
  'disengagement',
  'unrealistic-expectations',
  'physical-illness-or-disability',
  'mistreats-animals',
  'identity-unknown',
] as const;

export const HOUSEHOLD_FACTOR_IDS = [
  'unsafe-sleep',
  'smoking-in-home',
  'housing-instability',
  'material-hardship',
  'poor-home-conditions',
  'parental-conflict',
  'new-adult',
  'large-family',
  'child-with-additional-needs',
  'bereavement',
  'isolation',
] as const;

export const PROTECTIVE_FACTOR_IDS = [
  'supportive-partner',
  'supportive-wider-family',
  'engages-with-services',
  'capacity-to-change',
  'safe-sleep-space',
  'understands-safety-advice',
] as const;

export type InfantFactorId = (typeof INFANT_FACTOR_IDS)[number];
export type AdultFactorId = (typeof ADULT_FACTOR_IDS)[number];
export type HouseholdFactorId = (typeof HOUSEHOLD_FACTOR_IDS)[number];
export type ProtectiveFactorId = (typeof PROTECTIVE_FACTOR_IDS)[number];
export type RiskFactorId = InfantFactorId | AdultFactorId | HouseholdFactorId;
export type FactorId = RiskFactorId | ProtectiveFactorId;
