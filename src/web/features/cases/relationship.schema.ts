// The form that records a relationship between two people around the baby.
import { Type } from 'typebox';
import { PERSON_RELATIONSHIP_KINDS, type PersonRelationshipKind } from '../../../domain/people/relationships.ts';
import { choiceItems, oneOf } from '../../forms/choices.ts';
import type { FormSpec } from '../../forms/validate-form.ts';

const relationshipSchema = Type.Object({
  personId: Type.String({ minLength: 1, maxLength: 100 }),
  kind: oneOf(Object.keys(PERSON_RELATIONSHIP_KINDS) as PersonRelationshipKind[]),
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

/** How two people are related, as the form offers it. */
export const KIND_ITEMS = choiceItems<PersonRelationshipKind>({
  partners: 'They are partners',
  separated: 'They are separated',
  'ex-partners': 'They are former partners',
  'parent-of': 'The first person is a parent of the second',
});
