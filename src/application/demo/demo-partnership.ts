// The demo partnership's data: organisations of every kind, a practitioner in each role, and
// synthetic families. Every name is invented. Dates are offsets from the day the demo is seeded.
import type { TeamRole } from '../../domain/access/case-access.ts';
import type { YesNoNotKnown } from '../../domain/people/person-rules.ts';
import type { PersonRelationshipKind } from '../../domain/people/relationships.ts';
import type { CaseLevel } from '../../domain/shared/case-levels.ts';
import type { OrganisationKind } from '../../domain/shared/organisation-kinds.ts';
import type { Role } from '../../domain/shared/roles.ts';

export const DEMO_PASSWORD = 'demo-password';

export interface DemoOrganisation {
  key: string;
  name: string;
  kind: OrganisationKind;
}

export interface DemoAccount {
  key: string;
  email: string;
  name: string;
  organisation: string;
  role: Role;
  what: string;
}

export interface DemoPerson {
  givenName: string | null;
  sex?: 'female' | 'male';
  familyName: string | null;
  ageYears?: number;
  relationship: string;
  livesInHousehold: boolean;
  caresForInfant: boolean;
  visitsRegularly?: boolean;
  parentalResponsibility?: YesNoNotKnown;
  paternityConfirmed?: YesNoNotKnown;
  description?: string;
  /** Checked with police, children's social care and health. Left unchecked, an adult shows as hidden risk. */
  historyChecked?: boolean;
}

export interface DemoFamily {
  givenName: string | null;
  familyName: string;
  /** Negative: born that many days ago. Positive: due in that many days. */
  dayOffset: number;
  sex?: 'female' | 'male';
  gestationAtBirthWeeks?: number;
  birthWeightGrams?: number;
  level: CaseLevel;
  people: DemoPerson[];
  /** Between people, by their index in `people`. */
  relationships: { from: number; to: number; kind: PersonRelationshipKind }[];
  team: { account: string; role: TeamRole }[];
}

export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  { key: 'midwifery', name: 'Northfield Midwifery Service', kind: 'midwifery' },
  { key: 'health-visiting', name: 'Northfield Health Visiting Team', kind: 'health-visiting' },
  { key: 'gp', name: 'Riverside GP Practice', kind: 'gp' },
  { key: 'hospital', name: 'Northfield General Hospital', kind: 'hospital' },
  { key: 'csc', name: "Northfield Children's Social Care", kind: 'childrens-social-care' },
  { key: 'police', name: 'Northfield Police Public Protection Unit', kind: 'police' },
  { key: 'housing', name: 'Northfield Housing Options', kind: 'housing' },
  { key: 'amh', name: 'Northfield Adult Mental Health Team', kind: 'adult-mental-health' },
  { key: 'substance', name: 'Northfield Recovery Service', kind: 'substance-misuse' },
];

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { key: 'midwife', email: 'midwife@demo.example', name: 'Amira Hussain', organisation: 'midwifery', role: 'practitioner', what: 'community midwife' },
  { key: 'health-visitor', email: 'health-visitor@demo.example', name: 'Claire Dobson', organisation: 'health-visiting', role: 'practitioner', what: 'health visitor' },
  { key: 'gp', email: 'gp@demo.example', name: 'Dr Sanjay Patel', organisation: 'gp', role: 'practitioner', what: 'GP' },
  { key: 'hospital', email: 'hospital@demo.example', name: 'Helen Brooks', organisation: 'hospital', role: 'practitioner', what: 'neonatal nurse' },
  { key: 'social-worker', email: 'social-worker@demo.example', name: 'Tom Adeyemi', organisation: 'csc', role: 'practitioner', what: 'social worker' },
  { key: 'police', email: 'police@demo.example', name: 'DC Ben Carter', organisation: 'police', role: 'practitioner', what: 'police officer' },
  { key: 'housing', email: 'housing@demo.example', name: 'Lisa Moran', organisation: 'housing', role: 'practitioner', what: 'housing officer' },
  { key: 'mental-health', email: 'mental-health@demo.example', name: 'Dr Ellen Ward', organisation: 'amh', role: 'practitioner', what: 'adult mental health nurse' },
  { key: 'substance-misuse', email: 'substance-misuse@demo.example', name: 'Kieran Doyle', organisation: 'substance', role: 'practitioner', what: 'recovery worker' },
  { key: 'safeguarding-lead', email: 'safeguarding-lead@demo.example', name: 'Priya Shah', organisation: 'csc', role: 'safeguarding-lead', what: "children's social care safeguarding lead" },
  { key: 'health-safeguarding-lead', email: 'health-safeguarding-lead@demo.example', name: 'Mark Ellis', organisation: 'health-visiting', role: 'safeguarding-lead', what: 'health visiting safeguarding lead' },
  { key: 'manager', email: 'manager@demo.example', name: 'Joanne Fraser', organisation: 'csc', role: 'manager', what: 'team manager' },
  { key: 'admin', email: 'admin@demo.example', name: 'Sam Taylor', organisation: 'csc', role: 'admin', what: 'administrator' },
];

/**
 * Teams within an organisation (docs/adr/0019-teams.md), by the accounts' keys: children's social care's
 * two, so that its manager's dashboard shows the breakdown by team (the social worker's cases in one).
 */
export const DEMO_TEAMS: { organisation: string; name: string; members: string[] }[] = [
  { organisation: 'csc', name: 'Assessment team', members: ['social-worker'] },
  { organisation: 'csc', name: 'Child protection team', members: ['safeguarding-lead'] },
];

