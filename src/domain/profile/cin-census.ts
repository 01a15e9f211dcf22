// The Children in Need census factor codes a profile points to, so a partnership's figures line up
// with its statutory return. Suggestions for the assessing social worker, who confirms them.
import { factorDefinition } from '../catalogue/catalogue.ts';
import { resolveCinCode } from '../catalogue/cin-codes.ts';
import type { ProfileEvaluation } from './profile.types.ts';

export interface CinCensusFactors {
  /** Codes that follow directly from present factors (1B, 4C, 6A...), sorted. */
  codes: readonly string[];
  /** Codes that apply only if the assessment finds them (an injury is 18C only if it was abuse). */
  toConfirm: readonly string[];
}

const byCode = (a: string, b: string) => Number.parseInt(a, 10) - Number.parseInt(b, 10) || a.localeCompare(b);

/**
 * From the factors recorded as present. "21 no factors identified" only when the profile is
 * complete and nothing at all is present: a present factor with no census code is still a factor.
 */
export function cinCensusFactors(evaluation: ProfileEvaluation): CinCensusFactors {
  const codes = new Set<string>();
  const toConfirm = new Set<string>();
  let anyPresent = false;
  for (const subject of evaluation.subjects) {
    for (const factor of subject.risk) {
      if (factor.effectiveStatus !== 'present') continue;
      anyPresent = true;
      const mapping = factorDefinition(factor.factorId).cin;
      const code = resolveCinCode(mapping, subject.cinHolder);
      if (code === null) continue;
      if (mapping?.kind === 'code' && mapping.confirm) toConfirm.add(code);
      else codes.add(code);
    }
  }
  for (const code of codes) toConfirm.delete(code);
  if (!anyPresent && evaluation.complete) codes.add('21');
  return { codes: [...codes].sort(byCode), toConfirm: [...toConfirm].sort(byCode) };
}
