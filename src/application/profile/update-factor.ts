// Recording one factor of the profile: its status, detail and new evidence, through the one way to
// change a case (cases/change-case.ts): the assessment (checked against the version the user read),
// its evidence (appended, never edited), then a new profile version with what changed, the alerts
// it raises (returned) and the audit entry.
import { checkAssessment, type AssessmentProblem } from '../../domain/profile/assessment-rules.ts';
import type { EvidenceDirection, FactorAssessment, Protection } from '../../domain/profile/profile.types.ts';
import type { EvidenceSource } from '../../domain/catalogue/evidence-sources.ts';
import { factorById } from '../../domain/catalogue/catalogue.ts';
import type { FactorId } from '../../domain/catalogue/factor-ids.ts';
import type { FactorStatus, SubstancePattern } from '../../domain/catalogue/statuses.ts';
import type { StressResponseId } from '../../domain/catalogue/stress-responses.ts';
import type { UserActor } from '../actor.ts';
import type { RaisedAlert } from '../alerts/raise-alerts.ts';
import { changeCase, type CaseChange, type CaseChangeOutcome } from '../cases/change-case.ts';
import type { AppContext } from '../context.ts';
import { subjectKey } from './profile-facts.ts';

export interface NewEvidence {
  source: EvidenceSource;
  note: string;
  indicates?: EvidenceDirection;
  givenBy?: string;
}

export interface FactorUpdate {
  factorId: string;
  personId?: string;
  status: FactorStatus;
  detail?: string;
  pattern?: SubstancePattern;
  reason?: string;
  protection?: Protection;
  /** `harmful-stress-response` only. */
  responses?: StressResponseId[];
  evidence: NewEvidence[];
  /** Why the change is made, in the user's words; the new evidence notes when not given. */
  why?: string;
  /** The version the user read: 0 for a factor never recorded. */
  version: number;
}

export type UpdateFactorResult =
  | { ok: true; version: number; profileVersion: number; alerts: RaisedAlert[] }
  | { ok: false; code: 'not-found'; message: string }
  | { ok: false; code: 'forbidden'; message: string }
  | { ok: false; code: 'unknown-person'; message: string }
  | { ok: false; code: 'version-conflict'; message: string; currentVersion: number }
  | { ok: false; code: 'invalid'; message: string; problems: AssessmentProblem[] };

/** Evidence that does not say which way it points supports the status it is given with. */
function direction(evidence: NewEvidence, status: FactorStatus): EvidenceDirection {
  return evidence.indicates ?? (status === 'excluded' ? 'absent' : 'present');
}

/** `submission`: the one-time id of the form it was posted from, noted with what it records so that a second post is answered as the first, not refused as stale (ADR 0026). */
export async function updateFactor(ctx: AppContext, actor: UserActor, caseId: string, update: FactorUpdate, submission?: string): Promise<UpdateFactorResult> {
  return changeCase<UpdateFactorResult>(
    ctx,
    actor,
    caseId,
    { action: 'profile.factor-update', refusalSubject: { subjectType: 'factor', subjectId: update.factorId }, submission },
    (refusal) => ({ ok: false, ...refusal }),
    (given) => recordFactor(given, update),
  );
}

