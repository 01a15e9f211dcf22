// The emergency access form and the review form: fields, checks and words.
import { Type } from 'typebox';
import { MIN_REASON_LENGTH } from '../../../application/cases/emergency-access.ts';
import { EMERGENCY_ACCESS_REVIEW_OUTCOMES, type EmergencyAccessReviewOutcome } from '../../../domain/access/case-access.ts';
import { choiceItems, oneOf } from '../../forms/choices.ts';
import type { FormSpec } from '../../forms/validate-form.ts';

const reasonSchema = Type.Object({ reason: Type.String({ minLength: MIN_REASON_LENGTH, maxLength: 2000 }) });

export const emergencyAccessForm: FormSpec<typeof reasonSchema> = {
  schema: reasonSchema,
  messages: {
    reason: {
      required: 'Enter why you need to open this record now',
      minLength: `Give the reason in at least ${MIN_REASON_LENGTH} characters: what is happening, and why you cannot wait for the team`,
      default: 'The reason must be 2,000 characters or fewer',
    },
  },
};

const reviewSchema = Type.Object({
  outcome: oneOf(EMERGENCY_ACCESS_REVIEW_OUTCOMES),
  note: Type.String({ minLength: 1, maxLength: 2000 }),
});

export const reviewForm: FormSpec<typeof reviewSchema> = {
  schema: reviewSchema,
  messages: {
    outcome: { default: 'Select whether the emergency access was appropriate' },
    note: { required: 'Enter a note about your review', default: 'The note must be 2,000 characters or fewer' },
  },
};

/** The review's answers: was the access appropriate? */
export const OUTCOME_ITEMS = choiceItems<EmergencyAccessReviewOutcome>({ appropriate: 'Yes, appropriate', 'not-appropriate': 'No, not appropriate: I will follow it up' });
