// The sign-in form: its fields, its checks and its words.
import { Type } from 'typebox';
import type { FormSpec } from '../../forms/validate-form.ts';

export const signInForm = {
  schema: Type.Object({
    email: Type.String({ format: 'email', maxLength: 320 }),
    password: Type.String({ maxLength: 256 }),
    returnTo: Type.Optional(Type.String()),
  }),
  messages: {
    email: {
      required: 'Enter your email address',
      format: 'Enter an email address in the correct format, like name@example.org',
      default: 'Enter your email address',
    },
    password: { required: 'Enter your password', default: 'Enter your password' },
  },
} satisfies FormSpec<ReturnType<typeof Type.Object>>;