async function recordFactor({ trx, ctx, actor, recorder, record, now }: CaseChange, update: FactorUpdate): Promise<CaseChangeOutcome<UpdateFactorResult>> {
  const caseId = record.id;
  const refuse = (answer: UpdateFactorResult): CaseChangeOutcome<UpdateFactorResult> => ({ changed: false, answer });
  const factor = factorById(update.factorId);
  if (!factor) return refuse({ ok: false, code: 'invalid', message: `"${update.factorId}" is not a factor in the catalogue.`, problems: ['unknown-factor'] });
  if (update.personId) {
    const person = await trx.selectFrom('people').select('id').where('case_id', '=', caseId).where('id', '=', update.personId).executeTakeFirst();
    if (!person) return refuse({ ok: false, code: 'unknown-person', message: 'That person is not in this record.' });
  }
  const key = subjectKey(factor.subject, update.personId);
  const existingEvidence = await trx
    .selectFrom('profile_evidence')
    .select(['source', 'note', 'indicates', 'recorded_at'])
    .where('case_id', '=', caseId)
    .where('factor_id', '=', update.factorId)
    .where('subject_key', '=', key)
    .execute();
  const assessment: FactorAssessment = {
    factorId: update.factorId as FactorId,
    subject: factor.subject,
    ...(update.personId ? { personId: update.personId } : {}),
    status: update.status,
    ...(update.detail?.trim() ? { detail: update.detail.trim() } : {}),
    ...(update.pattern ? { pattern: update.pattern } : {}),
    ...(update.reason?.trim() ? { reason: update.reason.trim() } : {}),
    ...(update.protection ? { protection: update.protection } : {}),
    ...(update.responses ? { responses: [...new Set(update.responses)] } : {}),
    evidence: [
      ...existingEvidence.map((e) => ({ source: e.source as EvidenceSource, note: e.note, indicates: e.indicates, recordedAt: e.recorded_at.toISOString(), recordedBy: '', agency: '' })),
      ...update.evidence.map((e) => ({ source: e.source, note: e.note, indicates: direction(e, update.status), recordedAt: now.toISOString(), recordedBy: recorder.name, agency: recorder.organisation })),
    ],
  };
  const problems = checkAssessment(assessment);
  if (problems.length > 0) return refuse({ ok: false, code: 'invalid', message: 'The factor cannot be recorded like this: see the problems.', problems });

  const current = await trx
    .selectFrom('profile_assessments')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('factor_id', '=', update.factorId)
    .where('subject_key', '=', key)
    .executeTakeFirst();
  const currentVersion = current?.version ?? 0;
  if (currentVersion !== update.version) {
    return refuse({ ok: false, code: 'version-conflict', message: 'Someone else changed this factor while you were editing. Look at their change, then save yours again.', currentVersion });
  }
  const version = currentVersion + 1;
  const columns = {
    person_id: update.personId ?? null,
    status: update.status,
    detail: assessment.detail ?? null,
    pattern: assessment.pattern ?? null,
    reason: assessment.reason ?? null,
    protection: assessment.protection ? JSON.stringify(assessment.protection) : null,
    responses: assessment.responses ? JSON.stringify(assessment.responses) : null,
    version,
    updated_at: now,
    updated_by: actor.userId,
  };
  if (current) {
    await trx.updateTable('profile_assessments').set(columns).where('case_id', '=', caseId).where('factor_id', '=', update.factorId).where('subject_key', '=', key).execute();
  } else {
    await trx.insertInto('profile_assessments').values({ case_id: caseId, factor_id: update.factorId, subject_key: key, ...columns }).execute();
  }
  if (update.evidence.length > 0) {
    await trx
      .insertInto('profile_evidence')
      .values(
        update.evidence.map((evidence) => ({
          case_id: caseId,
          id: ctx.newId(),
          factor_id: update.factorId,
          subject_key: key,
          source: evidence.source,
          note: evidence.note.trim(),
          indicates: direction(evidence, update.status),
          given_by: evidence.givenBy?.trim() || null,
          recorded_at: now,
          recorded_by: actor.userId,
          recorded_by_name: recorder.name,
          agency: recorder.organisation,
          event_id: null,
        })),
      )
      .execute();
  }
  const state = (row: { status: string; detail: string | null; pattern: string | null; reason: string | null; responses: readonly string[] | null }) => ({
    status: row.status,
    detail: row.detail,
    pattern: row.pattern,
    reason: row.reason,
    ...(row.responses ? { responses: row.responses } : {}),
  });
  return {
    changed: true,
    version: {
      kind: 'factor',
      factorId: update.factorId,
      subjectKey: key,
      change: {
        before: current ? state(current) : null,
        after: state({ ...columns, responses: assessment.responses ?? null }),
        evidenceAdded: update.evidence.map((e) => ({ source: e.source, note: e.note.trim(), indicates: direction(e, update.status) })),
      },
      why: update.why?.trim() || update.evidence.map((e) => e.note.trim()).join(' ') || null,
    },
    entriesAdded: [],
    audit: ({ profileVersion, alerts }) => ({
      action: 'profile.factor-update',
      caseId,
      subjectType: 'factor',
      subjectId: `${update.factorId}|${key}`,
      details: { status: update.status, version, profileVersion, evidenceAdded: update.evidence.length, ...(alerts.length > 0 ? { alerts: alerts.map((a) => a.id) } : {}) },
    }),
    answer: ({ profileVersion, alerts }) => ({ ok: true, version, profileVersion, alerts }),
    recordId: `${update.factorId}|${key}|${String(version)}`,
  };
}
