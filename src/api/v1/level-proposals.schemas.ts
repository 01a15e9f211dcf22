// The level proposals API's schemas: a proposal to change the level of support, and its answer.
import { Type } from 'typebox';
import { CaseLevelSchema } from './profile.schemas.ts';
import { requiredText } from './schemas.ts';

export const LevelProposalBody = Type.Object(
  {
    level: CaseLevelSchema,
    reason: requiredText(4000, 'Why the level should change: the lead professional or a safeguarding lead reads it'),
  },
  { additionalProperties: false },
);

export const LevelProposalDecisionBody = Type.Object(
  {
    accept: Type.Boolean({ description: 'true: the level changes to the one proposed (a new profile version); false: declined' }),
    reason: Type.String({ maxLength: 4000, description: 'Needed to decline (the proposer sees it); when accepting, the reason for the change of level (the proposal’s own when empty)' }),
  },
  { additionalProperties: false },
);

export const LevelProposal = Type.Object(
  {
    id: Type.String(),
    from: CaseLevelSchema,
    to: CaseLevelSchema,
    reason: Type.String(),
    proposedAt: Type.String({ format: 'date-time' }),
    proposedBy: Type.String({ description: 'The name of who proposed it' }),
    proposedById: Type.Union([Type.String(), Type.Null()], { description: 'Their user id' }),
    agency: Type.String({ description: 'Their organisation' }),
    status: Type.Union([Type.Literal('open'), Type.Literal('accepted'), Type.Literal('declined')]),
    decidedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    decidedBy: Type.Union([Type.String(), Type.Null()]),
    decisionReason: Type.Union([Type.String(), Type.Null()]),
    profileVersion: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], { description: 'The profile version the accepted change of level wrote' }),
  },
  { additionalProperties: false },
);

export const LevelProposals = Type.Object({ proposals: Type.Array(LevelProposal, { description: 'Latest first; at most one open' }) }, { additionalProperties: false });

export const LevelProposalCreated = Type.Object({ id: Type.String() }, { additionalProperties: false });

export const LevelProposalDecided = Type.Object(
  {
    status: Type.Union([Type.Literal('accepted'), Type.Literal('declined')]),
    level: CaseLevelSchema,
    version: Type.Integer({ minimum: 0, description: 'The profile version after the answer (a new one when accepted)' }),
  },
  { additionalProperties: false },
);
