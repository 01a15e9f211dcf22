// A baby's chronology from antenatal booking to yesterday: routine contacts most (home visits,
// clinic contacts, GP consultations), incidents rare, and for the few escalating families a last
// stretch with more incidents, missed appointments and an injury. About 50 entries per baby.
import { eventKindById } from '../domain/catalogue/catalogue.ts';
import type { EventKindId } from '../domain/catalogue/event-kinds.ts';
import type { OrganisationKind } from '../domain/shared/organisation-kinds.ts';
import type { Random } from '../domain/shared/seeded-random.ts';
import { addDays, daysFrom } from '../domain/shared/calendar-date.ts';
import { momentOn } from './synthetic-days.ts';
import type { FamilyWorker } from './synthetic-staff.ts';
import type { SyntheticEntry, SyntheticPerson } from './synthetic.types.ts';

/** Entries per day before and after the birth, for an average family. */
const ANTENATAL_RATE = 0.1;
const POSTNATAL_RATE = 0.19;

type Weights = Partial<Record<EventKindId, number>>;

const ANTENATAL: Weights = { 'clinic-contact': 50, 'home-visit': 25, 'gp-consultation': 15, 'case-note': 5, 'was-not-brought': 3, 'information-from-family': 2 };

const POSTNATAL: Weights = {
  'home-visit': 30,
  'clinic-contact': 20,
  'gp-consultation': 15,
  'case-note': 8,
  'safe-sleep-discussion': 4,
  'coping-with-crying-discussion': 4,
  'was-not-brought': 3,
  'information-from-family': 2,
  'emergency-attendance': 1.2,
  referral: 0.5,
  'hospital-admission': 0.4,
  'change-of-address': 0.4,
  'assessment-completed': 0.3,
  'police-incident': 0.3,
  'police-domestic-abuse-incident': 0.3,
  'mental-health-deterioration': 0.3,
  'substance-use-increase': 0.2,
  'relationship-breakdown': 0.2,
  'new-adult-in-household': 0.1,
  'adult-left-household': 0.1,
  'new-pregnancy': 0.1,
  'animal-mistreatment': 0.02,
};

const ESCALATION: Weights = { 'police-domestic-abuse-incident': 30, 'was-not-brought': 30, 'substance-use-increase': 12, 'emergency-attendance': 12, 'police-incident': 8, 'case-note': 8 };

const AGENCY: Record<EventKindId, OrganisationKind> = {
  'antenatal-booking': 'midwifery',
  birth: 'hospital',
  'neonatal-admission': 'hospital',
  'neonatal-discharge': 'hospital',
  'hospital-admission': 'hospital',
  'hospital-discharge': 'hospital',
  'emergency-attendance': 'hospital',
  'home-visit': 'health-visiting',
  'clinic-contact': 'health-visiting',
  'gp-consultation': 'gp',
  'was-not-brought': 'gp',
  'injury-observed': 'health-visiting',
  'police-domestic-abuse-incident': 'police',
  'police-incident': 'police',
  'substance-use-increase': 'substance-misuse',
  'mental-health-deterioration': 'adult-mental-health',
  'relationship-breakdown': 'health-visiting',
  'new-adult-in-household': 'health-visiting',
  'adult-left-household': 'health-visiting',
  'animal-mistreatment': 'police',
  'new-pregnancy': 'gp',
  'sibling-born': 'midwifery',
  'change-of-address': 'housing',
  referral: 'health-visiting',
  'referral-decision': 'childrens-social-care',
  'core-group': 'childrens-social-care',
  'discharge-plan': 'hospital',
  'gp-informed': 'health-visiting',
  'strategy-discussion': 'childrens-social-care',
  'assessment-completed': 'childrens-social-care',
  conference: 'childrens-social-care',
  'plan-review': 'childrens-social-care',
  'safe-sleep-discussion': 'health-visiting',
  'coping-with-crying-discussion': 'health-visiting',
  'information-from-family': 'early-help',
  'case-note': 'health-visiting',
  'new-birth-visit': 'health-visiting',
  'six-to-eight-week-review': 'health-visiting',
  'antenatal-appointment': 'midwifery',
  'phone-or-video-call': 'health-visiting',
  'joint-visit': 'childrens-social-care',
  'unannounced-visit': 'childrens-social-care',
  'safeguarding-flag': 'hospital',
};

const SUMMARIES: Partial<Record<EventKindId, readonly string[]>> = {
  'home-visit': ['Baby weighed; feeding well', 'Mother tired but coping; home warm and tidy', 'Discussed routines and sleep', 'Baby settled in a cot; parents engaged'],
  'clinic-contact': ['Growth check: weight on the centile', 'Routine check; no concerns raised', 'Immunisations given', 'Advice on feeding given'],
  'gp-consultation': ['Seen for a cold; advice given', 'Routine review', 'Rash reviewed; reassured', 'Mother seen about low mood'],
  'was-not-brought': ['Not brought to the appointment; letter sent', 'Missed clinic; no answer on the phone'],
  'case-note': ['Telephone call with mother', 'Liaised with the GP practice', 'Updated the plan with the family'],
  'police-domestic-abuse-incident': ['Neighbours reported shouting; officers attended', 'Mother reported being pushed; partner left before officers arrived'],
  'emergency-attendance': ['Attended with a high temperature', 'Brought in after a fall from the sofa', 'Breathing difficulty; discharged the same day'],
  'injury-observed': ['Bruise seen on the cheek; no explanation given', 'Mark on the upper arm seen during the visit'],
};

