// Recording a contact or home visit (issue 5; docs/domain.md, The baby's lived experience): the
// answers a practitioner gives after a home visit, clinic contact or GP consultation, checked, and
// turned into the chronology entries to create and the profile evidence to add, in one step.
//
// Mapping rules:
// - The contact itself is one entry of the kind chosen, source `observed` (the recorder was there),
//   with who was present and whether the baby was seen; every lived-experience answer goes into its
//   details (`ContactDetails`). Its summary is the practitioner's, followed by a sentence for each
//   notice below, so the chronology names them.
// - Notices: the baby not seen, unsafe sleeping seen, and an adult the practitioner did not know.
//   Any notice makes the contact significant. An unknown adult also asks the page to suggest adding
//   them as a person in the record (they would otherwise stay an "invisible man": docs/domain.md, Fathers and other men).
// - Safe sleep advice given adds a `safe-sleep-discussion` entry, and coping with crying (ICON)
//   advice a `coping-with-crying-discussion` entry, so the chronology shows that each was discussed
//   and whether it was understood.
// - Sleeping arrangements seen and safe: evidence of absence for the household's `unsafe-sleep` and
//   of presence for its protective `safe-sleep-space`, both `observed`.
// - Sleeping arrangements seen and unsafe: evidence of presence for `unsafe-sleep`, `observed`, with
//   what was seen. Not seen: no evidence (the account of where the baby sleeps is not enough).
// - An adult the practitioner did not know: evidence of presence for the household's `new-adult`.
// - Advice given and understood only partly or not at all: evidence of absence for the protective
//   `understands-safety-advice` of each adult in the profile who was present (professional
//   judgement). Understood advice adds nothing: the factor also needs the advice kept to.
// - Before the birth the questions about seeing the baby are not asked.
// - A phone or video call never sees the baby (unseen-periods.ts): it is recorded as not seen and the
//   sleeping place as not seen, whatever was answered, with no notice (nobody went to see the baby);
//   the lived-experience answers are optional and kept as what the call showed. Its source is the
//   carer's account, not observed.
// - The time of day is optional (24-hour HH:MM, UK time); with it the contact is dated to the minute.
// - A joint visit names the other agency; its summary says who it was with.
// - The plan's check items due for the visitor (issue 13, plan/plan-checks.ts; the answers are checked
//   by plan-check-answers.ts) each need an answer:
//   checked, no concern; checked, concern (what was seen); could not check (why). The answers go into
//   the contact's details (`planChecks`, with each item's words that day) and its summary names each
//   concern and each item not checked. A concern is evidence for the factor the item names, `observed`,
//   with the note: present for a risk factor, absent for a protective one; an adult factor needs the
//   item's person, and an item naming no factor adds no evidence. A concern makes the contact significant.
import type { EventKindId } from '../catalogue/event-kinds.ts';
import type { EvidenceSource } from '../catalogue/evidence-sources.ts';
import type { FactorId } from '../catalogue/factor-ids.ts';
import { isSignificantAdult } from '../profile/profile-subjects.ts';
import type { EvidenceDirection, ProfilePerson } from '../profile/profile.types.ts';
import { dayInWords, EARLIEST_YEAR, isRealIsoDate } from '../shared/calendar-date.ts';
import { happenedDayProblem } from '../shared/date-rules.ts';
import { londonDateTime } from '../shared/service-day.ts';
import { NEVER_SEEING_KINDS } from './unseen-periods.ts';
import { factorById } from '../catalogue/catalogue.ts';
import { checkPlanAnswers, recordedChecks, type AnswerableItem, type PlanCheckDraft, type PlanCheckProblem, type PlanToAnswer } from './plan-check-answers.ts';
import type { RecordedPlanCheck } from './chronology.types.ts';

/** In the form's order: visits to the home, then appointments, then calls. */
export const CONTACT_KINDS = [
  'home-visit',
  'new-birth-visit',
  'six-to-eight-week-review',
  'unannounced-visit',
  'joint-visit',
  'clinic-contact',
  'antenatal-appointment',
  'gp-consultation',
  'phone-or-video-call',
] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

