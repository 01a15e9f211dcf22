// Reading a profile's history: every version with who, when, what changed and why, and the names of
// the subjects they concern. The comparison of two versions is the domain's (compareVersions).
import type { EvidenceAdded, FactorSnapshot, ProfileVersion, VersionFactor } from '../../domain/profile/profile-history.ts';
import { infantDisplayName } from '../../domain/people/infant-name.ts';
import { personDisplayName } from '../../domain/people/relationships.ts';
import type { UserActor } from '../actor.ts';
import { recordAuditAlone } from '../audit.ts';
import { loadCaseAccess } from '../cases/case-access.ts';
import type { AppContext } from '../context.ts';
import type { Selectable } from 'kysely';
import type { ProfileVersionsTable, Queryable } from '../../infrastructure/db/schema.ts';

export interface ProfileHistory {
  caseName: string;
  currentVersion: number;
  /** Newest first. */
  versions: ProfileVersion[];
  /** Names by subject key: the baby, the household and each person. */
  subjectNames: Map<string, string>;
}

export type ViewProfileHistoryResult =
  | { ok: true; value: ProfileHistory }
  | { ok: false; code: 'not-found'; message: string }
  | { ok: false; code: 'forbidden'; message: string };

/** The `change` column: for factors, the state before and after; for the rest, a summary in words. */
interface StoredChange {
  before?: FactorSnapshot | null;
  after?: FactorSnapshot | null;
  evidenceAdded?: EvidenceAdded[] | number;
  summary?: string;
  /** A subject assessed in one sitting (assess-subject.ts): each factor it changed. */
  factors?: VersionFactor[];
}

export async function viewProfileHistory(ctx: AppContext, actor: UserActor, caseId: string): Promise<ViewProfileHistoryResult> {
  const now = ctx.clock.now();
  const record = await ctx.db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirst();
  if (!record) return { ok: false, code: 'not-found', message: 'There is no case with this id.' };
  const access = await loadCaseAccess(ctx.db, actor, caseId, now);
  if (!access.allowed) {
    await recordAuditAlone(ctx, actor, { action: 'profile.history-view', outcome: 'denied', caseId, subjectType: 'case', subjectId: caseId });
    return { ok: false, code: 'forbidden', message: 'You are not in the team around this baby.' };
  }
  const caseName = infantDisplayName({ status: record.status, givenName: record.given_name, familyName: record.family_name });
  const [rows, subjectNames] = await Promise.all([
    ctx.db.selectFrom('profile_versions').selectAll().where('case_id', '=', caseId).orderBy('version', 'desc').execute(),
    readSubjectNames(ctx.db, caseId, caseName),
  ]);
  const versions = rows.map(profileVersionFromRow);
  await recordAuditAlone(ctx, actor, { action: 'profile.history-view', caseId, subjectType: 'case', subjectId: caseId, details: { basis: access.basis, versions: versions.length } });
  return { ok: true, value: { caseName, currentVersion: record.profile_version, versions, subjectNames } };
}

/** A row of profile_versions as the domain's comparison takes it (domain/profile/profile-history.ts). */
export function profileVersionFromRow(row: Selectable<ProfileVersionsTable>): ProfileVersion {
  const change = row.change as StoredChange;
  const isFactor = row.kind === 'factor';
  return {
    version: row.version,
    kind: row.kind,
    changedAt: row.changed_at.toISOString(),
    changedBy: row.changed_by_name ?? (row.kind === 'catalogue' ? 'The service, applying the catalogue' : row.kind === 'settings' ? 'The service, applying the area’s settings' : 'Unknown'),
    factorId: row.factor_id,
    subjectKey: row.subject_key,
    before: isFactor ? (change.before ?? null) : null,
    after: isFactor ? (change.after ?? null) : null,
    // Versions written before evidence was itemised kept only a count.
    evidenceAdded: Array.isArray(change.evidenceAdded) ? change.evidenceAdded : [],
    summary: change.summary ?? null,
    why: row.why,
    findings: row.findings,
    ...(isFactor && change.factors ? { factors: change.factors } : {}),
  };
}

/** Names by subject key: the baby (as `caseName`), the household and each person in the record. */
export async function readSubjectNames(db: Queryable, caseId: string, caseName: string): Promise<Map<string, string>> {
  const people = await db.selectFrom('people').select(['id', 'given_name', 'family_name', 'description', 'identity_known']).where('case_id', '=', caseId).execute();
  return new Map<string, string>([
    ['infant', caseName],
    ['household', 'The household'],
    ...people.map((p) => [p.id, personDisplayName({ givenName: p.given_name, familyName: p.family_name, description: p.description, identityKnown: p.identity_known })] as const),
  ]);
}
