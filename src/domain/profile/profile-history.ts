// The profile's history: one version per change. Comparing two versions says, for each factor
// changed between them, how it stood at the first and at the second, what evidence came in, which
// findings were raised or cleared, and what else happened (decisions, reviews, a change of level).
import type { Severity } from '../catalogue/finding-definitions.ts';

/** What a version changed: a factor, an escalation decision, a review, the level, the chronology, the catalogue, the birth, a person around the baby, the area's settings, a new kind of agency in the team, check items taken off the plan, a growth measurement, or a person's dispute of a chronology entry. */
export const VERSION_KINDS = ['factor', 'decision', 'review', 'level', 'event', 'catalogue', 'birth', 'person', 'settings', 'team', 'plan', 'growth', 'dispute'] as const;
export type VersionKind = (typeof VERSION_KINDS)[number];

/** A factor as a version left it. */
export interface FactorSnapshot {
  status: string;
  detail?: string | null;
  pattern?: string | null;
  reason?: string | null;
  responses?: readonly string[];
}

export interface EvidenceAdded {
  source: string;
  note: string;
  indicates: string;
  /** The day a visit's evidence was seen, when it was recorded with one (evidence-seen-on.ts). */
  seenOn?: string;
}

export interface FindingSnapshot {
  id: string;
  severity: Severity;
  rationale: string;
}

export interface ProfileVersion {
  version: number;
  kind: VersionKind;
  changedAt: string;
  changedBy: string;
  factorId: string | null;
  subjectKey: string | null;
  before: FactorSnapshot | null;
  after: FactorSnapshot | null;
  evidenceAdded: readonly EvidenceAdded[];
  /** Decisions, reviews and level changes: what was decided, in words. */
  summary: string | null;
  why: string | null;
  /** Findings after the change; null when the version predates findings being kept. */
  findings: readonly FindingSnapshot[] | null;
  /** A subject assessed in one sitting (factorId null): each factor the one version changed. */
  factors?: readonly VersionFactor[];
}

/** One factor a subject's assessment changed. */
export interface VersionFactor {
  factorId: string;
  before: FactorSnapshot | null;
  after: FactorSnapshot | null;
  evidenceAdded: readonly EvidenceAdded[];
}

export interface FactorChange {
  factorId: string;
  subjectKey: string;
  /** At the earlier version; null when never recorded by then (not assessed). */
  before: FactorSnapshot | null;
  after: FactorSnapshot | null;
  evidenceAdded: readonly EvidenceAdded[];
  versions: readonly number[];
}

export interface FindingChange {
  id: string;
  before: FindingSnapshot | null;
  after: FindingSnapshot | null;
}

export interface ProfileComparison {
  from: number;
  to: number;
  factors: readonly FactorChange[];
  /** Null when either version's findings were not kept. */
  findings: { raised: readonly FindingChange[]; cleared: readonly FindingChange[]; changed: readonly FindingChange[] } | null;
  /** Decisions, reviews and level changes between the two. */
  otherChanges: readonly ProfileVersion[];
}

export type ComparisonProblem = 'same-version' | 'unknown-version';

function findingsAt(versions: readonly ProfileVersion[], version: number): readonly FindingSnapshot[] | null {
  if (version === 0) return [];
  return versions.find((v) => v.version === version)?.findings ?? null;
}

function compareFindings(before: readonly FindingSnapshot[], after: readonly FindingSnapshot[]): NonNullable<ProfileComparison['findings']> {
  const earlier = new Map(before.map((f) => [f.id, f]));
  const later = new Map(after.map((f) => [f.id, f]));
  const raised = after.filter((f) => !earlier.has(f.id)).map((f) => ({ id: f.id, before: null, after: f }));
  const cleared = before.filter((f) => !later.has(f.id)).map((f) => ({ id: f.id, before: f, after: null }));
  const changed = after.flatMap((f) => {
    const was = earlier.get(f.id);
    return was && (was.severity !== f.severity || was.rationale !== f.rationale) ? [{ id: f.id, before: was, after: f }] : [];
  });
  return { raised, cleared, changed };
}

/**
 * Compares the profile at two versions (0 = before anything was recorded). The order does not
 * matter: the earlier is always "before". `versions` is the whole history, in any order.
 */
export function compareVersions(versions: readonly ProfileVersion[], a: number, b: number): ProfileComparison | ComparisonProblem {
  if (a === b) return 'same-version';
  const known = new Set([0, ...versions.map((v) => v.version)]);
  if (!known.has(a) || !known.has(b)) return 'unknown-version';
  const from = Math.min(a, b);
  const to = Math.max(a, b);
  const between = [...versions].filter((v) => v.version > from && v.version <= to).sort((x, y) => x.version - y.version);
  const factors = new Map<string, FactorChange>();
  for (const v of between) {
    if (v.kind !== 'factor' || v.subjectKey === null) continue;
    const changed = v.factors ?? (v.factorId === null ? [] : [{ factorId: v.factorId, before: v.before, after: v.after, evidenceAdded: v.evidenceAdded }]);
    for (const f of changed) {
      const key = `${f.factorId}|${v.subjectKey}`;
      const seen = factors.get(key);
      factors.set(key, {
        factorId: f.factorId,
        subjectKey: v.subjectKey,
        before: seen ? seen.before : f.before,
        after: f.after,
        evidenceAdded: [...(seen?.evidenceAdded ?? []), ...f.evidenceAdded],
        versions: [...(seen?.versions ?? []), v.version],
      });
    }
  }
  const earlierFindings = findingsAt(versions, from);
  const laterFindings = findingsAt(versions, to);
  return {
    from,
    to,
    factors: [...factors.values()],
    findings: earlierFindings && laterFindings ? compareFindings(earlierFindings, laterFindings) : null,
    otherChanges: between.filter((v) => v.kind !== 'factor'),
  };
}

/** True when the factor's recorded state differs between the two snapshots (evidence aside). */
export function stateChanged(change: Pick<FactorChange, 'before' | 'after'>): boolean {
  const b = change.before;
  const a = change.after;
  if (b === null || a === null) return b !== a;
  return (
    b.status !== a.status ||
    (b.detail ?? null) !== (a.detail ?? null) ||
    (b.pattern ?? null) !== (a.pattern ?? null) ||
    (b.reason ?? null) !== (a.reason ?? null) ||
    [...(b.responses ?? [])].sort().join() !== [...(a.responses ?? [])].sort().join()
  );
}