/** How each kind reads inside a sentence ("at the home visit"). */
const CONTACT_KIND_WORDS: Readonly<Record<ContactKind, string>> = {
  'home-visit': 'home visit',
  'new-birth-visit': 'new birth visit',
  'six-to-eight-week-review': '6 to 8 week review',
  'unannounced-visit': 'unannounced visit',
  'joint-visit': 'joint visit',
  'clinic-contact': 'clinic contact',
  'antenatal-appointment': 'antenatal appointment',
  'gp-consultation': 'GP consultation',
  'phone-or-video-call': 'phone or video call',
};

/** A phone or video call: the baby is never seen, whatever was answered. */
export function isCall(kind: string): boolean {
  return (NEVER_SEEING_KINDS as readonly string[]).includes(kind);
}

export function isContactKind(value: string): value is ContactKind {
  return (CONTACT_KINDS as readonly string[]).includes(value);
}

export type Understood = 'yes' | 'partly' | 'no';

const UNDERSTOOD_WORDS: Readonly<Record<Understood, string>> = { yes: 'understood', partly: 'partly understood', no: 'not understood' };

/** What the practitioner answered, as typed: empty or missing when not answered. */
export interface ContactAnswers {
  kind?: string;
  /** YYYY-MM-DD. */
  occurredOn?: string;
  /** HH:MM on the 24-hour clock, UK time; empty when not given. */
  time?: string;
  /** For a joint visit: the other agency, in words. */
  jointWith?: string;
  /** `yes` or `no`. */
  babySeen?: string;
  notSeenReason?: string;
  /** `awake` or `asleep`. */
  awakeOrAsleep?: string;
  interaction?: string;
  dressed?: string;
  demeanour?: string;
  whereKept?: string;
  /** People in the record who were there. */
  presentIds?: readonly string[];
  unknownAdultPresent?: boolean;
  unknownAdultDescription?: string;
  /** `yes` or `no`. */
  sleepingSeen?: string;
  /** `safe` or `unsafe`. */
  sleepingSafe?: string;
  unsafeSleepSeen?: string;
  /** `yes` or `no`, then `yes`, `partly` or `no`. */
  safeSleepAdvice?: string;
  safeSleepUnderstood?: string;
  cryingAdvice?: string;
  cryingUnderstood?: string;
  siblingsSaid?: string;
  stressPointsReviewed?: string;
  summary?: string;
  /** Answers to the plan's check items. */
  planChecks?: readonly PlanCheckDraft[];
}

export interface ContactContext {
  /** YYYY-MM-DD in the service's time zone. */
  today: string;
  /** False for an unborn baby: nobody can see the baby yet. */
  born: boolean;
  /** Everyone in the record. */
  people: readonly ProfilePerson[];
  /** The case's current plan (none: no check items are asked) and its items due for this visitor. */
  plan?: PlanToAnswer | null;
  dueItems?: readonly AnswerableItem[];
}

export type AdviceGiven = { given: false } | { given: true; understood: Understood };

/**
 * The keys of an entry's details that only the service's own forms write: an agency's entry may not
 * carry them, or it could pass for a contact and answer the plan's checks, or for a discharge plan
 * (`dischargePlan`, docs/domain.md "Discharge plan") that was never checked, or keep a census referral
 * source (`referralSource`) the service did not check (the events API takes it as its own field).
 */
export const RESERVED_DETAIL_KEYS = ['form', 'planChecks', 'dischargePlan', 'referralSource'] as const;

/** Everything the contact form recorded about the baby's lived experience, kept in the entry's details. */
export type ContactDetails = {
  form: 'contact';
  /** Null before the birth; false at a phone or video call. */
  babySeen: boolean | null;
  /** For a joint visit: the other agency (missing on contacts recorded before issue 14). */
  jointWith?: string | null;
  notSeenReason: string | null;
  awakeOrAsleep: 'awake' | 'asleep' | null;
  interaction: string | null;
  dressed: string | null;
  demeanour: string | null;
  whereKept: string | null;
  unknownAdult: string | null;
  sleepingArrangements: 'not-seen' | 'safe' | 'unsafe';
  unsafeSleepSeen: string | null;
  safeSleepAdvice: AdviceGiven;
  copingWithCryingAdvice: AdviceGiven;
  siblingsSaid: string | null;
  stressPointsReviewed: string | null;
  /** The answers to the plan's check items, when the case has a plan. */
  planChecks?: RecordedPlanCheck[];
};