export const DEMO_FAMILIES: DemoFamily[] = [
  {
    givenName: null,
    familyName: 'Ashworth',
    dayOffset: 70,
    level: 'early-help',
    people: [
      { givenName: 'Kayleigh', sex: 'female', familyName: 'Ashworth', ageYears: 19, relationship: 'mother', livesInHousehold: true, caresForInfant: true, parentalResponsibility: 'yes', historyChecked: true },
      { givenName: null, familyName: null, relationship: 'mothers-partner', livesInHousehold: true, caresForInfant: true, description: "Mother's new partner, name unknown" },
      { givenName: 'Denise', sex: 'female', familyName: 'Ashworth', ageYears: 44, relationship: 'grandparent', livesInHousehold: false, caresForInfant: false, visitsRegularly: true, historyChecked: true },
    ],
    relationships: [{ from: 0, to: 1, kind: 'partners' }, { from: 2, to: 0, kind: 'parent-of' }],
    team: [
      { account: 'midwife', role: 'lead-professional' },
      { account: 'social-worker', role: 'member' },
    ],
  },
  {
    givenName: 'Ruby',
    familyName: 'Okafor',
    dayOffset: -42,
    sex: 'female',
    gestationAtBirthWeeks: 34,
    birthWeightGrams: 2100,
    level: 'universal',
    people: [
      { givenName: 'Grace', sex: 'female', familyName: 'Okafor', ageYears: 27, relationship: 'mother', livesInHousehold: true, caresForInfant: true, parentalResponsibility: 'yes', historyChecked: true },
      { givenName: 'Daniel', sex: 'male', familyName: 'Mensah', ageYears: 29, relationship: 'father', livesInHousehold: false, caresForInfant: true, visitsRegularly: true, parentalResponsibility: 'yes', paternityConfirmed: 'yes', description: 'Separated from Grace; sees Ruby at weekends', historyChecked: true },
      { givenName: 'Tyler', sex: 'male', familyName: 'Okafor', ageYears: 3, relationship: 'half-sibling', livesInHousehold: true, caresForInfant: false },
    ],
    relationships: [{ from: 0, to: 1, kind: 'separated' }, { from: 0, to: 2, kind: 'parent-of' }],
    team: [
      { account: 'health-visitor', role: 'lead-professional' },
      { account: 'gp', role: 'member' },
      { account: 'hospital', role: 'member' },
    ],
  },
  {
    givenName: 'Leo',
    familyName: 'Hartley',
    dayOffset: -120,
    sex: 'male',
    birthWeightGrams: 3600,
    level: 'universal',
    people: [
      { givenName: 'Sarah', sex: 'female', familyName: 'Hartley', ageYears: 31, relationship: 'mother', livesInHousehold: true, caresForInfant: true, parentalResponsibility: 'yes', historyChecked: true },
      { givenName: 'James', sex: 'male', familyName: 'Hartley', ageYears: 33, relationship: 'father', livesInHousehold: true, caresForInfant: true, parentalResponsibility: 'yes', paternityConfirmed: 'yes', historyChecked: true },
      { givenName: 'Mia', sex: 'female', familyName: 'Hartley', ageYears: 1, relationship: 'sibling', livesInHousehold: true, caresForInfant: false },
    ],
    relationships: [{ from: 0, to: 1, kind: 'partners' }, { from: 0, to: 2, kind: 'parent-of' }, { from: 1, to: 2, kind: 'parent-of' }],
    team: [
      { account: 'health-visitor', role: 'lead-professional' },
      { account: 'gp', role: 'member' },
    ],
  },
  {
    givenName: 'Oliwia',
    familyName: 'Nowak',
    dayOffset: -60,
    sex: 'female',
    birthWeightGrams: 3200,
    level: 'child-protection',
    people: [
      { givenName: 'Agnieszka', sex: 'female', familyName: 'Nowak', ageYears: 24, relationship: 'mother', livesInHousehold: true, caresForInfant: true, parentalResponsibility: 'yes', historyChecked: true },
      // Not checked on purpose: a named partner who moved in still shows as hidden risk.
      { givenName: 'Ryan', sex: 'male', familyName: 'Cole', ageYears: 30, relationship: 'mothers-partner', livesInHousehold: true, caresForInfant: true, description: 'Moved in two weeks after the birth' },
      { givenName: 'Piotr', sex: 'male', familyName: 'Nowak', ageYears: 28, relationship: 'father', livesInHousehold: false, caresForInfant: false, parentalResponsibility: 'yes', paternityConfirmed: 'no', description: 'Whereabouts not known', historyChecked: true },
    ],
    relationships: [{ from: 0, to: 1, kind: 'partners' }, { from: 0, to: 2, kind: 'ex-partners' }],
    team: [
      { account: 'social-worker', role: 'lead-professional' },
      { account: 'health-visitor', role: 'member' },
      { account: 'police', role: 'member' },
      { account: 'substance-misuse', role: 'member' },
      { account: 'mental-health', role: 'member' },
      { account: 'housing', role: 'member' },
    ],
  },
  {
    givenName: null,
    familyName: 'Pearce',
    dayOffset: 120,
    level: 'child-in-need',
    people: [
      { givenName: 'Jade', sex: 'female', familyName: 'Pearce', ageYears: 22, relationship: 'mother', livesInHousehold: true, caresForInfant: true, parentalResponsibility: 'yes', historyChecked: true },
      { givenName: 'Liam', sex: 'male', familyName: 'Pearce', ageYears: 23, relationship: 'father', livesInHousehold: true, caresForInfant: true, parentalResponsibility: 'yes', paternityConfirmed: 'yes', historyChecked: true },
    ],
    relationships: [{ from: 0, to: 1, kind: 'partners' }],
    team: [
      { account: 'midwife', role: 'lead-professional' },
      { account: 'social-worker', role: 'member' },
      { account: 'mental-health', role: 'member' },
    ],
  },
];
