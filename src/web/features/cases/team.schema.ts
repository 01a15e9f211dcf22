// The form that adds a practitioner to the team around the family.
import { Type } from 'typebox';
import type { FormSpec } from '../../forms/validate-form.ts';

const addMemberSchema = Type.Object({
  email: Type.String({ format: 'email', maxLength: 320 }),
  role: Type.Union([Type.Literal('member'), Type.Literal('lead-professional')]),
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
