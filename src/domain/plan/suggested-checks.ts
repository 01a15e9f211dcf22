// Check items suggested for a plan from the profile as it stands (issue 13, Derby review §9.4: every
// visitor clear about "what risk factors, stress points and vulnerabilities need to be reviewed and
// assessed at each interaction"). A factor gives a check when something a visitor can see or ask
// about would tell: when it is indicated (present, or evidence says so), excluded on the carer's word
// alone (a visit is the second source it lacks) or in conflict. Some findings ask for a check beyond
// their factors: a baby not being seen, an adult nobody has assessed. Each check is worded for a
// visitor with no safeguarding training: what to look at, and the question to ask. Factors a visit
// cannot tell (a parent's own childhood, a previous removal, age) give none; nor does a factor not
// assessed yet (that is the profile's work, not the visitors').
import type { FactorId } from '../catalogue/factor-ids.ts';
import { factorDefinition, findingDefinition } from '../catalogue/catalogue.ts';
import type { FindingId } from '../catalogue/finding-definitions.ts';
import type { OrganisationKind } from '../shared/organisation-kinds.ts';
import type { EvaluatedFactor, ProfileEvaluation } from '../profile/profile.types.ts';
import type { CheckFrequency } from './plan.types.ts';

export interface SuggestedCheckItem {
  /** Stable for the same check of the same person: the template and the person. */
  key: string;
  text: string;
  question: string;
  factorId?: FactorId;
  personId?: string;
  checkedBy: OrganisationKind[];
  frequency: CheckFrequency;
  /** Why it is suggested, in words: the factors and findings behind it. */
  because: string[];
}

interface CheckTemplate {
  factorId?: FactorId;
  /** About one adult (the text names them). */
  perPerson: boolean;
  text: (name: string, born: boolean) => string;
  question: (name: string, born: boolean) => string;
  checkedBy: OrganisationKind[];
  frequency: CheckFrequency;
}

const ANY: OrganisationKind[] = [];
const HEALTH: OrganisationKind[] = ['midwifery', 'health-visiting', 'gp', 'hospital'];

