// The counts shown at the top of a profile: how many risk factors are open, excluded, present,
// hidden or resting on the carer's word, and how many sources disagree. Never a single score.
import type { ProfileSummary, SubjectProfile } from './profile.types.ts';

export function summariseProfile(subjects: readonly SubjectProfile[]): ProfileSummary {
  const risk = subjects.flatMap((s) => s.risk);
  const count = (status: string) => risk.filter((f) => f.effectiveStatus === status).length;
  return {
    total: risk.length,
    notAssessed: count('not-assessed'),
    excluded: count('excluded'),
    present: count('present'),
    cannotAssess: count('cannot-assess'),
    unverified: count('unverified-exclusion'),
    conflicts: subjects.flatMap((s) => [...s.risk, ...s.protective]).filter((f) => f.conflict).length,
  };
}

/** Complete when no risk factor is still open: each is excluded (verified where it must be), present or cannot be assessed. */
export function isComplete(summary: ProfileSummary): boolean {
  return summary.notAssessed === 0 && summary.unverified === 0;
}
