// A discharge plan for a baby leaving a neonatal unit or a hospital stay (docs/domain.md, "Discharge
// plan"): which stay and when the baby goes home, who sees the baby first at home and by when, the
// feeding and handling advice (needed for a fragile baby: Derby and Derbyshire review 5.26), the
// follow-up appointments, whether the social worker and the GP were told, and who planned it. The
// NSPCC's "Infants: learning from case reviews" asks for a multi-disciplinary discharge plan for
// premature babies who spent their first weeks in hospital; Infant 2 (Derby and Derbyshire review
// 5.23) went home after a stay without the allocated social worker being told.
import type { OrganisationKind } from '../shared/organisation-kinds.ts';

export const STAY_KINDS = ['neonatal-unit', 'hospital'] as const;
export type StayKind = (typeof STAY_KINDS)[number];

/** Plain words for each kind of stay, as a page says them ("Discharge from …"). */
export const STAY_KIND_LABELS: Record<StayKind, string> = {
  'neonatal-unit': 'a neonatal unit',
  hospital: 'a hospital stay',
};

export function isStayKind(value: string): value is StayKind {
  return (STAY_KINDS as readonly string[]).includes(value);
}

export const DISCHARGE_LIMITS = {
  name: 200,
  advice: 4000,
  what: 300,
  where: 300,
  followUps: 20,
  attendees: 40,
} as const;

/** A discharge may be planned at most this many days ahead of the day it is recorded. */
export const DISCHARGE_PLANNED_UP_TO_DAYS = 28;

/** A first home visit later than this many working days after the discharge is allowed, and noted. */
export const FIRST_VISIT_WITHIN_WORKING_DAYS = 2;

/** Why a baby counts as fragile, so the plan must give feeding and handling advice. */
export type FragileReason = 'preterm' | 'low-birth-weight' | 'neonatal-stay';

export const FRAGILE_REASON_TEXT: Record<FragileReason, string> = {
  preterm: 'born before 37 weeks',
  'low-birth-weight': 'born weighing under 2,500 g',
  'neonatal-stay': 'after a stay in a neonatal unit',
};

export interface FirstVisit {
  /** The kind of agency that sees the baby first at home: health visiting, midwifery, the hospital's outreach… */
  agency: OrganisationKind;
  /** Who: a name, with their role if useful. */
  name: string;
  /** The last day the first home visit should happen. */
  by: string;
}

export interface FollowUp {
  what: string;
  where: string;
  on: string;
}

export interface Attendee {
  name: string;
  agency: OrganisationKind;
}

/** Told on a day, by someone named. */
export interface Told {
  status: 'told';
  toldOn: string;
  toldBy: string;
}

export type SocialWorkerTold = Told | { status: 'no-social-worker' };
export type GpTold = Told | { status: 'not-yet-told' };

export const SOCIAL_WORKER_STATUSES = ['told', 'no-social-worker'] as const;
export const GP_STATUSES = ['told', 'not-yet-told'] as const;

/** A discharge plan as recorded: checked and trimmed (discharge-plan-rules.ts). */
export interface DischargePlan {
  stay: StayKind;
  dischargeOn: string;
  firstVisit: FirstVisit;
  /** Required for a fragile baby; may be left out otherwise. */
  feedingAndHandling?: string;
  followUps: FollowUp[];
  socialWorker: SocialWorkerTold;
  gp: GpTold;
  /** Who took part in planning the discharge (optional). */
  attendees: Attendee[];
  /** Why the baby counted as fragile when the plan was recorded (none: not fragile). */
  fragile: FragileReason[];
}

/** A discharge plan as sent, before it is checked: anything may be missing or wrong. */
export interface DischargePlanDraft {
  stay: string;
  dischargeOn: string;
  firstVisit: { agency: string; name: string; by: string };
  feedingAndHandling?: string;
  followUps?: { what: string; where: string; on: string }[];
  socialWorker: { status: string; toldOn?: string; toldBy?: string };
  gp: { status: string; toldOn?: string; toldBy?: string };
  attendees?: { name: string; agency: string }[];
}

/** What the checks need to know about the baby and the team. */
export interface DischargeContext {
  /** The service's day. */
  today: string;
  born: boolean;
  dateOfBirth: string | null;
  gestationAtBirthWeeks: number | null;
  birthWeightGrams: number | null;
  /** A neonatal admission or discharge is in the chronology. */
  hadNeonatalStay: boolean;
  /** Someone from children's social care is in the team around the family. */
  teamHasSocialWorker: boolean;
}