/** The checks, in the order a plan lists them: the baby, who is there, each adult, the home. */
export const CHECK_TEMPLATES = {
  'baby-seen': {
    factorId: 'injury',
    perPerson: false,
    text: () => 'Baby seen awake and undressed',
    question: () => 'See the baby yourself, awake, and undressed down to the nappy: is there any mark, bruise or injury? Is the baby alert and responding to you?',
    checkedBy: [...HEALTH, 'childrens-social-care'],
    frequency: 'every-contact',
  },
  'where-baby-sleeps': {
    factorId: 'unsafe-sleep',
    perPerson: false,
    text: (_, born) => (born ? 'Where the baby sleeps' : 'Where the baby will sleep'),
    question: (_, born) =>
      born
        ? 'Can I see where the baby sleeps, at night and in the day? It should be a clear, flat cot or Moses basket: not a sofa, an armchair or an adult’s bed.'
        : 'Where will the baby sleep? Is there a cot or Moses basket ready, in the parents’ room?',
    checkedBy: ANY,
    frequency: 'every-contact',
  },
  feeding: {
    factorId: 'feeding-difficulty',
    perPerson: false,
    text: () => 'How the baby is feeding',
    question: () => 'How often and how much is the baby feeding? Any sick, or refusing feeds?',
    checkedBy: HEALTH,
    frequency: 'every-contact',
  },
  weight: {
    factorId: 'faltering-growth',
    perPerson: false,
    text: () => 'The baby’s weight',
    question: () => 'When was the baby last weighed, and is the weight going up?',
    checkedBy: ['health-visiting', 'gp', 'hospital'],
    frequency: 'weekly',
  },
  crying: {
    factorId: 'hard-to-soothe',
    perPerson: false,
    text: () => 'How the carers cope with crying',
    question: () => 'When the baby cries and will not settle, what do you do? Who can you call when it gets too much?',
    checkedBy: ANY,
    frequency: 'every-contact',
  },
  appointments: {
    factorId: 'was-not-brought',
    perPerson: false,
    text: () => 'Appointments kept',
    question: () => 'Has the baby been taken to every appointment since the last contact? Which are coming up?',
    checkedBy: ['midwifery', 'health-visiting', 'gp'],
    frequency: 'weekly',
  },
  'who-is-staying': {
    factorId: 'new-adult',
    perPerson: false,
    text: () => 'Who is staying at the home',
    question: () => 'Who lives here or is staying at the moment, even for a night or two? Is there anyone here you have not met before?',
    checkedBy: ANY,
    frequency: 'every-contact',
  },
  'who-they-are': {
    factorId: 'identity-unknown',
    perPerson: true,
    text: (name) => `Who ${name} is`,
    question: (name) => `Who is ${name}? Ask for their full name, date of birth and where they live, and how often they are with the baby.`,
    checkedBy: ANY,
    frequency: 'every-contact',
  },
  drinking: {
    factorId: 'alcohol-misuse',
    perPerson: true,
    text: (name) => `Is ${name} drinking`,
    question: (name) => `Is there any sign ${name} has been drinking: the smell of alcohol, cans or bottles, slurred speech? Who looks after the baby when ${name} drinks?`,
    checkedBy: ANY,
    frequency: 'every-contact',
  },
  drugs: {
    factorId: 'drug-misuse',
    perPerson: true,
    text: (name) => `Is ${name} using drugs`,
    question: (name) => `Is there any sign ${name} is using drugs: the smell of cannabis, foil, pills or needles left out, being very drowsy or agitated?`,
    checkedBy: ANY,
    frequency: 'every-contact',
  },
  'safe-at-home': {
    factorId: 'domestic-abuse-victim',
    perPerson: true,
    text: (name) => `Is ${name} safe at home`,
    question: (name) => `Only when ${name} is on their own: do you feel safe at home? Look for injuries, damage to doors or walls, or someone answering for ${name}.`,
    checkedBy: ANY,
    frequency: 'every-contact',
  },
  'abuser-around': {
    factorId: 'domestic-abuse-perpetrator',
    perPerson: true,
    text: (name) => `Is ${name} at the home`,
    question: (name) => `Is ${name} living here or visiting? Any arguments, shouting or damage since the last contact? Never ask about abuse in front of ${name}.`,
    checkedBy: ANY,
    frequency: 'every-contact',
  },
  coping: {
    factorId: 'mental-health',
    perPerson: true,
    text: (name) => `How ${name} is coping`,
    question: (name) => `How is ${name} sleeping, eating and feeling? Any sign of being low, withdrawn or not coping with the baby?`,
    checkedBy: ANY,
    frequency: 'every-contact',
  },
  stress: {
    factorId: 'harmful-stress-response',
    perPerson: true,
    text: (name) => `What ${name} does when stressed`,
    question: (name) => `What has been hard since the last contact, and what did ${name} do? Who helped?`,
    checkedBy: ANY,
    frequency: 'every-contact',
  },
  'lets-visitors-in': {
    factorId: 'disengagement',
    perPerson: true,
    text: (name) => `Whether ${name} lets visitors in`,
    question: (name) => `Did ${name} answer the door and let you see the baby? Has any visit been missed or cancelled?`,
    checkedBy: ANY,
    frequency: 'every-contact',
  },
  arguments: {
    factorId: 'parental-conflict',
    perPerson: false,
    text: () => 'Arguments between the adults',
    question: () => 'Have there been arguments or shouting since the last contact? Where was the baby?',
    checkedBy: ANY,
    frequency: 'every-contact',
  },
  smoking: {
    factorId: 'smoking-in-home',
    perPerson: false,
    text: () => 'Smoking in the home',
    question: () => 'Does anyone smoke indoors? Can you smell smoke, or see ashtrays?',
    checkedBy: ANY,
    frequency: 'every-contact',
  },
  'home-conditions': {
    factorId: 'poor-home-conditions',
    perPerson: false,
    text: () => 'The state of the home',
    question: () => 'Is the home warm, clean enough and safe for a baby: heating on, food in, nothing dangerous within reach?',
    checkedBy: ANY,
    frequency: 'every-contact',
  },
  money: {
    factorId: 'material-hardship',
    perPerson: false,
    text: () => 'Money, food and heating',
    question: () => 'Is there food, heating and what the baby needs: milk, nappies, clothes? Any debt or benefits stopped?',
    checkedBy: ANY,
    frequency: 'weekly',
  },
  tenancy: {
    factorId: 'housing-instability',
    perPerson: false,
    text: () => 'Whether the family can stay in their home',
    question: () => 'Any notice to leave, rent arrears or a move planned? Where would the family go?',
    checkedBy: ['housing'],
    frequency: 'monthly',
  },
  'who-helps': {
    factorId: 'isolation',
    perPerson: false,
    text: () => 'Who helps the family',
    question: () => 'Who can the carers call on for help with the baby: family, friends, neighbours?',
    checkedBy: ANY,
    frequency: 'monthly',
  },
} satisfies Record<string, CheckTemplate>;

