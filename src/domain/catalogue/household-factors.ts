// The household's factors (docs/profile-catalogue.md, "Household factors"): hazards in the home and the pressures on it.
// Most are stressors; unsafe sleep and smoking are hazards, not pressures, so they are not.
import { cite, SOURCES } from './sources.ts';
import { defineFactors } from './factor-definition.ts';
import type { HouseholdFactorId } from './factor-ids.ts';
import type { FactorContent } from './factor-definition.ts';

const { nspccInfants, northants, bsw, derby } = SOURCES;

const contents: Record<HouseholdFactorId, FactorContent> = {
  'unsafe-sleep': {
    label: 'Unsafe sleep',
    phrase: 'unsafe sleep',
    help:
      'Bed-sharing, falling asleep with the baby on a sofa or armchair, or no safe cot. The safest place is a clear, ' +
      "flat cot beside the parents' bed. Infant 1 died in an armchair with a mother who had been drinking. See the " +
      "sleeping place; don't rely on the account.",
    questions: [
      'Where does the baby sleep, day and night? Have you seen it?',
      'Does anyone fall asleep with the baby on a sofa or in an armchair?',
      'Does anyone who shares a bed with the baby smoke, drink or take drugs?',
    ],
    citations: [cite(northants, '§4.0'), cite(bsw, '"Key messages" (safe sleeping)'), cite(derby, '§5.11')],
    needsVerification: true,
    // Only when the assessment finds neglect: unsafe sleep alone is not that finding.
    cin: { kind: 'code', code: '16A', confirm: true },
  },
  'smoking-in-home': {
    label: 'A carer smokes',
    phrase: 'smoking',
    help: 'A carer who smokes raises the risk of sudden infant death, above all when sharing a bed with the baby.',
    questions: ['Who smokes, and where?', 'Has the extra risk of bed-sharing with a smoker been explained?'],
    citations: cite(northants, '§4.0'),
  },
  'housing-instability': {
    label: 'Homeless, temporary housing or frequent moves',
    phrase: 'unstable housing',
    help: 'Without a stable home it is hard to keep a baby safe and warm, and each move can lose contact with professionals between teams.',
    questions: ['How long have they lived here, and where before?', 'Is a move coming, and will the next team be told?'],
    citations: [cite(northants, '§4.0'), cite(nspccInfants, '"Learning for improving practice" (moving to a new area)')],
    stressor: true,
  },
  'material-hardship': {
    label: 'Poverty or no essentials',
    phrase: 'poverty or lack of essentials',
    help:
      'Not enough money for food, heating, a cot, bedding or feeding equipment, or essential appliances broken and ' +
      'not replaced. Assess resources objectively and without judgement: practical problems can set off a harmful ' +
      'response to stress (Infant 2).',
    questions: [
      'Is there a cot, bedding, heating and a way to make up feeds?',
      'Are the essential appliances working (washing machine, fridge, cooker)?',
      'What help with money or goods has been offered?',
    ],
    citations: [cite(derby, '§4.3, §5.39 and §9.4'), cite(northants, '§4.0')],
    stressor: true,
  },
  'poor-home-conditions': {
    label: 'Unsafe or unhygienic home',
    phrase: 'poor state of the home',
    help: 'A home that is dirty, cold, cluttered or hazardous for a baby. Small improvements can hide a pattern that keeps coming back.',
    questions: ['What did you see in each room the baby uses?', 'Has it improved before and slipped back?'],
    citations: [cite(derby, '§5.20, §5.32 and §5.35'), cite(nspccInfants, '"Key issues around infants" (small improvements)')],
    stressor: true,
    // Only when the assessment finds neglect.
    cin: { kind: 'code', code: '16A', confirm: true },
  },
  'parental-conflict': {
    label: 'Conflict between the adults',
    phrase: 'conflict between the adults',
    help: 'Conflict, a controlling or dominant partner, or a large age gap. Conflict with a former partner counts too (Infant 3).',
    questions: [
      'How do the adults get on, and who makes the decisions?',
      'Is there a large age gap between them?',
      'Is there conflict with a former partner, for example over contact with a child?',
    ],
    citations: [cite(northants, '§2.0'), cite(derby, '§5.46 and §5.56')],
    needsVerification: true,
    stressor: true,
  },
  'new-adult': {
    label: "A new adult in the baby's life",
    phrase: 'new adult',
    help: 'A new partner, lodger or anyone new who lives with, cares for or often visits the baby. Find out who they are.',
    questions: ['Who is new, and what do we know about them?', 'Are they ever alone with the baby?'],
    citations: [cite(nspccInfants, '"Learning for improving practice" (new adults)'), cite(northants, '§2.0')],
    stressor: true,
  },
  'large-family': {
    label: 'Four or more other children at home',
    phrase: 'large family',
    help: 'Many children at home means more demands on the carers and less attention for the baby.',
    questions: ['How many children live here, and who helps with them?', "Where does the baby fit in the day's routine?"],
    citations: cite(derby, '§4.3, §5.18 and §5.30'),
    stressor: true,
  },
  'child-with-additional-needs': {
    label: 'Another child with a disability or high needs',
    phrase: 'child with additional needs',
    help: 'Another child with a disability, serious illness, or behaviour or speech problems adds to the stress at home.',
    questions: ['What does that child need each day?', 'How are the carers coping with both children?'],
    citations: cite(derby, '§4.3, §5.18 and §5.47'),
    stressor: true,
  },
  bereavement: {
    label: 'Loss of a child, stillbirth or other major loss',
    phrase: 'bereavement',
    help: "The loss of a child, a stillbirth or another major loss can affect a parent's mental health and how they feel about a new baby.",
    questions: ['What loss, when, and what support did they have?', 'How do they feel about this baby?'],
    citations: cite(derby, '§5.32'),
    stressor: true,
  },
  isolation: {
    label: 'Little practical or emotional support',
    phrase: 'isolation',
    help: 'Few people to help day to day or to turn to. A vulnerable carer with no supportive partner or family is at greater risk.',
    questions: ['Who helps, and how often?', 'Who would they call at three in the morning?'],
    citations: cite(northants, '§1.0 and §5.0'),
    stressor: true,
  },
};

export const HOUSEHOLD_FACTORS = defineFactors<HouseholdFactorId>('household', 'risk', contents);
