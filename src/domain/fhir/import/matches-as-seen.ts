// A Bundle's Patients as the importer may see them (docs/adr/0024-refused-requests-audited.md,
// "Unknown and unseen cases"): a record the caller may not open at all is, for them, not there. A
// Patient whose NHS number is only on such records is unmatched, told exactly as one on no record, so
// that an import never says whether a record it may not see exists; a person recorded on such a record
// and on others is matched on the others only. What a record the caller may open says is unchanged:
// more than one baby's record with the number is still the duplicate to resolve while the caller may
// open one of them (as the new-record page names a likely duplicate held elsewhere to anyone making a
// record). The records left out that a resource would have gone to are named (unseenTargets), so that
// the refusal is audited on each, for its lead professional to see the attempt. Pure.
import type { BundleResource } from './fhir-import.types.ts';
import { targetsOf, type BundleMatches, type PatientMatch } from './plan-import.ts';

/** Every record a match names. */
export function recordsMatched(matches: BundleMatches): string[] {
  return [...new Set([...matches.patients.values(), ...matches.byNhsNumber.values()].flatMap(recordsOf))];
}

function recordsOf(match: PatientMatch): string[] {
  if (match.kind === 'infant') return [match.caseId];
  if (match.kind === 'person') return match.on.map((on) => on.caseId);
  if (match.kind === 'several-records') return match.caseIds;
  return [];
}

/** The babies' records the Patients are. */
export function babiesMatched(matches: BundleMatches): Set<string> {
  return new Set([...matches.patients.values()].flatMap((match) => (match.kind === 'infant' ? [match.caseId] : [])));
}

/** The matches without the records the caller may not open. */
export function matchesAsSeen(matches: BundleMatches, mayOpen: ReadonlySet<string>): BundleMatches {
  const asSeen = (match: PatientMatch): PatientMatch => {
    const hidden = recordsOf(match).filter((caseId) => !mayOpen.has(caseId));
    if (hidden.length === 0) return match;
    if (match.kind === 'person') {
      const on = match.on.filter((record) => mayOpen.has(record.caseId));
      return on.length > 0 ? { kind: 'person', on } : { kind: 'unmatched' };
    }
    if (match.kind === 'several-records' && hidden.length < match.caseIds.length) return match;
    return { kind: 'unmatched' };
  };
  return {
    patients: new Map([...matches.patients].map(([index, match]) => [index, asSeen(match)])),
    byNhsNumber: new Map([...matches.byNhsNumber].map(([nhsNumber, match]) => [nhsNumber, asSeen(match)])),
  };
}

/** The records the caller may not open that some resource would have gone to (by the matches as found), each once. */
export function unseenTargets(resources: readonly BundleResource[], matches: BundleMatches, mayOpen: ReadonlySet<string>): string[] {
  const babies = babiesMatched(matches);
  const targets = resources.flatMap((resource) => {
    const found = targetsOf(resource, matches, babies);
    return found.ok ? found.targets.map((target) => target.caseId) : [];
  });
  return [...new Set(targets.filter((caseId) => !mayOpen.has(caseId)))];
}
