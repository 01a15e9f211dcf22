// Reading and writing a case's supervisions: a row of case_supervisions each (migration 028), never
// changed.
import type { Selectable } from 'kysely';
import { PROMPT_IDS, type PromptId } from '../../domain/supervision/supervision-prompts.ts';
import type { RecordedSupervision, Supervision } from '../../domain/supervision/supervision.types.ts';
import type { CaseSupervisionsTable, Queryable, Tx } from '../../infrastructure/db/schema.ts';
import type { ProfileVersion } from '../../domain/profile/profile-history.ts';
import { profileVersionFromRow } from '../profile/view-profile-history.ts';
import type { Recorder } from '../recorder.ts';

function supervisionFromRow(row: Selectable<CaseSupervisionsTable>): RecordedSupervision {
  const answers = Object.fromEntries(PROMPT_IDS.map((id) => [id, row.answers[id] ?? ''])) as Record<PromptId, string>;
  return {
    id: row.id,
    caseId: row.case_id,
    heldOn: row.held_on,
    practitionerId: row.practitioner_id,
    practitionerName: row.practitioner_name,
    supervisorId: row.supervisor_id,
    supervisorName: row.supervisor_name,
    answers,
    stuck: row.stuck,
    analysis: row.analysis,
    decisions: row.decisions,
    actions: row.actions,
    profileVersion: row.profile_version,
    planVersion: row.plan_version,
    recordedAt: row.recorded_at.toISOString(),
    recordedBy: row.recorded_by_name,
  };
}

/** The case's supervisions, the latest held first (recorded order within a day). */
export async function readSupervisions(db: Queryable, caseId: string): Promise<RecordedSupervision[]> {
  const rows = await db.selectFrom('case_supervisions').selectAll().where('case_id', '=', caseId).orderBy('held_on', 'desc').orderBy('recorded_at', 'desc').execute();
  return rows.map(supervisionFromRow);
}

/** Stores a checked supervision under a new id, with the names of the two as they are now. */
export async function insertSupervision(
  trx: Tx,
  caseId: string,
  id: string,
  supervision: Supervision,
  linked: { profileVersion: number; planVersion: number | null; practitionerName: string; supervisorName: string },
  recorder: Recorder,
  now: Date,
): Promise<RecordedSupervision> {
  const row = {
    case_id: caseId,
    id,
    held_on: supervision.heldOn,
    practitioner_id: supervision.practitionerId,
    practitioner_name: linked.practitionerName,
    supervisor_id: supervision.supervisorId,
    supervisor_name: linked.supervisorName,
    answers: JSON.stringify(supervision.answers),
    stuck: supervision.stuck,
    analysis: supervision.analysis,
    decisions: supervision.decisions,
    actions: JSON.stringify(supervision.actions),
    profile_version: linked.profileVersion,
    plan_version: linked.planVersion,
    recorded_at: now,
    recorded_by: recorder.userId,
    recorded_by_name: recorder.name,
  };
  await trx.insertInto('case_supervisions').values(row).execute();
  return { ...supervision, id, caseId, ...linked, recordedAt: now.toISOString(), recordedBy: recorder.name };
}

/**
 * The profile's versions from one to the other, both kept: all the comparison of the two needs
 * (domain/supervision/supervision-changes.ts), not the whole history. None when there is no earlier one.
 */
export async function readVersionsBetween(db: Queryable, caseId: string, from: number | null, to: number): Promise<ProfileVersion[]> {
  if (from === null || from === to) return [];
  const rows = await db
    .selectFrom('profile_versions')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('version', '>=', Math.min(from, to))
    .where('version', '<=', Math.max(from, to))
    .execute();
  return rows.map(profileVersionFromRow);
}
