// The form that grants an account the partnership view: its email address.
import { Type } from 'typebox';
import type { FormSpec } from '../../forms/validate-form.ts';

const grantSchema = Type.Object({ email: Type.String({ format: 'email', maxLength: 320 }) });

export const grantForm: FormSpec<typeof grantSchema> = {
  schema: grantSchema,
  messages: {
    email: {
      required: 'Enter the email address of the account to grant the partnership view',
      format: 'Enter an email address in the correct format, like name@example.org',
      default: 'Enter the email address of the account to grant the partnership view',
    },
  },
};
