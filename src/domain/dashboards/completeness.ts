// How far a profile's assessment has gone, as a band, for the dashboards (issue 16). The risk
// factors that apply are the catalogue's for the baby and the household, and every adult factor for
// each significant adult (profile/profile-subjects.ts); derived factors fill themselves from the
// record and are left out. "All assessed" is not "complete" in the profile's own sense
// (profile-summary.ts: no exclusion resting on the carer's word alone): unverified exclusions are
// their own measure beside this one, counted from the profile's findings.
import { factorsFor } from '../catalogue/catalogue.ts';

export const COMPLETENESS_BANDS = {
  'not-started': 'No risk factor assessed',
  begun: 'Fewer than half assessed',
  most: 'Half or more assessed',
  'all-assessed': 'Every risk factor assessed',
} as const;

export type CompletenessBand = keyof typeof COMPLETENESS_BANDS;
export const COMPLETENESS_BAND_IDS = Object.keys(COMPLETENESS_BANDS) as CompletenessBand[];

export function isCompletenessBand(value: string): value is CompletenessBand {
  return Object.hasOwn(COMPLETENESS_BANDS, value);
}

const handAssessed = (subject: 'infant' | 'household' | 'adult') => factorsFor(subject, 'risk').filter((f) => !f.derived);

/** The risk factors assessed by hand: the ids the application counts assessments of. */
export const HAND_ASSESSED_RISK_FACTOR_IDS: readonly string[] = [...handAssessed('infant'), ...handAssessed('household'), ...handAssessed('adult')].map((f) => f.id);

const FOR_THE_BABY_AND_HOUSEHOLD = handAssessed('infant').length + handAssessed('household').length;
const FOR_EACH_ADULT = handAssessed('adult').length;

/** How many risk factors apply to a profile with this many significant adults. */
export function applicableRiskFactors(significantAdults: number): number {
  return FOR_THE_BABY_AND_HOUSEHOLD + significantAdults * FOR_EACH_ADULT;
}

export function completenessBand(assessed: number, significantAdults: number): CompletenessBand {
  const applicable = applicableRiskFactors(significantAdults);
  if (assessed <= 0) return 'not-started';
  if (assessed >= applicable) return 'all-assessed';
  return assessed * 2 < applicable ? 'begun' : 'most';
}
