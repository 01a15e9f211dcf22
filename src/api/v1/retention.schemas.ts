// API schema for a case's retention (issue 21): GET /api/v1/cases/{caseId}/retention. Its disposal
// date under the area's schedule and why, and every legal hold that reaches it. JSON Schema (TypeBox)
// published in OpenAPI; every test run checks each reply against it.
import { Type } from 'typebox';
import { RETENTION_RULES, type RetentionRuleId } from '../../domain/retention/retention-schedule.ts';
import { oneOf } from './schemas.ts';

const day = (description: string) => Type.String({ format: 'date', description });

const RetentionHold = Type.Object(
  {
    id: Type.String(),
    reason: Type.String(),
    scope: oneOf(['case', 'rule'] as const, { description: 'Set on this case, or by a rule that matches it (an organisation in its team, a baby born within dates)' }),
    inForce: Type.Boolean({ description: 'Standing today: it suspends the disposal' }),
    setAt: Type.String({ format: 'date-time' }),
    setByName: Type.String(),
    liftedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    liftedByName: Type.Union([Type.String(), Type.Null()]),
  },
  { additionalProperties: false },
);

export const CaseRetentionResponse = Type.Object(
  {
    caseId: Type.String(),
    today: day('The service’s day the answer was reckoned on'),
    disposeOn: day('The first day the record may be disposed of'),
    rule: oneOf(Object.keys(RETENTION_RULES) as RetentionRuleId[], { description: 'The rule of the area’s retention schedule that sets the date' }),
    ruleLabel: Type.String(),
    untilAge: Type.Integer({ minimum: 0, description: 'The birthday the record is kept until' }),
    reckonedFrom: oneOf(['birth', 'due-date'] as const, { description: 'The baby’s date of birth, or the due date while not born' }),
    because: Type.String({ description: 'Why, in words, as the case page says it' }),
    due: Type.Boolean({ description: 'The disposal date has come and no hold is in force (the disposal run also keeps a case with open work)' }),
    holds: Type.Array(RetentionHold, { description: 'Every legal hold that reaches the case, lifted ones too, oldest first' }),
  },
  { additionalProperties: false },
);