export interface PlannedEntry {
  kind: EventKindId;
  occurredAt: string;
  summary: string;
  source: EvidenceSource;
  presentIds: string[];
  significant: boolean;
  babySeen?: boolean;
  details: Record<string, unknown>;
}

export interface PlannedEvidence {
  factorId: FactorId;
  /** For adult factors. */
  personId?: string;
  source: EvidenceSource;
  indicates: EvidenceDirection;
  note: string;
}

export type ContactNotice =
  | { code: 'baby-not-seen'; reason: string }
  | { code: 'unsafe-sleep-seen'; seen: string }
  /** Suggest adding them as a person in the record. */
  | { code: 'unknown-adult'; description: string };

export interface ContactPlan {
  /** The contact itself: written first, the discussions and the evidence point to it. */
  contact: PlannedEntry;
  discussions: PlannedEntry[];
  evidence: PlannedEvidence[];
  notices: ContactNotice[];
}

export type ContactField =
  | 'kind'
  | 'occurredOn'
  | 'time'
  | 'jointWith'
  | 'babySeen'
  | 'notSeenReason'
  | 'awakeOrAsleep'
  | 'interaction'
  | 'dressed'
  | 'demeanour'
  | 'whereKept'
  | 'present'
  | 'unknownAdultDescription'
  | 'sleepingSeen'
  | 'sleepingSafe'
  | 'unsafeSleepSeen'
  | 'safeSleepAdvice'
  | 'safeSleepUnderstood'
  | 'cryingAdvice'
  | 'cryingUnderstood'
  | 'summary';

