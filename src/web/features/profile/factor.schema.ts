// The form that records one factor: status, what is known, and a new piece of evidence; for the
// harmful response to stress, also how the carer responds (ticked boxes, sent as repeated fields).
import { Type } from 'typebox';
import { EVIDENCE_SOURCE_IDS } from '../../../domain/catalogue/evidence-sources.ts';
import { FACTOR_STATUS_IDS, SUBSTANCE_PATTERN_IDS, SUBSTANCE_PATTERNS, type FactorStatus } from '../../../domain/catalogue/statuses.ts';
import { isStressResponseId, type StressResponseId } from '../../../domain/catalogue/stress-responses.ts';
import type { AssessmentProblem } from '../../../domain/profile/assessment-rules.ts';
import { EVIDENCE_DIRECTIONS, type EvidenceDirection } from '../../../domain/profile/profile.types.ts';
import { choiceItems, oneOf } from '../../forms/choices.ts';
import type { FormSpec } from '../../forms/validate-form.ts';

const text = (maxLength: number) => Type.Optional(Type.String({ maxLength }));

const factorSchema = Type.Object({
  status: oneOf(FACTOR_STATUS_IDS),
  detail: text(4000),
  pattern: Type.Optional(oneOf(SUBSTANCE_PATTERN_IDS)),
  reason: text(4000),
  protectionHow: text(2000),
  protectionWhen: text(2000),
  evidenceSource: Type.Optional(oneOf(EVIDENCE_SOURCE_IDS)),
  evidenceIndicates: Type.Optional(oneOf(EVIDENCE_DIRECTIONS)),
  evidenceNote: text(4000),
  evidenceGivenBy: text(200),
  version: Type.String({ pattern: '^\\d+$' }),
});

export const factorForm: FormSpec<typeof factorSchema> = {
  schema: factorSchema,
  messages: {
    status: { default: 'Select what you found' },
    detail: { default: 'What is known must be 4,000 characters or fewer' },
    pattern: { default: 'Select whether the use is stable or chaotic' },
    reason: { default: 'The reason must be 4,000 characters or fewer' },
    protectionHow: { default: 'This must be 2,000 characters or fewer' },
    protectionWhen: { default: 'This must be 2,000 characters or fewer' },
    evidenceSource: { default: 'Select where the evidence comes from' },
    evidenceIndicates: { default: 'Select whether the evidence shows the factor is there or not' },
    evidenceNote: { default: 'The evidence must be 4,000 characters or fewer' },
    evidenceGivenBy: { default: 'Who said it must be 200 characters or fewer' },
    version: { default: 'Reload the page and try again' },
  },
};

/** The choices of the form, worded for it, one for each of the domain's values. */
export const STATUS_ITEMS = choiceItems<FactorStatus>({
  'not-assessed': 'Not yet assessed',
  excluded: { text: 'Excluded: assessed and not there', hint: 'Add the evidence below.' },
  present: { text: 'Present', hint: 'Say what is known below.' },
  'cannot-assess': { text: 'Cannot be assessed', hint: 'For example, the carer will not engage. Say why below.' },
});
export const PATTERN_ITEMS = choiceItems(SUBSTANCE_PATTERNS);
export const DIRECTION_ITEMS = choiceItems<EvidenceDirection>({ present: 'Yes, it is there', absent: 'No, it is not' });

/** What the domain refuses, as the field that shows it and the words to fix it. */
export const ASSESSMENT_PROBLEM_MESSAGES: Partial<Record<AssessmentProblem, { field: string; text: string }>> = {
  'exclusion-needs-evidence': { field: 'evidenceNote', text: 'To exclude this, add the evidence that rules it out and where it comes from' },
  'detail-needed': { field: 'detail', text: 'Say what is known about it' },
  'pattern-needed': { field: 'pattern', text: 'Select whether the use is stable or chaotic' },
  'reason-needed': { field: 'reason', text: 'Say why it cannot be assessed, for example the carer would not let you in' },
  'harmful-response-but-excluded': { field: 'responses', text: 'You cannot exclude this while a harmful response is ticked: untick it, or record it as present' },
  'responses-not-expected': { field: 'status', text: 'How someone responds to stress is recorded only under their response to stress' },
};

export interface TickedResponses {
  known: StressResponseId[];
  unknown: string[];
}

/** The `responses` boxes ticked: none, one value or many, as a browser sends them. */
export function responsesFrom(body: unknown): TickedResponses {
  const raw = body !== null && typeof body === 'object' ? (body as Record<string, unknown>)['responses'] : undefined;
  const values = (Array.isArray(raw) ? raw : [raw]).filter((value): value is string => typeof value === 'string' && value.trim() !== '').map((value) => value.trim());
  return { known: values.filter(isStressResponseId), unknown: values.filter((value) => !isStressResponseId(value)) };
}

export const unknownResponseMessage = (unknown: readonly string[]) =>
  `Select how they respond to stress from the list: "${unknown.join('", "')}" is not one of the choices`;
