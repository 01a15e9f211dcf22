// What has happened to each story family so far, so that every demo account signs in to records
// with a history (issue 14, "A demo that shows the product"): agencies' chronology entries, contacts
// with what was seen of the baby's day, factors assessed with their evidence, a plan with check items
// and a visiting pattern, a conference. Each step is done by a demo practitioner in the team, through
// the service's own use cases, so it raises the alerts, findings and profile versions it would raise in
// use. Days are offsets from the service's today (negative: in the past). People are named by their
// place in the family's `people` (demo-partnership.ts). Every name and event is invented. A born
// baby is weighed (and at the new birth visit measured) at the visits where a practitioner would,
// so faltering growth is assessed from the weights as in use; what each series shows was checked
// against the UK-WHO charts by the growth rules (domain/growth).
import type { ContactAnswers } from '../../domain/chronology/contact-record.ts';
import type { FactorStatus, SubstancePattern } from '../../domain/catalogue/statuses.ts';
import type { EvidenceSource } from '../../domain/catalogue/evidence-sources.ts';
import type { HouseholdChildrenAnswer } from '../../domain/people/household-children.ts';
import type { MeasurementKind } from '../../domain/growth/growth.types.ts';
import type { MeetingDraft } from '../../domain/meetings/meeting.types.ts';
import type { PlanDraft } from '../../domain/plan/plan.types.ts';

export type StoryStep =
  | {
      by: string;
      entry: {
        kind: string;
        day: number;
        /** HH:MM, UK time. */
        time?: string;
        summary: string;
        source: EvidenceSource;
        people?: number[];
        victims?: number[];
        perpetrators?: number[];
        babySeen?: boolean;
        substance?: 'alcohol' | 'drugs';
        gestationWeeks?: number;
      };
    }
  | { by: string; contact: Omit<ContactAnswers, 'occurredOn' | 'presentIds'> & { day: number; present?: number[] } }
  /** Grams for a weight, centimetres otherwise, measured on `day`. */
  | { by: string; measurement: { day: number; kind: MeasurementKind; value: number } }
  | { by: string; factor: { factorId: string; person?: number; status: FactorStatus; detail?: string; pattern?: SubstancePattern; source: EvidenceSource; note: string } }
  | { by: string; meeting: Omit<MeetingDraft, 'heldOn'> & { day: number } }
  /** Who the other children living with the baby are (docs/domain.md, "Another child under two at home"), recorded today. */
  | { by: string; householdChildren: { answer: HouseholdChildrenAnswer; source: EvidenceSource; givenBy?: string } }
  | {
      by: string;
      /** Each check item and visit is kept since its `day`; each action is due on its `dueOn` day. */
      plan: Omit<PlanDraft, 'visits' | 'checkItems' | 'actions'> & {
        checkItems: (PlanDraft['checkItems'][number] & { day: number })[];
        actions: (Omit<PlanDraft['actions'][number], 'dueOn'> & { dueOn: number })[];
        visits: (NonNullable<PlanDraft['visits']>[number] & { day: number })[];
      };
    };

/** A routine contact's answers about the sleeping place and the advice. */
const noAdvice = { sleepingSeen: 'no', safeSleepAdvice: 'no', cryingAdvice: 'no' } as const;