/** Each problem with the field that shows it and the words that say how to put it right. */
export const CONTACT_PROBLEMS = {
  'kind-needed': { field: 'kind', message: 'Select what kind of contact this was' },
  'occurred-on-needed': { field: 'occurredOn', message: 'Enter the date of the contact' },
  'occurred-on-invalid': { field: 'occurredOn', message: 'Date of the contact must be a real date' },
  'occurred-on-too-early': { field: 'occurredOn', message: `Date of the contact must be in ${String(EARLIEST_YEAR)} or later: check the year` },
  'occurred-in-future': { field: 'occurredOn', message: 'Date of the contact must be today or in the past' },
  'time-invalid': { field: 'time', message: 'Enter the time on the 24-hour clock, like 14:30, or leave it empty' },
  'joint-with-needed': { field: 'jointWith', message: 'Say which other agency was at the joint visit' },
  'joint-with-when-not-joint': { field: 'jointWith', message: 'You did not choose a joint visit: clear the other agency, or change the kind of contact' },
  'baby-seen-needed': { field: 'babySeen', message: 'Select whether you saw the baby' },
  'not-seen-reason-needed': { field: 'notSeenReason', message: 'Say why the baby was not seen' },
  'not-seen-reason-when-seen': { field: 'notSeenReason', message: 'You said you saw the baby: clear why the baby was not seen, or change your answer' },
  'awake-or-asleep-needed': { field: 'awakeOrAsleep', message: 'Select whether the baby was awake or asleep' },
  'awake-or-asleep-when-not-seen': { field: 'awakeOrAsleep', message: 'You said you did not see the baby: leave awake or asleep unanswered, or change your answer' },
  'interaction-needed': { field: 'interaction', message: 'Describe how the baby and the carers were with each other' },
  'interaction-when-not-seen': { field: 'interaction', message: 'You said you did not see the baby: clear the interaction, or change your answer' },
  'dressed-needed': { field: 'dressed', message: 'Describe how the baby was dressed' },
  'dressed-when-not-seen': { field: 'dressed', message: 'You said you did not see the baby: clear how the baby was dressed, or change your answer' },
  'demeanour-needed': { field: 'demeanour', message: "Describe the baby's demeanour, for example alert and settled" },
  'demeanour-when-not-seen': { field: 'demeanour', message: "You said you did not see the baby: clear the baby's demeanour, or change your answer" },
  'where-kept-needed': { field: 'whereKept', message: 'Say where the baby was kept or put down' },
  'where-kept-when-not-seen': { field: 'whereKept', message: 'You said you did not see the baby: clear where the baby was kept, or change your answer' },
  'present-not-in-record': { field: 'present', message: 'Select people who are in this record' },
  'unknown-adult-not-ticked': { field: 'present', message: 'You described an adult you did not know: select "An adult I did not know", or clear the description' },
  'advice-needs-adult': { field: 'present', message: 'Under “Who else was there?”, select the adults who were given the advice: the profile records that they did not fully understand it' },
  'unknown-adult-description-needed': { field: 'unknownAdultDescription', message: 'Describe the adult you did not know, for example man in his 20s, said he was a friend' },
  'sleeping-seen-needed': { field: 'sleepingSeen', message: 'Select whether you saw where the baby sleeps' },
  'sleeping-safe-needed': { field: 'sleepingSafe', message: 'Select whether the sleeping arrangements were safe' },
  'sleeping-safe-when-not-seen': { field: 'sleepingSafe', message: 'You said you did not see where the baby sleeps: leave safe or unsafe unanswered, or change your answer' },
  'unsafe-sleep-seen-needed': { field: 'unsafeSleepSeen', message: 'Say what you saw that was unsafe, for example baby asleep on the sofa' },
  'unsafe-sleep-seen-not-unsafe': { field: 'unsafeSleepSeen', message: 'You described unsafe sleeping: select that the sleeping arrangements were unsafe, or clear what you saw' },
  'safe-sleep-advice-needed': { field: 'safeSleepAdvice', message: 'Select whether you gave safe sleep advice' },
  'safe-sleep-understood-needed': { field: 'safeSleepUnderstood', message: 'Select whether the safe sleep advice was understood' },
  'safe-sleep-understood-when-not-given': { field: 'safeSleepUnderstood', message: 'You said you did not give safe sleep advice: leave whether it was understood unanswered, or change your answer' },
  'crying-advice-needed': { field: 'cryingAdvice', message: 'Select whether you gave coping with crying (ICON) advice' },
  'crying-understood-needed': { field: 'cryingUnderstood', message: 'Select whether the coping with crying advice was understood' },
  'crying-understood-when-not-given': { field: 'cryingUnderstood', message: 'You said you did not give coping with crying advice: leave whether it was understood unanswered, or change your answer' },
  'summary-needed': { field: 'summary', message: 'Enter a summary of the contact' },
} as const satisfies Record<string, { field: ContactField; message: string }>;

export type ContactProblem = keyof typeof CONTACT_PROBLEMS;

export type PlanContactResult = { ok: true; plan: ContactPlan } | { ok: false; problems: ContactProblem[]; planCheckProblems: PlanCheckProblem[] };

const given = (value: string | undefined): string => value?.trim() ?? '';
const isUnderstood = (value: string): value is Understood => value === 'yes' || value === 'partly' || value === 'no';

/** Questions that only someone who saw the baby can answer. */
const SEEN_ONLY = [
  ['awakeOrAsleep', 'awake-or-asleep-needed', 'awake-or-asleep-when-not-seen'],
  ['interaction', 'interaction-needed', 'interaction-when-not-seen'],
  ['dressed', 'dressed-needed', 'dressed-when-not-seen'],
  ['demeanour', 'demeanour-needed', 'demeanour-when-not-seen'],
  ['whereKept', 'where-kept-needed', 'where-kept-when-not-seen'],
] as const satisfies readonly (readonly [keyof ContactAnswers, ContactProblem, ContactProblem])[];

