// The form that adds a practitioner to the team around the family.
import { Type } from 'typebox';
import { TEAM_ROLES, type TeamRole } from '../../../domain/access/case-access.ts';
import { choiceItems, oneOf } from '../../forms/choices.ts';
import type { FormSpec } from '../../forms/validate-form.ts';

const addMemberSchema = Type.Object({
  email: Type.String({ format: 'email', maxLength: 320 }),
  role: oneOf(TEAM_ROLES),
});

export const addMemberForm: FormSpec<typeof addMemberSchema> = {
  schema: addMemberSchema,
  messages: {
    email: {
      required: 'Enter the practitioner’s work email address',
      format: 'Enter an email address in the correct format, like name@example.org',
      default: 'Enter the practitioner’s work email address',
    },
    role: { default: 'Select their role in the team' },
  },
};

/** The roles in the team, as the form offers them. */
export const ROLE_ITEMS = choiceItems<TeamRole>({
  member: 'Team member',
  'lead-professional': { text: 'Lead professional', hint: 'The current lead professional becomes a team member.' },
});
