// The kinds of agency in a safeguarding partnership, with the words practitioners use for them.
export const ORGANISATION_KINDS = {
  midwifery: 'Midwifery',
  'health-visiting': 'Health visiting',
  gp: 'GP practice',
  hospital: 'Hospital',
  'childrens-social-care': "Children's social care",
  police: 'Police',
  housing: 'Housing',
  'adult-mental-health': 'Adult mental health',
  'substance-misuse': 'Substance misuse service',
  'early-help': 'Early help',
  education: 'Education',
} as const;

export type OrganisationKind = keyof typeof ORGANISATION_KINDS;

export function isOrganisationKind(value: string): value is OrganisationKind {
  return Object.hasOwn(ORGANISATION_KINDS, value);
}
