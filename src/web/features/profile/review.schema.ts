// The forms of the review page: an escalation decision, marking the profile reviewed, the level.
import { Type } from 'typebox';
import { ESCALATION_DECISION_IDS } from '../../../domain/profile/escalation.ts';
import { CASE_LEVEL_IDS } from '../../../domain/shared/case-levels.ts';
import { oneOf, YES_NO } from '../../forms/choices.ts';
import type { FormSpec } from '../../forms/validate-form.ts';

const version = Type.String({ pattern: '^\\d{1,9}$' });

const decisionSchema = Type.Object({
  decision: oneOf(ESCALATION_DECISION_IDS),
  reasoning: Type.String({ minLength: 1, maxLength: 4000 }),
  leadConsulted: oneOf(YES_NO),
  leadName: Type.Optional(Type.String({ maxLength: 200 })),
  confirmingLead: Type.Optional(Type.String({ maxLength: 100 })),
  profileVersion: version,
});

export const decisionForm: FormSpec<typeof decisionSchema> = {
  schema: decisionSchema,
  messages: {
    decision: { default: 'Select the decision the profile supports' },
    reasoning: { required: 'Enter your reasoning: what in the profile led to this decision', default: 'The reasoning must be 4,000 characters or fewer' },
    leadConsulted: { default: 'Select whether you consulted the safeguarding lead' },
    leadName: { default: 'The name must be 200 characters or fewer' },
    confirmingLead: { default: 'Choose one of the safeguarding leads listed' },
    profileVersion: { default: 'Open the decision page again from the profile' },
  },
};

const CONFIRM_ANSWERS = ['confirmed', 'overturned'] as const;
const confirmationSchema = Type.Object({
  answer: oneOf(CONFIRM_ANSWERS),
  reasoning: Type.String({ minLength: 1, maxLength: 4000 }),
});

/** A safeguarding lead confirming or overturning a decision awaiting confirmation (ADR 0027). */
export const confirmationForm: FormSpec<typeof confirmationSchema> = {
  schema: confirmationSchema,
  messages: {
    answer: { default: 'Select whether you confirm or overturn the decision' },
    reasoning: { required: 'Enter your reasoning: why you confirm or overturn the decision', default: 'The reasoning must be 4,000 characters or fewer' },
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
  level: oneOf(CASE_LEVEL_IDS),
  why: Type.String({ minLength: 1, maxLength: 4000 }),
});

export const levelForm: FormSpec<typeof levelSchema> = {
  schema: levelSchema,
  messages: {
    level: { default: 'Select the level of support' },
    why: { required: 'Enter why the level is changing', default: 'The reason must be 4,000 characters or fewer' },
  },
};

const proposalSchema = Type.Object({
  level: oneOf(CASE_LEVEL_IDS),
  reason: Type.String({ minLength: 1, maxLength: 4000 }),
});

/** Proposing a change of level, for someone who may not change it. */
export const proposalForm: FormSpec<typeof proposalSchema> = {
  schema: proposalSchema,
  messages: {
    level: { default: 'Select the level you propose' },
    reason: { required: 'Enter why the level should change', default: 'The reason must be 4,000 characters or fewer' },
  },
};

const ANSWERS = ['accept', 'decline'] as const;
const proposalDecisionSchema = Type.Object({
  answer: oneOf(ANSWERS),
  reason: Type.Optional(Type.String({ maxLength: 4000 })),
});

/** Accepting or declining a proposal (a reason is needed to decline: the use case says so). */
export const proposalDecisionForm: FormSpec<typeof proposalDecisionSchema> = {
  schema: proposalDecisionSchema,
  messages: {
    answer: { default: 'Select whether you accept or decline the proposal' },
    reason: { default: 'The reason must be 4,000 characters or fewer' },
  },
};
