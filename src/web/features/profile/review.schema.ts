// The forms of the review page: an escalation decision, marking the profile reviewed, the level.
import { Type } from 'typebox';
import type { FormSpec } from '../../forms/validate-form.ts';

const version = Type.String({ pattern: '^\\d{1,9}$' });

const decisionSchema = Type.Object({
  decision: Type.Union([
    Type.Literal('no-further-action'),
    Type.Literal('universal-plus'),
    Type.Literal('early-help-assessment'),
    Type.Literal('referral-to-childrens-social-care'),
    Type.Literal('strategy-discussion'),
  ]),
  reasoning: Type.String({ minLength: 1, maxLength: 4000 }),
  leadConsulted: Type.Union([Type.Literal('yes'), Type.Literal('no')]),
  leadName: Type.Optional(Type.String({ maxLength: 200 })),
  profileVersion: version,
});

export const decisionForm: FormSpec<typeof decisionSchema> = {
  schema: decisionSchema,
  messages: {
    decision: { default: 'Select the decision the profile supports' },
    reasoning: { required: 'Enter your reasoning: what in the profile led to this decision', default: 'The reasoning must be 4,000 characters or fewer' },
    leadConsulted: { default: 'Select whether you consulted the safeguarding lead' },
    leadName: { default: 'The name must be 200 characters or fewer' },
    profileVersion: { default: 'Open the decision page again from the profile' },
  },
};

const reviewSchema = Type.Object({
  note: Type.Optional(Type.String({ maxLength: 4000 })),
  profileVersion: version,
});

export const reviewForm: FormSpec<typeof reviewSchema> = {
  schema: reviewSchema,
  messages: {
    note: { default: 'The note must be 4,000 characters or fewer' },
    profileVersion: { default: 'Open the review page again from the profile' },
  },
};

const levelSchema = Type.Object({
  level: Type.Union([Type.Literal('universal'), Type.Literal('early-help'), Type.Literal('child-in-need'), Type.Literal('child-protection'), Type.Literal('looked-after')]),
  why: Type.String({ minLength: 1, maxLength: 4000 }),
});

export const levelForm: FormSpec<typeof levelSchema> = {
  schema: levelSchema,
  messages: {
    level: { default: 'Select the level of support' },
    why: { required: 'Enter why the level is changing', default: 'The reason must be 4,000 characters or fewer' },
  },
};