function summaryOf(kind: EventKindId, random: Random): string {
  const choices = SUMMARIES[kind];
  return choices ? random.pick(choices) : (eventKindById(kind)?.label ?? kind);
}

export interface ChronologyPlan {
  random: Random;
  today: string;
  pregnancyStart: string;
  bookingWeeks: number;
  dateOfBirth: string | null;
  gestationAtBirthWeeks: number | null;
  escalating: boolean;
  /** How busy the family is beside the average family (1): below 1 quieter, above busier. */
  intensity: number;
  people: readonly SyntheticPerson[];
  worker(kind: OrganisationKind): FamilyWorker;
  nextId(): string;
}

function carers(people: readonly SyntheticPerson[]) {
  const adults = people.filter((p) => p.relationship !== 'sibling' && p.relationship !== 'half-sibling');
  const mother = adults[0]!;
  const partner = adults.find((p) => p.livesInHousehold && p !== mother && p.caresForInfant);
  return { mother, partner, adults };
}

export function syntheticChronology(plan: ChronologyPlan): SyntheticEntry[] {
  const { random, today } = plan;
  const entries: SyntheticEntry[] = [];
  const { mother, partner, adults } = carers(plan.people);
  const yesterday = addDays(today, -1);
  const booking = addDays(plan.pregnancyStart, plan.bookingWeeks * 7);
  const born = plan.dateOfBirth !== null && plan.dateOfBirth <= yesterday;

  const add = (kind: EventKindId, day: string, extra: Partial<SyntheticEntry> = {}) => {
    if (day > yesterday) return;
    const worker = plan.worker(AGENCY[kind] === 'health-visiting' && (!born || day < plan.dateOfBirth!) ? 'midwifery' : AGENCY[kind]);
    const definition = eventKindById(kind)!;
    const contact = kind === 'home-visit' || kind === 'clinic-contact' || kind === 'gp-consultation';
    const recordedAt = momentOn(day, random.int(30, 540));
    entries.push({
      id: plan.nextId(),
      kind,
      occurredOn: day,
      recordedAt,
      recordedBy: worker.user.id,
      recordedByName: worker.user.name,
      organisationId: worker.organisation.id,
      agency: worker.organisation.name,
      agencyKind: worker.organisation.kind,
      summary: summaryOf(kind, random),
      source: definition.defaultSource,
      personIds: [],
      victimIds: [],
      perpetratorIds: [],
      indicates: [],
      significant: definition.trigger,
      babySeen: contact && born && day >= plan.dateOfBirth! ? random.chance(0.9) : null,
      substance: null,
      gestationWeeks: null,
      ...extra,
    });
  };

  const incident = (kind: EventKindId, day: string) => {
    const person = random.chance(0.7) || !partner ? mother : partner;
    switch (kind) {
      case 'police-domestic-abuse-incident':
        return add(kind, day, { victimIds: [mother.id], perpetratorIds: partner ? [partner.id] : [] });
      case 'substance-use-increase':
        return add(kind, day, { personIds: [person.id], substance: random.chance(0.5) ? 'alcohol' : 'drugs' });
      case 'mental-health-deterioration':
      case 'relationship-breakdown':
        return add(kind, day, { personIds: [person.id] });
      case 'hospital-admission':
        add(kind, day);
        return add('hospital-discharge', addDays(day, random.int(1, 4)));
      case 'information-from-family':
        return add(kind, day, random.chance(0.2) ? { indicates: [{ factorId: 'isolation' }], source: 'third-party', personIds: adults.slice(0, 1).map((p) => p.id) } : {});
      default:
        return add(kind, day);
    }
  };

  const stream = (weights: Weights, from: string, to: string, rate: number) => {
    let t = -Math.log(1 - random.next()) / rate;
    const span = daysFrom(from, to);
    while (t < span) {
      incident(random.weighted(weights as Record<EventKindId, number>), addDays(from, Math.floor(t)));
      t += -Math.log(1 - random.next()) / rate;
    }
  };

  add('antenatal-booking', booking, { gestationWeeks: plan.bookingWeeks, personIds: [mother.id] });
  const end = born ? plan.dateOfBirth! : today;
  stream(ANTENATAL, addDays(booking, 1), end, ANTENATAL_RATE * plan.intensity);
  if (born) {
    add('birth', plan.dateOfBirth!);
    if ((plan.gestationAtBirthWeeks ?? 40) < 35 || random.chance(0.06)) {
      add('neonatal-admission', plan.dateOfBirth!);
      add('neonatal-discharge', addDays(plan.dateOfBirth!, random.int(2, 40)));
    }
    const from = addDays(plan.dateOfBirth!, 1);
    const span = daysFrom(from, today);
    const turn = plan.escalating ? addDays(from, Math.floor(span * random.int(50, 75) / 100)) : today;
    stream(POSTNATAL, from, today, POSTNATAL_RATE * plan.intensity);
    if (plan.escalating && turn < yesterday) {
      add('referral', turn);
      stream(ESCALATION, addDays(turn, 1), today, 0.25);
      const injuryDay = addDays(today, -random.int(1, Math.max(1, Math.min(20, daysFrom(turn, today) - 1))));
      add('injury-observed', injuryDay, { personIds: [] });
      add('strategy-discussion', addDays(injuryDay, 1));
    }
  }
  return entries.sort((a, b) => (a.occurredOn === b.occurredOn ? a.recordedAt.localeCompare(b.recordedAt) : a.occurredOn.localeCompare(b.occurredOn)));
}