function checkBaby(answers: ContactAnswers): ContactProblem[] {
  const problems: ContactProblem[] = [];
  const seen = given(answers.babySeen);
  if (seen !== 'yes' && seen !== 'no') problems.push('baby-seen-needed');
  const reason = given(answers.notSeenReason);
  if (seen === 'no' && reason === '') problems.push('not-seen-reason-needed');
  if (seen === 'yes' && reason !== '') problems.push('not-seen-reason-when-seen');
  for (const [field, needed, whenNotSeen] of SEEN_ONLY) {
    const answer = given(answers[field]);
    const valid = field === 'awakeOrAsleep' ? answer === 'awake' || answer === 'asleep' : answer !== '';
    if (seen === 'yes' && !valid) problems.push(needed);
    if (seen === 'no' && answer !== '') problems.push(whenNotSeen);
  }
  return problems;
}

function checkAdvice(advice: string, understood: string, codes: { needed: ContactProblem; understoodNeeded: ContactProblem; whenNotGiven: ContactProblem }): ContactProblem[] {
  if (advice === 'yes') return isUnderstood(understood) ? [] : [codes.understoodNeeded];
  if (advice === 'no') return understood === '' ? [] : [codes.whenNotGiven];
  return [codes.needed];
}

/** Advice given and not fully understood, by the words for it. */
function adviceNotUnderstood(answers: ContactAnswers): { advice: string; understood: Understood }[] {
  const found: { advice: string; understood: Understood }[] = [];
  const safeSleep = given(answers.safeSleepUnderstood);
  const crying = given(answers.cryingUnderstood);
  if (given(answers.safeSleepAdvice) === 'yes' && (safeSleep === 'partly' || safeSleep === 'no')) found.push({ advice: 'Safe sleep advice', understood: safeSleep });
  if (given(answers.cryingAdvice) === 'yes' && (crying === 'partly' || crying === 'no')) found.push({ advice: 'Coping with crying (ICON) advice', understood: crying });
  return found;
}

function presentAdults(answers: ContactAnswers, context: ContactContext): string[] {
  const present = new Set(answers.presentIds ?? []);
  return context.people.filter((person) => present.has(person.id) && isSignificantAdult(person)).map((person) => person.id);
}

/** The problems with the answers, in the order the form asks its questions; empty when they can be recorded. */
function checkContact(answers: ContactAnswers, context: ContactContext): ContactProblem[] {
  const problems: ContactProblem[] = [];
  if (!isContactKind(given(answers.kind))) problems.push('kind-needed');
  const jointWith = given(answers.jointWith);
  if (given(answers.kind) === 'joint-visit' && jointWith === '') problems.push('joint-with-needed');
  if (given(answers.kind) !== 'joint-visit' && jointWith !== '') problems.push('joint-with-when-not-joint');
  const day = given(answers.occurredOn);
  const dayProblem = happenedDayProblem(day, context.today);
  if (day === '') problems.push('occurred-on-needed');
  else if (dayProblem === 'not-a-date') problems.push('occurred-on-invalid');
  else if (dayProblem === 'too-early') problems.push('occurred-on-too-early');
  else if (dayProblem === 'in-future') problems.push('occurred-in-future');
  if (!isClockTime(given(answers.time))) problems.push('time-invalid');
  const call = isCall(given(answers.kind));
  if (context.born && !call) problems.push(...checkBaby(answers));

  const inRecord = new Set(context.people.map((person) => person.id));
  if ((answers.presentIds ?? []).some((id) => !inRecord.has(id))) problems.push('present-not-in-record');
  const description = given(answers.unknownAdultDescription);
  if (description !== '' && answers.unknownAdultPresent !== true) problems.push('unknown-adult-not-ticked');
  if (adviceNotUnderstood(answers).length > 0 && presentAdults(answers, context).length === 0) problems.push('advice-needs-adult');
  if (answers.unknownAdultPresent === true && description === '') problems.push('unknown-adult-description-needed');

  const sleepingSeen = call ? 'no' : given(answers.sleepingSeen);
  const safe = call ? '' : given(answers.sleepingSafe);
  if (sleepingSeen !== 'yes' && sleepingSeen !== 'no') problems.push('sleeping-seen-needed');
  if (sleepingSeen === 'yes' && safe !== 'safe' && safe !== 'unsafe') problems.push('sleeping-safe-needed');
  if (sleepingSeen === 'no' && safe !== '') problems.push('sleeping-safe-when-not-seen');
  const unsafeSeen = given(answers.unsafeSleepSeen);
  if (sleepingSeen === 'yes' && safe === 'unsafe' && unsafeSeen === '') problems.push('unsafe-sleep-seen-needed');
  if (unsafeSeen !== '' && safe !== 'unsafe' && !call) problems.push('unsafe-sleep-seen-not-unsafe');

  problems.push(
    ...checkAdvice(given(answers.safeSleepAdvice), given(answers.safeSleepUnderstood), {
      needed: 'safe-sleep-advice-needed',
      understoodNeeded: 'safe-sleep-understood-needed',
      whenNotGiven: 'safe-sleep-understood-when-not-given',
    }),
    ...checkAdvice(given(answers.cryingAdvice), given(answers.cryingUnderstood), {
      needed: 'crying-advice-needed',
      understoodNeeded: 'crying-understood-needed',
      whenNotGiven: 'crying-understood-when-not-given',
    }),
  );
  if (given(answers.summary) === '') problems.push('summary-needed');
  return problems;
}

