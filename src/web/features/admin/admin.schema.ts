// The admin forms: a new organisation, a new practitioner account, and the audit trail filters (its
// from and to dates are GOV.UK date inputs, read by audit-filter-dates.ts).
import { Type } from 'typebox';
import { AUDIT_OUTCOMES, type AuditOutcome } from '../../../domain/shared/audit-outcomes.ts';
import { ORGANISATION_KINDS, type OrganisationKind } from '../../../domain/shared/organisation-kinds.ts';
import { MIN_PASSWORD_LENGTH } from '../../../domain/shared/password-policy.ts';
import { ROLES } from '../../../domain/shared/roles.ts';
import { choiceItems, oneOf } from '../../forms/choices.ts';
import type { FormSpec } from '../../forms/validate-form.ts';

const organisationSchema = Type.Object({
  name: Type.String({ maxLength: 200 }),
  kind: oneOf(Object.keys(ORGANISATION_KINDS) as OrganisationKind[]),
});

export const organisationForm: FormSpec<typeof organisationSchema> = {
  schema: organisationSchema,
  messages: {
    name: { required: 'Enter the name of the organisation', maxLength: 'Name must be 200 characters or fewer', default: 'Enter the name of the organisation' },
    kind: { default: 'Select the kind of organisation' },
  },
};

const userSchema = Type.Object({
  name: Type.String({ maxLength: 200 }),
  email: Type.String({ format: 'email', maxLength: 320 }),
  organisationId: Type.String({ minLength: 1 }),
  role: oneOf(ROLES),
  password: Type.String({ minLength: MIN_PASSWORD_LENGTH, maxLength: 256 }),
});

export const userForm: FormSpec<typeof userSchema> = {
  schema: userSchema,
  messages: {
    name: { required: 'Enter the practitioner’s full name', default: 'Name must be 200 characters or fewer' },
    email: {
      required: 'Enter their work email address',
      format: 'Enter an email address in the correct format, like name@example.org',
      default: 'Enter their work email address',
    },
    organisationId: { default: 'Select their organisation' },
    role: { default: 'Select their role' },
    password: {
      required: 'Enter a first password for them',
      minLength: `Password must be at least ${MIN_PASSWORD_LENGTH} characters long`,
      default: 'Password must be 256 characters or fewer',
    },
  },
};

const auditFilterSchema = Type.Object({
  actorEmail: Type.Optional(Type.String({ format: 'email' })),
  action: Type.Optional(Type.String({ pattern: '^[a-z0-9.-]+$', maxLength: 100 })),
  outcome: Type.Optional(oneOf(AUDIT_OUTCOMES)),
  caseId: Type.Optional(Type.String({ maxLength: 100 })),
  page: Type.Optional(Type.String({ pattern: '^[1-9]\\d{0,5}$' })),
});

export const auditFilterForm: FormSpec<typeof auditFilterSchema> = {
  schema: auditFilterSchema,
  messages: {
    actorEmail: { default: 'Enter an email address in the correct format, like name@example.org' },
    action: { default: 'Enter an action such as sign-in or user.create' },
    outcome: { default: 'Select an outcome' },
    caseId: { default: 'Enter a case reference of 100 characters or fewer' },
    page: { default: 'Page must be a number' },
  },
};

/** The audit trail's outcome filter: any, or one of the domain's outcomes. */
export const OUTCOME_ITEMS = [{ value: '', text: 'Any' }, ...choiceItems<AuditOutcome>({ success: 'Success', failure: 'Failure', denied: 'Denied' })];