/** By family name. */
export const DEMO_STORIES: Readonly<Record<string, readonly StoryStep[]>> = {
  // Unborn, due in 70 days, booked late, a partner nobody knows, two antenatal appointments missed.
  Ashworth: [
    { by: 'midwife', entry: { kind: 'antenatal-booking', day: -84, summary: 'Booked at 24 weeks: first contact with maternity services', source: 'agency-record', people: [0], gestationWeeks: 24 } },
    { by: 'midwife', entry: { kind: 'was-not-brought', day: -56, time: '10:30', summary: 'Did not attend the antenatal clinic; no answer on the phone', source: 'agency-record', people: [0] } },
    { by: 'midwife', entry: { kind: 'was-not-brought', day: -42, time: '14:00', summary: 'Did not attend the rebooked antenatal appointment', source: 'agency-record', people: [0] } },
    { by: 'midwife', contact: { kind: 'antenatal-appointment', day: -28, time: '11:15', present: [0, 1], unknownAdultPresent: false, ...noAdvice, safeSleepAdvice: 'yes', safeSleepUnderstood: 'partly', summary: "Kayleigh seen with her partner, who would not give his name and answered for her. Kayleigh quiet; said she is 'fine'" } },
    { by: 'midwife', entry: { kind: 'referral', day: -27, summary: "Referral to children's social care: late booking, missed appointments, a partner whose name is not known", source: 'professional-judgement', people: [0, 1] } },
    { by: 'social-worker', entry: { kind: 'referral-decision', day: -24, summary: 'Early help assessment agreed; pre-birth assessment to follow', source: 'agency-record', people: [0] } },
    { by: 'midwife', factor: { factorId: 'disengagement', person: 0, status: 'present', detail: 'Missed antenatal appointments; hard to reach by phone', source: 'agency-record', note: 'Two antenatal appointments missed after a late booking' } },
    { by: 'midwife', contact: { kind: 'phone-or-video-call', day: -7, time: '16:40', present: [0], ...noAdvice, summary: 'Phone call to Kayleigh to rebook; she agreed to come to clinic next week' } },
  ],
  // Born at 34 weeks six weeks ago, a neonatal stay, universal health visiting. Weights: born 2,100 g
  // (50th centile for 34 weeks), she drops to about the 10th centile in the neonatal unit and follows
  // it (2,830 g at the 6 to 8 week review): a fall of under 2 centile spaces, so not faltering.
  Okafor: [
    { by: 'hospital', entry: { kind: 'birth', day: -42, time: '03:20', summary: 'Born at 34 weeks by emergency caesarean, 2.1 kg', source: 'agency-record', people: [0] } },
    { by: 'hospital', entry: { kind: 'neonatal-admission', day: -42, time: '04:05', summary: 'Admitted to the neonatal unit for breathing support and feeding', source: 'agency-record', babySeen: true } },
    { by: 'hospital', entry: { kind: 'neonatal-discharge', day: -30, time: '12:00', summary: 'Discharged home feeding well; mother confident with tube-free feeds', source: 'agency-record', babySeen: true, people: [0] } },
    { by: 'hospital', measurement: { day: -30, kind: 'weight', value: 2080 } },
    {
      by: 'health-visitor',
      contact: {
        kind: 'new-birth-visit', day: -26, time: '10:00', present: [0, 2], babySeen: 'yes', awakeOrAsleep: 'awake',
        interaction: 'Grace held Ruby close while feeding, talked to her and answered her cries quickly',
        dressed: 'Clean vest and sleepsuit, warm enough for the room', demeanour: 'Alert, settled after feeds', whereKept: "In a Moses basket in the living room, then in Grace's arms",
        sleepingSeen: 'yes', sleepingSafe: 'safe', safeSleepAdvice: 'yes', safeSleepUnderstood: 'yes', cryingAdvice: 'yes', cryingUnderstood: 'yes',
        siblingsSaid: 'Tyler said Ruby is his baby and she cries at night',
        summary: 'New birth visit. Grace tired but coping, Daniel visiting at weekends; feeding going well',
      },
    },
    { by: 'health-visitor', measurement: { day: -26, kind: 'weight', value: 2150 } },
    { by: 'health-visitor', measurement: { day: -26, kind: 'length', value: 45.5 } },
    { by: 'health-visitor', measurement: { day: -26, kind: 'head-circumference', value: 31.8 } },
    { by: 'health-visitor', factor: { factorId: 'mental-health', person: 0, status: 'excluded', source: 'observed', note: 'Whooley questions at the new birth visit: no low mood or anxiety; GP record agrees' } },
    // Tyler (3) was seen at home at the new birth visit, the only other child.
    { by: 'health-visitor', householdChildren: { answer: 'recorded', source: 'observed' } },
    { by: 'gp', entry: { kind: 'gp-consultation', day: -20, summary: 'Ruby seen for sticky eye; advice given', source: 'agency-record', babySeen: true, people: [0] } },
    { by: 'health-visitor', contact: { kind: 'phone-or-video-call', day: -12, time: '13:30', present: [0], ...noAdvice, summary: 'Grace phoned about feeding: Ruby taking 90 ml every 3 hours; reassured' } },
    { by: 'health-visitor', factor: { factorId: 'supportive-wider-family', status: 'present', detail: 'Her sister, most days', source: 'carer-account', note: "Grace's sister helps most days" } },
    {
      by: 'health-visitor',
      contact: {
        kind: 'six-to-eight-week-review', day: -2, time: '09:45', present: [0], babySeen: 'yes', awakeOrAsleep: 'awake',
        interaction: 'Ruby smiling at Grace; Grace responsive and playful', dressed: 'Clean and appropriately dressed', demeanour: 'Alert and content', whereKept: 'On a play mat on the floor',
        ...noAdvice, cryingAdvice: 'yes', cryingUnderstood: 'yes', summary: '6 to 8 week review: weight on the 9th centile and following it',
      },
    },
    { by: 'health-visitor', measurement: { day: -2, kind: 'weight', value: 2830 } },
  ],
  // Four months old, low risk: a whole universal contact history and most factors assessed. Weights:
  // born 3,600 g (50th centile), near the 35th at the new birth visit, back on the 50th at the
  // baby clinic: normal growth.
  Hartley: [
    { by: 'health-visitor', entry: { kind: 'birth', day: -120, summary: 'Born at term at home, 3.6 kg', source: 'agency-record', people: [0] } },
    {
      by: 'health-visitor',
      contact: {
        kind: 'new-birth-visit', day: -108, time: '11:00', present: [0, 1, 2], babySeen: 'yes', awakeOrAsleep: 'asleep', interaction: 'James settled Leo to sleep in the cot; both parents attentive',
        dressed: 'Sleepsuit, not too warm', demeanour: 'Asleep, colour good', whereKept: "Cot in the parents' bedroom",
        sleepingSeen: 'yes', sleepingSafe: 'safe', safeSleepAdvice: 'yes', safeSleepUnderstood: 'yes', cryingAdvice: 'yes', cryingUnderstood: 'yes',
        summary: 'New birth visit: well baby, experienced parents',
      },
    },
    { by: 'health-visitor', measurement: { day: -108, kind: 'weight', value: 3650 } },
    { by: 'health-visitor', measurement: { day: -108, kind: 'length', value: 52.5 } },
    { by: 'health-visitor', measurement: { day: -108, kind: 'head-circumference', value: 35.8 } },
    { by: 'health-visitor', factor: { factorId: 'smoking-in-home', status: 'excluded', source: 'observed', note: 'Nobody smokes; no smell of smoke in the home' } },
    // Mia (1) was seen at home at the new birth visit, the only other child.
    { by: 'health-visitor', householdChildren: { answer: 'recorded', source: 'observed' } },
    { by: 'health-visitor', factor: { factorId: 'supportive-partner', person: 0, status: 'present', detail: 'James, at home and sharing the care', source: 'observed', note: 'James shares night feeds and was at every visit' } },
    { by: 'gp', entry: { kind: 'gp-consultation', day: -70, summary: 'Eight week baby check: normal', source: 'agency-record', babySeen: true, people: [0] } },
    {
      by: 'health-visitor',
      contact: {
        kind: 'six-to-eight-week-review', day: -66, time: '14:15', present: [0], babySeen: 'yes', awakeOrAsleep: 'awake', interaction: 'Leo followed Sarah’s face and smiled', dressed: 'Clean, warm enough',
        demeanour: 'Alert and content', whereKept: 'On Sarah’s lap', ...noAdvice, summary: '6 to 8 week review: growing well, immunisations booked',
      },
    },
    { by: 'health-visitor', measurement: { day: -66, kind: 'weight', value: 5250 } },
    { by: 'health-visitor', contact: { kind: 'clinic-contact', day: -30, present: [0], babySeen: 'yes', awakeOrAsleep: 'awake', interaction: 'Relaxed handling', dressed: 'Clean', demeanour: 'Smiley', whereKept: 'Pram', ...noAdvice, summary: 'Weighed at the baby clinic: on the 50th centile' } },
    { by: 'health-visitor', measurement: { day: -30, kind: 'weight', value: 6350 } },
  ],
  // Two months old on a child protection plan: domestic abuse, a partner whose history is not checked, relapse.
  // Weights: born 3,200 g (30th centile), 3,150 g at the new birth visit; not weighed since, as she was
  // not brought to the baby clinic and not seen at the next home visit, so no weight from 2 weeks of
  // age can be read against the centiles (the story does not tell of faltering growth).
  Nowak: [
    { by: 'health-visitor', entry: { kind: 'birth', day: -60, summary: 'Born at term, 3.2 kg', source: 'agency-record', people: [0] } },
    { by: 'health-visitor', contact: { kind: 'new-birth-visit', day: -50, time: '10:30', present: [0], babySeen: 'yes', awakeOrAsleep: 'asleep', interaction: 'Agnieszka anxious handling Oliwia', dressed: 'Clean', demeanour: 'Asleep, settled', whereKept: 'Car seat on the floor', sleepingSeen: 'no', safeSleepAdvice: 'yes', safeSleepUnderstood: 'partly', cryingAdvice: 'yes', cryingUnderstood: 'yes', summary: 'New birth visit: Ryan Cole has moved in; Agnieszka did not want to talk in front of him' } },
    { by: 'health-visitor', measurement: { day: -50, kind: 'weight', value: 3150 } },
    { by: 'health-visitor', measurement: { day: -50, kind: 'length', value: 50.5 } },
    { by: 'health-visitor', measurement: { day: -50, kind: 'head-circumference', value: 34.5 } },
    { by: 'police', entry: { kind: 'police-domestic-abuse-incident', day: -38, time: '23:10', summary: 'Neighbours called police: shouting and a broken door; Agnieszka had a red mark on her face', source: 'agency-record', people: [0, 1], victims: [0], perpetrators: [1] } },
    { by: 'health-visitor', entry: { kind: 'was-not-brought', day: -33, summary: 'Oliwia not brought to the baby clinic', source: 'agency-record', people: [0] } },
    { by: 'health-visitor', contact: { kind: 'home-visit', day: -31, time: '15:00', present: [0, 1], babySeen: 'no', notSeenReason: 'Ryan said she was asleep upstairs and would not let me go up', ...noAdvice, summary: 'Home visit after the police incident: Agnieszka quiet, Ryan answered for her' } },
    { by: 'police', entry: { kind: 'police-incident', day: -26, time: '01:40', summary: 'Ryan Cole arrested for affray outside a pub; released under investigation', source: 'agency-record', people: [1] } },
    { by: 'social-worker', entry: { kind: 'strategy-discussion', day: -25, summary: 'Strategy discussion: section 47 enquiry agreed', source: 'agency-record', people: [0, 1] } },
    { by: 'substance-misuse', entry: { kind: 'substance-use-increase', day: -21, summary: 'Agnieszka told her recovery worker she is drinking again in the evenings', source: 'agency-record', people: [0], substance: 'alcohol' } },
    { by: 'social-worker', contact: { kind: 'unannounced-visit', day: -20, time: '17:30', present: [0], babySeen: 'yes', awakeOrAsleep: 'awake', interaction: 'Agnieszka held Oliwia but looked away when she cried', dressed: 'Nappy heavy, vest stained', demeanour: 'Unusually quiet and watchful', whereKept: 'In a bouncer in the hall', sleepingSeen: 'yes', sleepingSafe: 'unsafe', unsafeSleepSeen: 'Pillows and a duvet in the cot', safeSleepAdvice: 'yes', safeSleepUnderstood: 'partly', cryingAdvice: 'no', summary: 'Unannounced visit: empty cans in the kitchen; Ryan not there' } },
    { by: 'social-worker', factor: { factorId: 'domestic-abuse-victim', person: 0, status: 'present', detail: 'From Ryan Cole, her partner', source: 'agency-record', note: 'Police domestic abuse incident; Agnieszka confirmed it to the social worker alone' } },
    { by: 'social-worker', factor: { factorId: 'alcohol-misuse', person: 0, status: 'present', detail: 'Drinking in the evenings again', pattern: 'chaotic', source: 'agency-record', note: 'Drinking again, reported to the recovery service' } },
    {
      by: 'social-worker',
      meeting: {
        kind: 'initial-conference', day: -12, chair: 'Rachel Evans, independent chair', chairIndependent: true, parentsPresent: true,
        attendees: [{ name: 'Tom Adeyemi', agency: 'childrens-social-care' }, { name: 'Claire Dobson', agency: 'health-visiting' }, { name: 'DC Ben Carter', agency: 'police' }, { name: 'Kieran Doyle', agency: 'substance-misuse' }],
        invitedAbsent: [{ name: 'Dr Ellen Ward', agency: 'adult-mental-health' }],
        decisions: ['Oliwia to be the subject of a child protection plan under the category of neglect', 'Ryan Cole to be checked with police, health and children’s social care'],
        protectionPlan: true,
      },
    },
    { by: 'social-worker', contact: { kind: 'joint-visit', jointWith: 'Police Public Protection Unit', day: -8, time: '11:00', present: [0, 1], babySeen: 'yes', awakeOrAsleep: 'awake', interaction: 'Ryan picked Oliwia up roughly when she cried; Agnieszka took her back', dressed: 'Clean', demeanour: 'Startled at loud voices', whereKept: 'On the sofa between cushions', sleepingSeen: 'yes', sleepingSafe: 'safe', safeSleepAdvice: 'no', cryingAdvice: 'yes', cryingUnderstood: 'no', summary: 'Joint visit to explain the plan; Ryan angry about the conference' } },
    {
      by: 'social-worker',
      plan: {
        level: 'child-protection',
        outcomes: ['Oliwia is seen awake at every visit and sleeps safely in her cot', 'Agnieszka is safe at home and gets support for her drinking'],
        checkItems: [
          { text: 'Safe sleep', question: 'Is the cot clear, flat and in the parents’ room?', factorId: 'unsafe-sleep', checkedBy: ['childrens-social-care', 'health-visiting'], frequency: 'every-contact', day: -6 },
          { text: 'Who lives at the home', question: 'Has anyone new moved in or is staying?', factorId: 'new-adult', checkedBy: [], frequency: 'weekly', day: -6 },
        ],
        actions: [{ text: 'Check Ryan Cole’s history with police and health', owner: { name: 'Tom Adeyemi' }, dueOn: 7, status: 'open' }],
        visits: [
          { agencyKind: 'childrens-social-care', who: 'Social worker', everyDays: 7, babySeen: true, day: -8 },
          { agencyKind: 'health-visiting', who: 'Health visitor', everyDays: 14, babySeen: true, day: -31 },
        ],
      },
    },
    { by: 'health-visitor', contact: { kind: 'phone-or-video-call', day: -3, time: '12:10', present: [0], ...noAdvice, summary: 'Video call: Agnieszka showed Oliwia in the cot; visit booked for next week', planChecks: [
      // By the item's words: the player gives each its id.
      { itemId: 'Safe sleep', outcome: 'not-checked', note: 'Only shown the cot on a video call' },
      { itemId: 'Who lives at the home', outcome: 'concern', note: 'A man’s voice in the background; Agnieszka said it was the television' },
    ] } },
  ],
  // Unborn, due in 120 days: mental health worse, a pre-birth assessment due.
  Pearce: [
    { by: 'midwife', entry: { kind: 'antenatal-booking', day: -70, summary: 'Booked at 10 weeks', source: 'agency-record', people: [0], gestationWeeks: 10 } },
    { by: 'mental-health', entry: { kind: 'mental-health-deterioration', day: -35, summary: 'Jade’s low mood worse; medication reviewed; seen weekly', source: 'agency-record', people: [0] } },
    { by: 'midwife', contact: { kind: 'antenatal-appointment', day: -21, time: '10:00', present: [0, 1], ...noAdvice, summary: 'Antenatal appointment: Jade low and tearful; Liam supportive. Perinatal mental health referral made' } },
    { by: 'midwife', factor: { factorId: 'mental-health', person: 0, status: 'present', detail: 'Depression, worse in this pregnancy', source: 'agency-record', note: 'Adult mental health team: low mood worse, seen weekly' } },
    { by: 'social-worker', entry: { kind: 'referral-decision', day: -14, summary: 'Child in need: pre-birth assessment to start', source: 'agency-record', people: [0, 1] } },
    { by: 'midwife', contact: { kind: 'phone-or-video-call', day: -4, time: '15:20', present: [0], ...noAdvice, summary: 'Phoned Jade: sleeping better since the medication change' } },
  ],
};