const orNull = (value: string | undefined): string | null => given(value) || null;

/** Empty, or a real time on the 24-hour clock as HH:MM. */
const isClockTime = (value: string): boolean => value === '' || /^([01]\d|2[0-3]):[0-5]\d$/.test(value);

function adviceGiven(advice: string | undefined, understood: string | undefined): AdviceGiven {
  const answer = given(understood);
  return given(advice) === 'yes' && isUnderstood(answer) ? { given: true, understood: answer } : { given: false };
}

/** The details of answers that `checkContact` accepted. */
function detailsFrom(answers: ContactAnswers, born: boolean): ContactDetails {
  const call = isCall(given(answers.kind));
  const seen = born ? !call && given(answers.babySeen) === 'yes' : null;
  // A call keeps what it showed of the baby's day, though it never counts as seeing the baby.
  const asked = (value: string | undefined) => (seen === true || (born && call) ? orNull(value) : null);
  const sleepingSeen = !call && given(answers.sleepingSeen) === 'yes';
  const awake = given(answers.awakeOrAsleep);
  return {
    form: 'contact',
    babySeen: seen,
    jointWith: given(answers.kind) === 'joint-visit' ? orNull(answers.jointWith) : null,
    notSeenReason: seen === false && !call ? orNull(answers.notSeenReason) : null,
    awakeOrAsleep: (seen === true || (born && call)) && (awake === 'awake' || awake === 'asleep') ? awake : null,
    interaction: asked(answers.interaction),
    dressed: asked(answers.dressed),
    demeanour: asked(answers.demeanour),
    whereKept: asked(answers.whereKept),
    unknownAdult: answers.unknownAdultPresent === true ? orNull(answers.unknownAdultDescription) : null,
    sleepingArrangements: !sleepingSeen ? 'not-seen' : given(answers.sleepingSafe) === 'unsafe' ? 'unsafe' : 'safe',
    unsafeSleepSeen: sleepingSeen ? orNull(answers.unsafeSleepSeen) : null,
    safeSleepAdvice: adviceGiven(answers.safeSleepAdvice, answers.safeSleepUnderstood),
    copingWithCryingAdvice: adviceGiven(answers.cryingAdvice, answers.cryingUnderstood),
    siblingsSaid: orNull(answers.siblingsSaid),
    stressPointsReviewed: orNull(answers.stressPointsReviewed),
  };
}

/** What the contact says needs attention: shown on the confirmation and named in the chronology. */
export function contactNotices(details: ContactDetails): ContactNotice[] {
  const notices: ContactNotice[] = [];
  // A call has no reason: nobody went to see the baby (its entry still says the baby was not seen).
  if (details.babySeen === false && details.notSeenReason !== null) notices.push({ code: 'baby-not-seen', reason: details.notSeenReason });
  if (details.sleepingArrangements === 'unsafe') notices.push({ code: 'unsafe-sleep-seen', seen: details.unsafeSleepSeen ?? '' });
  if (details.unknownAdult) notices.push({ code: 'unknown-adult', description: details.unknownAdult });
  return notices;
}

