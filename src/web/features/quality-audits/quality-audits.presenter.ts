// Quality assurance audits for the pages: what each audit took in words, its progress, the report's
// rows, and the CSV file (RFC 4180 with a byte order mark, so spreadsheets read it as UTF-8; a cell
// that a spreadsheet would run as a formula gets a leading apostrophe and shows as text). The CSV
// has a row a case, in the order drawn: Position, Baby, then for each question its answer, the note
// and what the record said beside it when it was answered.
import type { AuditCase, QualityAudit } from '../../../application/quality-audits/quality-audit-rows.ts';
import { AUDIT_ANSWER_LABELS, AUDIT_QUESTIONS } from '../../../domain/quality-audits/audit-questions.ts';
import type { QuestionResult } from '../../../domain/quality-audits/audit-results.ts';
import { dayInWords } from '../../../domain/shared/calendar-date.ts';

export function scopeWords(audit: QualityAudit, cases: number): string {
  if (audit.scope === 'all') return `Every open case of a baby under one or unborn: ${String(cases)} ${cases === 1 ? 'case' : 'cases'}`;
  const took = cases < (audit.sampleSize ?? 0) ? `; only ${String(cases)} ${cases === 1 ? 'was' : 'were'} in scope, so all of them` : '';
  return `A random sample of ${String(audit.sampleSize)} of ${String(audit.inScope)} open cases (seed ${String(audit.seed)})${took}`;
}

export function auditTitle(audit: QualityAudit): string {
  return `Audit started on ${dayInWords(audit.startedOn)}`;
}

export function progressWords(answered: number, cases: number): string {
  return answered === cases ? `Finished: all ${String(cases)} ${cases === 1 ? 'case' : 'cases'} answered` : `${String(answered)} of ${String(cases)} ${cases === 1 ? 'case' : 'cases'} answered`;
}

const share = (value: number | null) => (value === null ? 'None applied' : `${String(value)}%`);

export function resultRows(questions: readonly QuestionResult[]) {
  return questions.map((q) => ({ ...q, percentYesText: share(q.percentYes), percentNoText: share(q.percentNo) }));
}

function neutralised(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

function quoted(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function auditCsv(cases: readonly AuditCase[]): string {
  const header = ['Position', 'Baby', ...AUDIT_QUESTIONS.flatMap((q) => [q.short, `${q.short}: note`, `${q.short}: what the record said`])];
  const rows = cases.map((c) => [
    String(c.position + 1),
    c.babyName,
    ...AUDIT_QUESTIONS.flatMap((q) => {
      const given = c.answers[q.id];
      return given ? [AUDIT_ANSWER_LABELS[given.answer], given.note, given.recordSaid] : ['Not answered', '', ''];
    }),
  ]);
  return `\uFEFF${[header, ...rows].map((row) => row.map((cell) => quoted(neutralised(cell))).join(',')).join('\r\n')}\r\n`;
}

export function csvFileName(audit: QualityAudit): string {
  return `quality-audit-${audit.startedOn}-${audit.id.replace(/[^A-Za-z0-9]/g, '').slice(0, 8)}.csv`;
}
