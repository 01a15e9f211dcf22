// Puts a profile's history, and the comparison of two versions, into words for the pages.
import { factorById } from '../../../domain/catalogue/catalogue.ts';
import { EVIDENCE_SOURCES, isEvidenceSource } from '../../../domain/catalogue/evidence-sources.ts';
import { FACTOR_STATUSES, isFactorStatus } from '../../../domain/catalogue/statuses.ts';
import { STRESS_RESPONSES, isStressResponseId } from '../../../domain/catalogue/stress-responses.ts';
import { stateChanged, type FactorSnapshot, type FindingSnapshot, type ProfileComparison, type ProfileVersion } from '../../../domain/profile/profile-history.ts';
import { formatDate, formatDateTime } from '../../views/london-time.ts';
import { findingTitle, severityTag } from '../../views/severity.ts';

function statusLabel(snapshot: FactorSnapshot | null): string {
  if (snapshot === null) return FACTOR_STATUSES['not-assessed'].label;
  return isFactorStatus(snapshot.status) ? FACTOR_STATUSES[snapshot.status].label : snapshot.status;
}

/** The recorded state in words: status, then what is known, the pattern, the reason, the responses. */
function stateInWords(snapshot: FactorSnapshot | null): string[] {
  if (snapshot === null) return [statusLabel(null)];
  const responses = (snapshot.responses ?? []).map((id) => (isStressResponseId(id) ? STRESS_RESPONSES[id].label : id));
  return [
    statusLabel(snapshot),
    ...(snapshot.detail ? [`What is known: ${snapshot.detail}`] : []),
    ...(snapshot.pattern ? [`Pattern: ${snapshot.pattern}`] : []),
    ...(snapshot.reason ? [`Why it cannot be assessed: ${snapshot.reason}`] : []),
    ...(responses.length > 0 ? [`Responses to stress: ${responses.join(', ')}`] : []),
  ];
}

function factorTitle(factorId: string | null, subjectKey: string | null, names: ReadonlyMap<string, string>): string {
  const label = factorId ? (factorById(factorId)?.label ?? factorId) : '';
  const subject = subjectKey ? (names.get(subjectKey) ?? 'Someone no longer in the record') : '';
  return `${subject}: ${label}`;
}

function presentFinding(finding: FindingSnapshot) {
  return { title: findingTitle(finding.id), tag: severityTag(finding.severity), rationale: finding.rationale };
}

function sourceLabel(source: string): string {
  return isEvidenceSource(source) ? EVIDENCE_SOURCES[source].label : source;
}

export function describeVersion(version: ProfileVersion, names: ReadonlyMap<string, string>) {
  const what = version.factors
    ? `${names.get(version.subjectKey ?? '') ?? 'Someone no longer in the record'}, assessed together: ${version.factors.map((f) => `${factorById(f.factorId)?.label ?? f.factorId}: ${statusLabel(f.before)} to ${statusLabel(f.after)}`).join('; ')}`
    : version.kind === 'factor'
      ? `${factorTitle(version.factorId, version.subjectKey, names)}: ${statusLabel(version.before)} to ${statusLabel(version.after)}`
      : (version.summary ?? version.kind);
  return {
    version: version.version,
    when: formatDateTime(version.changedAt),
    who: version.changedBy,
    what,
    evidence: version.evidenceAdded.length,
    why: version.why ?? '',
    findings: version.findings === null ? null : version.findings.length,
  };
}

function versionItems(versions: readonly number[], selected: number) {
  return versions.map((v) => ({ value: String(v), text: v === 0 ? 'Version 0: before anything was recorded' : `Version ${String(v)}`, selected: v === selected }));
}

/** The history table, newest first, and the two lists to choose versions to compare. */
export function presentHistory(versions: readonly ProfileVersion[], names: ReadonlyMap<string, string>, compare: { from: number; to: number }) {
  const numbers = [...versions.map((v) => v.version), 0];
  return {
    rows: versions.map((v) => describeVersion(v, names)),
    fromItems: versionItems(numbers, compare.from),
    toItems: versionItems(numbers, compare.to),
  };
}

export function presentComparison(comparison: ProfileComparison, names: ReadonlyMap<string, string>) {
  return {
    from: comparison.from,
    to: comparison.to,
    factors: comparison.factors.map((change) => ({
      title: factorTitle(change.factorId, change.subjectKey, names),
      changed: stateChanged(change),
      before: stateInWords(change.before),
      after: stateInWords(change.after),
      evidence: change.evidenceAdded.map((e) => ({ note: e.note, source: sourceLabel(e.source), points: e.indicates === 'absent' ? 'shows it is not there' : 'shows it is there', seen: e.seenOn ? formatDate(e.seenOn) : null })),
      versions: change.versions.join(', '),
    })),
    findings:
      comparison.findings === null
        ? null
        : {
            raised: comparison.findings.raised.flatMap((f) => (f.after ? [presentFinding(f.after)] : [])),
            cleared: comparison.findings.cleared.flatMap((f) => (f.before ? [presentFinding(f.before)] : [])),
            changed: comparison.findings.changed.flatMap((f) => (f.before && f.after ? [{ ...presentFinding(f.after), was: f.before.rationale, wasTag: severityTag(f.before.severity) }] : [])),
          },
    others: comparison.otherChanges.map((v) => describeVersion(v, names)),
  };
}
