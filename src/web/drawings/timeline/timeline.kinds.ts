// Which marker each kind of entry gets: seven groups, each with its own shape as well as its own
// colour, so the picture reads in black and white and to people who do not see the colours.
import type { EventKindId } from '../../../domain/catalogue/event-kinds.ts';

export type MarkerShape = 'circle' | 'triangle' | 'plus' | 'star' | 'cross' | 'square' | 'diamond';

export type MarkerGroupId = 'contact' | 'police' | 'health' | 'injury' | 'not-brought' | 'meeting' | 'other';

export interface MarkerGroup {
  id: MarkerGroupId;
  /** For the key and the text alternative. */
  label: string;
  shape: MarkerShape;
  fill: string;
}

/** In the key's order. Colours from the GOV.UK palette; every marker also has a near-black outline. */
export const MARKER_GROUPS: readonly MarkerGroup[] = [
  { id: 'contact', label: 'Contact or visit', shape: 'circle', fill: '#1d70b8' },
  { id: 'not-brought', label: 'Not brought to an appointment', shape: 'cross', fill: '#f47738' },
  { id: 'health', label: 'Health or hospital', shape: 'plus', fill: '#00703c' },
  { id: 'injury', label: 'Injury', shape: 'star', fill: '#d4351c' },
  { id: 'police', label: 'Police incident', shape: 'triangle', fill: '#4c2c92' },
  { id: 'meeting', label: 'Meeting, referral or assessment', shape: 'square', fill: '#505a5f' },
  { id: 'other', label: 'Change in the family, information or note', shape: 'diamond', fill: '#b1b4b6' },
];

// Typed by kind, so a new kind in the catalogue cannot be left without a marker.
const GROUP_OF: Record<EventKindId, MarkerGroupId> = {
  'home-visit': 'contact',
  'clinic-contact': 'contact',
  'gp-consultation': 'contact',
  'safe-sleep-discussion': 'contact',
  'coping-with-crying-discussion': 'contact',
  'was-not-brought': 'not-brought',
  'antenatal-booking': 'health',
  birth: 'health',
  'neonatal-admission': 'health',
  'neonatal-discharge': 'health',
  'hospital-admission': 'health',
  'hospital-discharge': 'health',
  'emergency-attendance': 'health',
  'injury-observed': 'injury',
  'police-domestic-abuse-incident': 'police',
  'police-incident': 'police',
  referral: 'meeting',
  'referral-decision': 'meeting',
  'core-group': 'meeting',
  'discharge-plan': 'health',
  'gp-informed': 'other',
  'strategy-discussion': 'meeting',
  'assessment-completed': 'meeting',
  conference: 'meeting',
  'plan-review': 'meeting',
  'substance-use-increase': 'other',
  'mental-health-deterioration': 'other',
  'relationship-breakdown': 'other',
  'new-adult-in-household': 'other',
  'adult-left-household': 'other',
  'animal-mistreatment': 'other',
  'new-pregnancy': 'other',
  'sibling-born': 'other',
  'change-of-address': 'other',
  'information-from-family': 'other',
  'case-note': 'other',
  'new-birth-visit': 'contact',
  'six-to-eight-week-review': 'contact',
  'antenatal-appointment': 'contact',
  'phone-or-video-call': 'contact',
  'joint-visit': 'contact',
  'unannounced-visit': 'contact',
  'safeguarding-flag': 'other',
};

const BY_ID = new Map(MARKER_GROUPS.map((group) => [group.id, group]));

/** The marker group of a kind; a kind the catalogue no longer has is "other". */
export function markerGroupOf(kind: string): MarkerGroup {
  return BY_ID.get((GROUP_OF as Partial<Record<string, MarkerGroupId>>)[kind] ?? 'other')!;
}