export type CheckTemplateId = keyof typeof CHECK_TEMPLATES;
const TEMPLATE_IDS = Object.keys(CHECK_TEMPLATES) as CheckTemplateId[];

const TEMPLATE_BY_FACTOR = new Map<FactorId, CheckTemplateId>(TEMPLATE_IDS.map((id) => [CHECK_TEMPLATES[id].factorId, id]));

/** Findings that ask for a check whatever their factors' states. */
export const FINDING_CHECKS: Partial<Record<FindingId, readonly CheckTemplateId[]>> = {
  'non-mobile-injury': ['baby-seen'],
  'repeated-harm': ['baby-seen'],
  'discharge-without-plan': ['baby-seen'],
  'baby-not-seen': ['baby-seen'],
  'hidden-risk': ['who-is-staying'],
  'adult-not-assessed': ['who-is-staying'],
  'missed-appointments': ['appointments'],
  'unsafe-sleep-combination': ['where-baby-sleeps'],
};

/** A factor a visit can tell about: indicated, excluded on the carer's word alone, or in conflict. */
function wantsCheck(factor: EvaluatedFactor): boolean {
  return factor.indicated || factor.effectiveStatus === 'unverified-exclusion' || factor.conflict;
}

function reasonFor(factor: EvaluatedFactor, name: string | undefined): string {
  const label = factorDefinition(factor.factorId).label;
  const who = name ? ` (${name})` : '';
  if (factor.conflict) return `${label}${who}: sources disagree`;
  if (factor.indicated) return `${label}${who}: present or indicated`;
  return `${label}${who}: excluded on the carer’s word alone`;
}

export interface SuggestOptions {
  /** Whether the baby is born (the sleep check asks where the baby will sleep before the birth). */
  born?: boolean;
}

/** The check items the profile suggests, one per check and person, in the templates' order. */
export function suggestCheckItems(evaluation: ProfileEvaluation, options: SuggestOptions = {}): SuggestedCheckItem[] {
  const born = options.born ?? true;
  const wanted = new Map<string, { template: CheckTemplateId; personId?: string; name: string; because: string[]; personOrder: number }>();
  const want = (template: CheckTemplateId, because: string, person?: { id: string; name: string; order: number }) => {
    const key = person ? `${template}|${person.id}` : template;
    const found = wanted.get(key);
    if (found) {
      if (!found.because.includes(because)) found.because.push(because);
      return;
    }
    wanted.set(key, { template, ...(person ? { personId: person.id } : {}), name: person?.name ?? '', because: [because], personOrder: person?.order ?? 0 });
  };

  evaluation.subjects.forEach((subject, order) => {
    const person = subject.subject === 'adult' && subject.personId ? { id: subject.personId, name: subject.name, order } : undefined;
    for (const factor of subject.risk) {
      const template = TEMPLATE_BY_FACTOR.get(factor.factorId);
      if (!template || !wantsCheck(factor)) continue;
      if (CHECK_TEMPLATES[template].perPerson && !person) continue;
      want(template, reasonFor(factor, person?.name), CHECK_TEMPLATES[template].perPerson ? person : undefined);
    }
  });
  for (const finding of evaluation.findings) {
    for (const template of FINDING_CHECKS[finding.id] ?? []) want(template, `Finding: ${findingDefinition(finding.id).title}`);
  }

  return [...wanted.entries()]
    .sort(([, a], [, b]) => TEMPLATE_IDS.indexOf(a.template) - TEMPLATE_IDS.indexOf(b.template) || a.personOrder - b.personOrder)
    .map(([key, { template, personId, name, because }]) => {
      const t: CheckTemplate = CHECK_TEMPLATES[template];
      return {
        key,
        text: t.text(name, born),
        question: t.question(name, born),
        ...(t.factorId ? { factorId: t.factorId } : {}),
        ...(personId ? { personId } : {}),
        checkedBy: [...t.checkedBy],
        frequency: t.frequency,
        because,
      };
    });
}
