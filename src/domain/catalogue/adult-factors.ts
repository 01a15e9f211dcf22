// Each significant adult's factors (docs/profile-catalogue.md, "Adult factors"): every adult who lives with, cares for
// or regularly visits the baby, fathers and unknown adults included, gets all of them.
import { cite, SOURCES } from './sources.ts';
import { defineFactors } from './factor-definition.ts';
import type { AdultFactorId } from './factor-ids.ts';
import type { FactorContent } from './factor-definition.ts';

const { nspccInfants, northants, bsw, nspccBriefing, derby } = SOURCES;

const contents: Record<AdultFactorId, FactorContent> = {
  'young-parent': {
    label: 'Parent under 20 at the birth',
    phrase: 'young parenthood',
    help:
      "Fills itself from the parent's date of birth. Many young parents care very well; it matters most alongside a " +
      'difficult childhood or other problems.',
    questions: ['What was their own childhood like?', 'Who supports them day to day?'],
    citations: [cite(northants, '§2.0'), cite(nspccInfants, '"Key issues around infants"')],
    derived: true,
  },
  'childhood-adversity': {
    label: 'Abuse or neglect in their own childhood',
    phrase: 'childhood adversity',
    help:
      'Abuse or neglect as a child, being looked after, or being on a plan as a child. Parents who were not well ' +
      'parented may find the stress of a new baby harder, and may lack a supportive family.',
    questions: [
      'What was their own childhood like, and who looked after them?',
      'Were they on a plan, or looked after, as a child?',
      'Did they have school exclusion, offending or self-harm?',
    ],
    citations: cite(northants, '§2.0 and §5.0'),
  },
  'mental-health': {
    label: 'Mental health problems, now or in the past',
    phrase: 'mental ill health',
    help:
      'Current or past mental health problems. Understand what the problem is, how well it is controlled, and ' +
      "whether treatment has stopped (Infant 1's mother stopped when she became pregnant). Resisting assessment or " +
      'playing problems down is a concern in itself.',
    questions: [
      'What is the difficulty or diagnosis, and who treats it?',
      'Has treatment or medication stopped, and why?',
      'What does the GP record say?',
    ],
    citations: [cite(derby, '§4.3, §5.2 and §5.4'), cite(northants, '§5.0')],
    needsVerification: true,
    cin: { kind: 'person', factor: 4 },
  },
  'alcohol-misuse': {
    label: 'Alcohol misuse',
    phrase: 'alcohol misuse',
    help:
      'Drinking that puts the baby at risk; say whether it is stable or chaotic (chaotic use is less predictable and ' +
      "riskier). Do not rely on the carer's own account of how much and how often: Infant 1's mother denied a " +
      'problem while her sister, her husband and a health visitor saw otherwise.',
    questions: [
      'How much and how often, according to whom besides the carer?',
      'What sets off heavy drinking: stress, a crying baby, being alone?',
      'Who looks after the baby when the carer has been drinking?',
      'Has the wider family been asked?',
    ],
    citations: cite(derby, '§4.3 and §5.1 to §5.16'),
    needsVerification: true,
    substanceUse: true,
    cin: { kind: 'person', factor: 1 },
  },
  'drug-misuse': {
    label: 'Drug misuse, cannabis included',
    phrase: 'drug misuse',
    help:
      'Use of drugs, cannabis included; say whether it is stable or chaotic. Reviews found professionals playing ' +
      'down cannabis use.',
    questions: [
      'Which drugs, how much and how often, according to whom?',
      'Is the carer in treatment, and does that service know about the baby?',
      'Where are drugs kept in the home, and who looks after the baby when the carer has used?',
    ],
    citations: [cite(nspccBriefing, 'key issue d'), cite(derby, '§4.3')],
    needsVerification: true,
    substanceUse: true,
    cin: { kind: 'person', factor: 2 },
  },
  'learning-disability': {
    label: 'Learning disability or difficulty',
    phrase: 'learning disability',
    help:
      'A learning disability or difficulty may affect how a carer takes in and follows advice. Give information in ' +
      'a way they can use, and look for a supportive adult in the daily care of the baby.',
    questions: ['How does this carer best take in information?', 'Who supports them day to day?', 'Are adult services involved?'],
    citations: [cite(nspccInfants, '"Key issues around infants"'), cite(northants, '§1.0 and §2.0')],
    cin: { kind: 'person', factor: 5 },
  },
  'domestic-abuse-victim': {
    label: 'Experiencing domestic abuse',
    phrase: 'experience of domestic abuse',
    help:
      'Being abused by a partner, a former partner or a family member. The risk rises in pregnancy and after a ' +
      'birth, and a person being abused may not see it for what it is. Use the DASH checklist.',
    questions: [
      'Asked alone: does anyone at home hurt, frighten or control you?',
      'Have the police been called to the home, or about a former partner?',
      'Is a relationship described as over really over?',
    ],
    citations: [cite(northants, '§2.0'), cite(nspccInfants, '"Key issues around infants"'), cite(derby, '§5.46 and §5.54')],
    needsVerification: true,
    cin: { kind: 'person', factor: 3 },
  },
  'domestic-abuse-perpetrator': {
    label: 'Perpetrating domestic abuse',
    phrase: 'domestic abuse of others',
    help:
      'Abusing a partner or family member, including verbal abuse seen by professionals (Infant 2) and incidents ' +
      'reported by a former partner (Infant 3). Speak to former partners where it is safe to.',
    questions: [
      'What do police records show, including with former partners?',
      'Has anyone seen or heard abuse at a hospital, clinic or home visit?',
      'Has the other person been spoken to?',
    ],
    citations: cite(derby, '§5.19, §5.30, §5.46 and §5.54'),
    needsVerification: true,
    cin: { kind: 'person', factor: 3 },
  },
  'violent-offending': {
    label: 'Violent offending',
    phrase: 'violent offending',
    help: 'Violence outside the home, violent offending or A&E attendances linked to violence may show a risk to the baby.',
    questions: ['What do police and probation hold?', 'Any A&E attendances after fights or assaults?'],
    citations: cite(northants, '§2.0'),
    needsVerification: true,
  },
  'previous-child-harmed-or-removed': {
    label: 'Harmed a child before, or had a child removed',
    phrase: 'harm to, or removal of, an earlier child',
    help: 'Someone who harmed a child before, or from whom a child was removed, may still pose a risk: a new baby is not a fresh start.',
    questions: [
      'Which children, when, and why?',
      'What has changed since, shown by evidence rather than by their account?',
      "Have other local authorities' records been checked?",
    ],
    citations: [cite(northants, '§2.0'), cite(nspccInfants, '"Key issues around infants" (fresh start)'), cite(nspccBriefing, 'key issue d')],
    needsVerification: true,
  },
  'harmful-stress-response': {
    label: 'Responds to stress with anger, aggression, alcohol or drugs',
    phrase: 'harmful response to stress',
    help:
      'How this carer is known to react under pressure. A harmful response (anger, aggression, drinking, drugs) ' +
      'meeting a stress at home (a crying baby, feeding problems, money, housing, conflict) is where harm happens. ' +
      'Say what the response is and what sets it off.',
    questions: [
      'What has this carer done before when under pressure?',
      'What are the stress points for them now?',
      'Who is there to step in when they are struggling?',
    ],
    citations: cite(derby, '§4.3, §5.16, §6.3, §7.8 and §9.1'),
    needsVerification: true,
  },
  disengagement: {
    label: 'Avoids or resists professionals',
    phrase: 'disengagement from services',
    help:
      'Missing appointments, not opening the door, avoiding or resisting professionals, or engaging with one service ' +
      'and not another. Understand why; it also limits what anyone can assess.',
    questions: [
      'Which services, and what reasons were given?',
      'Does the carer engage with health but not with social care, or the other way round?',
      'Is the carer at visits but silent?',
    ],
    citations: [cite(bsw, '"Recognising and responding to the vulnerability of babies" (families who find it hard to engage)'), cite(derby, '§4.3, §5.20 and §5.34')],
  },
  'unrealistic-expectations': {
    label: 'Unrealistic expectations of the baby',
    phrase: 'unrealistic view of the baby',
    help: 'A limited grasp of what babies need and do: resenting crying, expecting the baby to sleep through or to “know” what it is doing.',
    questions: [
      'What does the carer think the baby needs, and what does the baby do that annoys them?',
      'What do they do when the baby cries?',
      'Do they enjoy the baby and respond to it sensitively?',
    ],
    citations: cite(northants, '§3.0 and §5.0'),
  },
  'physical-illness-or-disability': {
    label: 'Illness or disability affecting care',
    phrase: 'illness or disability',
    help: "The carer's own illness or disability, where it affects what they can do for the baby or adds to the family's stress.",
    questions: ["What can and can't the carer do for the baby?", 'Who fills the gaps?'],
    citations: cite(derby, '§4.3 and §5.18'),
    cin: { kind: 'person', factor: 6 },
  },
  'mistreats-animals': {
    label: 'Cruelty to animals',
    phrase: 'cruelty to animals',
    help: 'Cruelty to animals goes with violence to people and is a reason to reassess.',
    questions: ['Has anyone seen or reported animals being hurt or neglected?', 'Have the RSPCA or the police been involved?'],
    citations: cite(nspccInfants, '"Learning for improving practice"'),
    needsVerification: true,
  },
  'identity-unknown': {
    label: 'Who they are, or their history, is not known',
    phrase: 'unknown identity or history',
    help:
      'Fills itself from the record: an adult whose identity is not known, or whose history has not been checked. ' +
      'Not knowing who is around a baby is a known failure (“invisible men”).',
    questions: [
      'Who is this adult, and what is their date of birth?',
      "What do the police, children's social care and the GP hold about them?",
      'Who else visits, stays over or looks after the baby?',
    ],
    citations: [cite(bsw, '"Recognising and responding to the vulnerability of babies" (invisible men)'), cite(nspccInfants, '"Key issues around infants" (significant adults)'), cite(northants, '§5.0')],
    derived: true,
  },
};

export const ADULT_FACTORS = defineFactors<AdultFactorId>('adult', 'risk', contents);
