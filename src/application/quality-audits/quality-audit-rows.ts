// Reading and writing quality assurance audits (migration 033): an audit, its cases in the order
// drawn with each baby's name, and the latest answers given for each case.
import { infantDisplayName } from '../../domain/people/infant-name.ts';
import { isQuestionId, QUESTION_IDS, type AuditAnswer, type QuestionId } from '../../domain/quality-audits/audit-questions.ts';
import type { AnsweredCase } from '../../domain/quality-audits/audit-results.ts';
import type { Queryable } from '../../infrastructure/db/schema.ts';

export interface QualityAudit {
  id: string;
  organisationId: string;
  organisationName: string;
  scope: 'all' | 'sample';
  sampleSize: number | null;
  seed: number | null;
  inScope: number;
  startedOn: string;
  startedAt: string;
  startedBy: string;
}

export interface GivenAnswer {
  answer: AuditAnswer;
  note: string;
  recordSaid: string;
  answeredAt: string;
  answeredBy: string;
}

export interface AuditCase extends AnsweredCase {
  position: number;
  answers: Partial<Record<QuestionId, GivenAnswer>>;
}

const auditsWithOrganisation = (db: Queryable) =>
  db
    .selectFrom('quality_audits')
    .innerJoin('organisations', 'organisations.id', 'quality_audits.organisation_id')
    .select(['quality_audits.id', 'quality_audits.organisation_id', 'organisations.name as organisation_name', 'scope', 'sample_size', 'seed', 'in_scope', 'started_on', 'started_at', 'started_by_name']);

type AuditRow = Awaited<ReturnType<ReturnType<typeof auditsWithOrganisation>['executeTakeFirstOrThrow']>>;

function auditFromRow(row: AuditRow): QualityAudit {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    scope: row.scope,
    sampleSize: row.sample_size,
    seed: row.seed,
    inScope: row.in_scope,
    startedOn: row.started_on,
    startedAt: row.started_at.toISOString(),
    startedBy: row.started_by_name,
  };
}

export async function readAudit(db: Queryable, auditId: string): Promise<QualityAudit | null> {
  const row = await auditsWithOrganisation(db).where('quality_audits.id', '=', auditId).executeTakeFirst();
  return row ? auditFromRow(row) : null;
}

/** An organisation's audits, the latest started first. */
export async function readAudits(db: Queryable, organisationId: string): Promise<QualityAudit[]> {
  const rows = await auditsWithOrganisation(db).where('quality_audits.organisation_id', '=', organisationId).orderBy('started_at', 'desc').orderBy('quality_audits.id').execute();
  return rows.map(auditFromRow);
}

/** The audit's cases in the order drawn, each with its answers; one case only when `caseId` is given. */
export async function readAuditCases(db: Queryable, auditId: string, caseId?: string): Promise<AuditCase[]> {
  let cases = db
    .selectFrom('quality_audit_cases')
    .innerJoin('cases', 'cases.id', 'quality_audit_cases.case_id')
    .select(['quality_audit_cases.case_id', 'quality_audit_cases.position', 'cases.status', 'cases.given_name', 'cases.family_name'])
    .where('quality_audit_cases.audit_id', '=', auditId);
  let answers = db.selectFrom('quality_audit_answers').selectAll().where('audit_id', '=', auditId);
  if (caseId !== undefined) {
    cases = cases.where('quality_audit_cases.case_id', '=', caseId);
    answers = answers.where('case_id', '=', caseId);
  }
  const [caseRows, answerRows] = await Promise.all([cases.orderBy('quality_audit_cases.position').execute(), answers.execute()]);
  const byCase = new Map<string, Partial<Record<QuestionId, GivenAnswer>>>();
  for (const row of answerRows) {
    if (!isQuestionId(row.question)) continue;
    const given = byCase.get(row.case_id) ?? {};
    given[row.question] = { answer: row.answer, note: row.note, recordSaid: row.record_said, answeredAt: row.answered_at.toISOString(), answeredBy: row.answered_by_name };
    byCase.set(row.case_id, given);
  }
  return caseRows.map((row) => ({
    caseId: row.case_id,
    position: row.position,
    babyName: infantDisplayName({ status: row.status, givenName: row.given_name, familyName: row.family_name }),
    answers: byCase.get(row.case_id) ?? {},
  }));
}

/** How many cases each audit has, and how many have every question answered. */
export async function readAuditProgress(db: Queryable, auditIds: readonly string[]): Promise<Map<string, { cases: number; answered: number }>> {
  if (auditIds.length === 0) return new Map();
  const [cases, perCase] = await Promise.all([
    db.selectFrom('quality_audit_cases').select((eb) => ['audit_id', eb.fn.countAll<string>().as('n')]).where('audit_id', 'in', auditIds).groupBy('audit_id').execute(),
    db.selectFrom('quality_audit_answers').select((eb) => ['audit_id', 'case_id', eb.fn.countAll<string>().as('n')]).where('audit_id', 'in', auditIds).groupBy(['audit_id', 'case_id']).execute(),
  ]);
  const progress = new Map(auditIds.map((id) => [id, { cases: Number(cases.find((row) => row.audit_id === id)?.n ?? 0), answered: 0 }]));
  for (const row of perCase) if (Number(row.n) >= QUESTION_IDS.length) progress.get(row.audit_id)!.answered += 1;
  return progress;
}
