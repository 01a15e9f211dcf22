// The kinds of entry, grouped the way practitioners look for them in the "kind" list. Typed by
// kind, so a new kind in the catalogue cannot be left out of the form.
import { eventKindById } from '../../../domain/catalogue/catalogue.ts';
import { EVENT_KIND_IDS, type EventKindId } from '../../../domain/catalogue/event-kinds.ts';
import { isContactKind } from '../../../domain/chronology/contact-record.ts';

const GROUPS = ['Contacts and appointments', 'Health and hospital', 'Police', 'Changes in the family', 'Meetings and assessments', 'Notes and information'] as const;

const GROUP_OF: Record<EventKindId, (typeof GROUPS)[number]> = {
  'home-visit': 'Contacts and appointments',
  'clinic-contact': 'Contacts and appointments',
  'gp-consultation': 'Contacts and appointments',
  'was-not-brought': 'Contacts and appointments',
  'safe-sleep-discussion': 'Contacts and appointments',
  'coping-with-crying-discussion': 'Contacts and appointments',
  'antenatal-booking': 'Health and hospital',
  birth: 'Health and hospital',
  'neonatal-admission': 'Health and hospital',
  'neonatal-discharge': 'Health and hospital',
  'hospital-admission': 'Health and hospital',
  'hospital-discharge': 'Health and hospital',
  'emergency-attendance': 'Health and hospital',
  'injury-observed': 'Health and hospital',
  'police-domestic-abuse-incident': 'Police',
  'police-incident': 'Police',
  'substance-use-increase': 'Changes in the family',
  'mental-health-deterioration': 'Changes in the family',
  'relationship-breakdown': 'Changes in the family',
  'new-adult-in-household': 'Changes in the family',
  'adult-left-household': 'Changes in the family',
  'animal-mistreatment': 'Changes in the family',
  'new-pregnancy': 'Changes in the family',
  'sibling-born': 'Changes in the family',
  'change-of-address': 'Changes in the family',
  referral: 'Meetings and assessments',
  'referral-decision': 'Meetings and assessments',
  'core-group': 'Meetings and assessments',
  'discharge-plan': 'Health and hospital',
  'gp-informed': 'Notes and information',
  'strategy-discussion': 'Meetings and assessments',
  'assessment-completed': 'Meetings and assessments',
  conference: 'Meetings and assessments',
  'plan-review': 'Meetings and assessments',
  'information-from-family': 'Notes and information',
  'case-note': 'Notes and information',
  'new-birth-visit': 'Contacts and appointments',
  'six-to-eight-week-review': 'Contacts and appointments',
  'antenatal-appointment': 'Contacts and appointments',
  'phone-or-video-call': 'Contacts and appointments',
  'joint-visit': 'Contacts and appointments',
  'unannounced-visit': 'Contacts and appointments',
  'safeguarding-flag': 'Notes and information',
};

/** The plain label of a kind, or the stored id when the catalogue no longer has it. */
export function kindLabel(kind: string): string {
  return eventKindById(kind)?.label ?? kind;
}

/** The groups of the "kind" list, each kind with its label and whether it brings a review forward. */
export const KIND_GROUPS = GROUPS.map((label) => ({
  label,
  kinds: EVENT_KIND_IDS.filter((id) => GROUP_OF[id] === label).map((id) => ({ value: id, text: `${kindLabel(id)}${eventKindById(id)?.trigger ? ' (review trigger)' : ''}` })),
}));

/** The kinds a new entry may take on the add-entry form: not a contact with the family, which the contact form records with the plan's checks. */
export const NEW_ENTRY_KIND_GROUPS = KIND_GROUPS.map((group) => ({ ...group, kinds: group.kinds.filter((kind) => !isContactKind(kind.value)) })).filter((group) => group.kinds.length > 0);
