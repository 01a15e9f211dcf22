// API schemas for quality assurance audits (issue 16), read-only: GET /api/v1/quality-audits and
// GET /api/v1/quality-audits/{auditId}. JSON Schema (TypeBox) published in OpenAPI; every test run
// checks each reply against them.
import { Type } from 'typebox';
import { AUDIT_ANSWERS, QUESTION_IDS } from '../../domain/quality-audits/audit-questions.ts';
import { oneOf } from './schemas.ts';

export const AuditIdParams = Type.Object({ auditId: Type.String({ minLength: 1, maxLength: 100 }) });

const share = (description: string) => Type.Union([Type.Integer({ minimum: 0, maximum: 100 }), Type.Null()], { description });
const questionId = oneOf(QUESTION_IDS, { description: 'The question of the audit form' });

const AuditHeader = {
  id: Type.String(),
  organisationId: Type.String(),
  organisationName: Type.String(),
  scope: oneOf(['all', 'sample'] as const, { description: 'Every open case of a baby under one, or a random sample of them' }),
  sampleSize: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], { description: 'For a sample: how many were drawn' }),
  seed: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], { description: 'For a sample: the seed that draws the same cases again' }),
  inScope: Type.Integer({ minimum: 0, description: 'The cases in scope when it started' }),
  startedOn: Type.String({ format: 'date' }),
  startedAt: Type.String({ format: 'date-time' }),
  startedBy: Type.String(),
};

export const QualityAuditList = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        { ...AuditHeader, cases: Type.Integer({ minimum: 0, description: 'Cases in the audit' }), answered: Type.Integer({ minimum: 0, description: 'Cases with every question answered' }) },
        { additionalProperties: false },
      ),
      { description: 'The audits of the caller’s organisation, newest first' },
    ),
  },
  { additionalProperties: false },
);

const GivenAnswer = Type.Object(
  {
    answer: oneOf(AUDIT_ANSWERS),
    note: Type.String(),
    recordSaid: Type.String({ description: 'What the record said when the case was answered' }),
    answeredAt: Type.String({ format: 'date-time' }),
    answeredBy: Type.String(),
  },
  { additionalProperties: false },
);

export const QualityAuditResults = Type.Object(
  {
    audit: Type.Object(AuditHeader, { additionalProperties: false }),
    results: Type.Object(
      {
        cases: Type.Integer({ minimum: 0 }),
        answered: Type.Integer({ minimum: 0, description: 'Cases with every question answered' }),
        questions: Type.Array(
          Type.Object(
            {
              id: questionId,
              question: Type.String(),
              short: Type.String(),
              yes: Type.Integer({ minimum: 0 }),
              no: Type.Integer({ minimum: 0 }),
              notApplicable: Type.Integer({ minimum: 0 }),
              notAnswered: Type.Integer({ minimum: 0 }),
              percentYes: share('Of the answered cases it applied to, in whole per cent; null when none'),
              percentNo: share('Of the answered cases it applied to, in whole per cent; null when none'),
            },
            { additionalProperties: false },
          ),
        ),
        themes: Type.Array(
          Type.Object(
            {
              id: questionId,
              question: Type.String(),
              no: Type.Integer({ minimum: 1 }),
              cases: Type.Array(Type.Object({ caseId: Type.String(), babyName: Type.String(), note: Type.String() }, { additionalProperties: false })),
            },
            { additionalProperties: false },
          ),
          { description: 'The questions answered no at least once, most often first, with the cases and what the auditor noted' },
        ),
      },
      { additionalProperties: false },
    ),
    cases: Type.Array(
      Type.Object(
        {
          caseId: Type.String(),
          babyName: Type.String(),
          position: Type.Integer({ minimum: 0, description: 'Its place in the order drawn, from 0' }),
          answers: Type.Object(Object.fromEntries(QUESTION_IDS.map((id) => [id, Type.Optional(GivenAnswer)])), { additionalProperties: false, description: 'The latest answer to each question answered so far, by question' }),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
