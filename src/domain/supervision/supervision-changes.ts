// What changed in the profile since the last supervision (issue 16): the profile's version each
// supervision was recorded at is kept, so a supervision is compared with the one before it (or the
// profile now with the latest supervision, on the form) by the profile's own comparison of two
// versions (domain/profile/profile-history.ts). The first supervision of a case has nothing to compare.
import { compareVersions, type ProfileComparison, type ProfileVersion } from '../profile/profile-history.ts';

export type ChangesSinceLast =
  | { kind: 'first' }
  | { kind: 'unchanged'; sinceVersion: number }
  | { kind: 'changed'; comparison: ProfileComparison }
  /** A version no longer in the history (never so, but a page must not fail on it). */
  | { kind: 'unknown' };

export function changesSinceLast(versions: readonly ProfileVersion[], previousVersion: number | null, version: number): ChangesSinceLast {
  if (previousVersion === null) return { kind: 'first' };
  if (previousVersion === version) return { kind: 'unchanged', sinceVersion: version };
  const comparison = compareVersions(versions, previousVersion, version);
  if (comparison === 'unknown-version' || comparison === 'same-version') return { kind: 'unknown' };
  return { kind: 'changed', comparison };
}