/** The text as a sentence: a full stop added unless it already ends like one. */
function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function noticeSentence(notice: ContactNotice): string {
  switch (notice.code) {
    case 'baby-not-seen':
      return sentence(`The baby was not seen: ${notice.reason}`);
    case 'unsafe-sleep-seen':
      return sentence(`Unsafe sleeping seen: ${notice.seen}`);
    case 'unknown-adult':
      return sentence(`An adult the practitioner did not know was there: ${notice.description}`);
  }
}

function discussion(kind: 'safe-sleep-discussion' | 'coping-with-crying-discussion', advice: string, understood: Understood, at: string, base: Omit<PlannedEntry, 'kind' | 'summary' | 'details' | 'significant' | 'babySeen'>): PlannedEntry {
  return { ...base, kind, summary: sentence(`${advice} given at the ${at}: ${UNDERSTOOD_WORDS[understood]}`), significant: false, details: { understood } };
}

function evidenceFrom(answers: ContactAnswers, details: ContactDetails, context: ContactContext, at: string): PlannedEvidence[] {
  const evidence: PlannedEvidence[] = [];
  if (details.sleepingArrangements === 'safe') {
    evidence.push(
      { factorId: 'unsafe-sleep', source: 'observed', indicates: 'absent', note: `Sleeping arrangements seen at the ${at} and safe.` },
      { factorId: 'safe-sleep-space', source: 'observed', indicates: 'present', note: `Safe sleep space seen at the ${at}.` },
    );
  }
  if (details.sleepingArrangements === 'unsafe') {
    evidence.push({ factorId: 'unsafe-sleep', source: 'observed', indicates: 'present', note: sentence(`Unsafe sleeping arrangements seen at the ${at}: ${details.unsafeSleepSeen ?? ''}`) });
  }
  if (details.unknownAdult) {
    evidence.push({ factorId: 'new-adult', source: 'observed', indicates: 'present', note: sentence(`An adult the practitioner did not know was present at the ${at}: ${details.unknownAdult}`) });
  }
  for (const { advice, understood } of adviceNotUnderstood(answers)) {
    for (const personId of presentAdults(answers, context)) {
      evidence.push({ factorId: 'understands-safety-advice', personId, source: 'professional-judgement', indicates: 'absent', note: `${advice} given at the ${at} was ${UNDERSTOOD_WORDS[understood]}.` });
    }
  }
  return evidence;
}

function planCheckSentence(check: RecordedPlanCheck): string[] {
  if (check.outcome === 'concern') return [sentence(`Plan check, ${check.text}: concern: ${check.note}`)];
  if (check.outcome === 'not-checked') return [sentence(`Plan check, ${check.text}: could not check: ${check.note}`)];
  return [];
}

/** Evidence from the plan's checks: a concern about the factor an item names, as the visitor saw it. */
function planCheckEvidence(checks: readonly RecordedPlanCheck[], at: string): PlannedEvidence[] {
  return checks.flatMap((check): PlannedEvidence[] => {
    const factor = check.outcome === 'concern' && check.factorId !== undefined ? factorById(check.factorId) : undefined;
    if (!factor || (factor.subject === 'adult' && check.personId === undefined)) return [];
    return [
      {
        factorId: factor.id,
        ...(factor.subject === 'adult' ? { personId: check.personId! } : {}),
        source: 'observed',
        indicates: factor.kind === 'risk' ? 'present' : 'absent',
        note: sentence(`Plan check at the ${at}, ${check.text}: ${check.note}`),
      },
    ];
  });
}

/** A contact's answers to the plan's checks, ready to store: what the contact keeps, says and adds to the profile. */
export interface AnsweredPlanChecks {
  /** For the contact's details (`planChecks`): each answer with its item's words that day; empty without a plan. */
  checks: RecordedPlanCheck[];
  /** A sentence for each concern and each item not checked, for the contact's summary. */
  sentences: string[];
  /** A concern's evidence for the factor its item names. */
  evidence: PlannedEvidence[];
  /** A concern makes the contact significant. */
  significant: boolean;
}

export type AnswerPlanChecksResult = { ok: true; answered: AnsweredPlanChecks } | { ok: false; problems: PlanCheckProblem[] };

