// The form that records a relationship between two people around the baby.
import { Type } from 'typebox';
import type { FormSpec } from '../../forms/validate-form.ts';

const relationshipSchema = Type.Object({
  personId: Type.String({ minLength: 1, maxLength: 100 }),
  kind: Type.Union([Type.Literal('partners'), Type.Literal('ex-partners'), Type.Literal('separated'), Type.Literal('parent-of')]),
  otherPersonId: Type.String({ minLength: 1, maxLength: 100 }),
});

export const relationshipForm: FormSpec<typeof relationshipSchema> = {
  schema: relationshipSchema,
  messages: {
    personId: { default: 'Choose the first person' },
    kind: { default: 'Select how they are related' },
    otherPersonId: { default: 'Choose the second person' },
  },
};