/**
 * The answers to the plan's check items given at a contact, checked against the plan and turned into
 * what the contact stores: the one way answers are taken, from the contact form and from an agency's
 * entry (the events API and the batch) alike. Only a contact (a home visit, clinic contact or GP
 * consultation) answers the plan's checks; `due` are the items that must be answered (the form asks
 * them; an agency's entry answers the items it checked). Without a plan and without answers, nothing.
 */
export function answerPlanChecks(kind: string, occurredOn: string, drafts: readonly PlanCheckDraft[], context: { plan: PlanToAnswer | null; due: readonly AnswerableItem[] }): AnswerPlanChecksResult {
  const { plan } = context;
  if (plan === null && drafts.length === 0) return { ok: true, answered: { checks: [], sentences: [], evidence: [], significant: false } };
  if (!isContactKind(kind)) return { ok: false, problems: [{ code: 'not-at-a-contact', path: '/planChecks' }] };
  const checked = checkPlanAnswers(drafts, plan, context.due);
  if (!checked.ok) return checked;
  const checks = plan === null ? [] : recordedChecks(checked.answers, plan);
  const day = isRealIsoDate(occurredOn.slice(0, 10)) ? dayInWords(occurredOn.slice(0, 10)) : occurredOn;
  return {
    ok: true,
    answered: {
      checks,
      sentences: checks.flatMap(planCheckSentence),
      evidence: planCheckEvidence(checks, `${CONTACT_KIND_WORDS[kind]} on ${day}`),
      significant: checks.some((check) => check.outcome === 'concern'),
    },
  };
}

/** The entries and evidence a contact's answers make, or the problems that stop it being recorded. */
export function planContact(answers: ContactAnswers, context: ContactContext): PlanContactResult {
  const problems = checkContact(answers, context);
  const plan = context.plan ?? null;
  // A kind not chosen is the form's problem: the plan's answers are checked as at a home visit meanwhile.
  const kindGiven = given(answers.kind);
  const checked = answerPlanChecks(isContactKind(kindGiven) ? kindGiven : 'home-visit', given(answers.occurredOn), answers.planChecks ?? [], { plan, due: context.dueItems ?? [] });
  if (problems.length > 0 || !checked.ok) return { ok: false, problems, planCheckProblems: checked.ok ? [] : checked.problems };
  const kind = kindGiven as ContactKind;
  const day = given(answers.occurredOn);
  const time = given(answers.time);
  const occurredAt = time === '' ? day : londonDateTime(day, time);
  const at = `${CONTACT_KIND_WORDS[kind]} on ${dayInWords(day)}`;
  const { checks, sentences, evidence: checkEvidence, significant } = checked.answered;
  const details: ContactDetails = { ...detailsFrom(answers, context.born), ...(plan === null ? {} : { planChecks: checks }) };
  const notices = contactNotices(details);
  const base = { occurredAt, source: isCall(kind) ? ('carer-account' as const) : ('observed' as const), presentIds: [...new Set(answers.presentIds ?? [])] };
  const joint = details.jointWith ? [sentence(`Joint visit with ${details.jointWith}`)] : [];
  const contact: PlannedEntry = {
    ...base,
    kind,
    summary: [sentence(given(answers.summary)), ...joint, ...notices.map(noticeSentence), ...sentences].join(' '),
    significant: notices.length > 0 || significant,
    ...(details.babySeen === null ? {} : { babySeen: details.babySeen }),
    details,
  };
  const discussions: PlannedEntry[] = [];
  const where = CONTACT_KIND_WORDS[kind];
  if (details.safeSleepAdvice.given) discussions.push(discussion('safe-sleep-discussion', 'Safe sleep advice', details.safeSleepAdvice.understood, where, base));
  if (details.copingWithCryingAdvice.given) discussions.push(discussion('coping-with-crying-discussion', 'Coping with crying (ICON) advice', details.copingWithCryingAdvice.understood, where, base));
  return { ok: true, plan: { contact, discussions, evidence: [...evidenceFrom(answers, details, context, at), ...checkEvidence], notices } };
}
