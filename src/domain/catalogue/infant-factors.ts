// The baby's own factors (docs/profile-catalogue.md, "Infant factors"): what makes this baby more fragile, harder to care
// for, or shows that its needs are not met. Help and questions are ours, drawn from the publications cited (docs/domain.md, Sources).
import { cite, SOURCES } from './sources.ts';
import { defineFactors } from './factor-definition.ts';
import type { InfantFactorId } from './factor-ids.ts';
import type { FactorContent } from './factor-definition.ts';

const { nspccInfants, northants, bsw, nspccBriefing, derby } = SOURCES;

const contents: Record<InfantFactorId, FactorContent> = {
  prematurity: {
    label: 'Born before 37 weeks',
    phrase: 'birth before 37 weeks',
    help:
      'Fills itself from the gestation at birth; under 32 weeks is very preterm. A premature baby is more fragile, ' +
      'may spend weeks in hospital (which makes bonding harder) and may come home before a pre-birth assessment is ' +
      'finished. Judge growth and development against corrected age, not generic tools.',
    questions: [
      'Was there a multi-agency discharge plan before the baby came home?',
      'Are growth and development judged against corrected age?',
      'How did the carers manage while the baby was in hospital?',
    ],
    citations: [cite(northants, '§3.0'), cite(nspccInfants, '"Key issues around infants" (premature babies)')],
    derived: true,
  },
  'low-birth-weight': {
    label: 'Birth weight under 2,500 g',
    phrase: 'low birth weight',
    help: 'Fills itself from the birth weight. A small baby is more fragile, and sharing a bed is riskier for them.',
    questions: ['Do the carers know why bed-sharing is riskier for a small baby?', 'Is the baby gaining weight as expected?'],
    citations: cite(northants, '§3.0'),
    derived: true,
  },
  'multiple-birth': {
    label: 'Twins or more',
    phrase: 'multiple birth',
    help:
      'Fills itself from the record. Caring for two or more babies at once, often born early, adds to the strain ' +
      'on a family that already has problems.',
    questions: ['Who helps with the babies, day and night?', 'Is each baby seen, weighed and talked about at every contact?'],
    citations: [cite(nspccInfants, '"Key issues around infants"'), cite(nspccBriefing, 'key issue b')],
    derived: true,
  },
  'disability-or-complex-health': {
    label: 'Disability or a chronic or complex condition',
    phrase: 'disability or complex health condition',
    help:
      'A condition that needs ongoing care, affects feeding, growth or development, or makes the baby fragile to ' +
      'handle. It adds stress for the whole family, and robust handling can cause harm without the carer knowing (Infant 2).',
    questions: [
      'How fragile is the baby to handle, and have the carers (and professionals) been shown how?',
      'What does the condition ask of the carers each day and night?',
      'How is the rest of the family coping with the extra care?',
    ],
    citations: [cite(derby, '§5.18, §5.26 and §7.11'), cite(nspccBriefing, 'key issue b')],
    stressor: true,
    cin: { kind: 'person', factor: 6 },
  },
  'neonatal-unit-stay': {
    label: 'Stay in a neonatal unit',
    phrase: 'neonatal unit stay',
    help:
      'Admission to a neonatal unit. Record how often the carers visited: infrequent visits can be an early sign ' +
      "that a parent is struggling to meet the baby's needs.",
    questions: [
      'How often did each carer visit, and what got in the way?',
      'What did unit staff see of the carers with the baby, and with each other?',
      'Was there a discharge planning meeting, and was the social worker told of the discharge?',
    ],
    citations: [cite(nspccInfants, '"Key issues around infants" (premature babies)'), cite(derby, '§5.19, §5.23 and §5.30')],
  },
  'feeding-difficulty': {
    label: 'Feeding difficulty',
    phrase: 'feeding difficulty',
    help:
      'Feeding problems, tube feeding or poor weight gain. A baby who is hard to feed strains the carers, and a ' +
      'feeding problem can come from the care the baby gets as well as from a condition (Infant 3).',
    questions: [
      'Who feeds the baby, and how do they feel when feeding goes badly?',
      'Has anyone asked whether the problem could come from the care rather than from a health condition?',
      'How often have the carers sought help about feeding, and from whom?',
    ],
    citations: [cite(derby, '§5.19, §5.23, §5.50 and §5.56'), cite(northants, '§3.0')],
    stressor: true,
  },
  'hard-to-soothe': {
    label: 'Cries a lot or is hard to settle',
    phrase: 'crying or being hard to settle',
    help:
      'A baby who cries a lot or is hard to settle is a known trigger for harm, above all around the crying peak at ' +
      '6 to 8 weeks and with carers who resent crying.',
    questions: [
      'How much does the baby cry, and what do the carers do when nothing works?',
      'Have the carers been told it is OK to walk away, and never to shake a baby?',
      'Who can the carer call when they are at the end of their tether?',
    ],
    citations: [cite(northants, '§3.0'), cite(bsw, '"Tools to support practice" (ICON)')],
    stressor: true,
  },
  'faltering-growth': {
    label: 'Faltering growth',
    phrase: 'faltering growth',
    help:
      'Fills itself from the weights recorded on the growth page, read against the UK-WHO centiles (corrected age if ' +
      "premature). Weight falling across the centiles, above all alongside other concerns, can show that the baby's needs are not met.",
    questions: [
      'What do the growth charts show since birth (against corrected age if premature)?',
      'Is there a medical explanation, confirmed by a paediatrician?',
      'What else is happening in the family?',
    ],
    citations: cite(nspccBriefing, 'key issue c'),
    derived: true,
    cin: { kind: 'code', code: '16A', confirm: true },
  },
  'sibling-under-two': {
    label: 'Another child under two at home',
    phrase: 'another child under two at home',
    help: 'Fills itself from the children recorded in the household. A toddler and a baby together mean more demands, less sleep and more stress.',
    questions: ['Who helps with the older child?', 'How are the carers coping with a toddler and a baby together?'],
    citations: [cite(nspccBriefing, 'key issue b'), cite(derby, '§5.6')],
    derived: true,
    stressor: true,
  },
  'sibling-on-plan': {
    label: 'A brother or sister on a plan, now or before',
    phrase: 'brother or sister on a plan',
    help: "A sibling on, or previously on, a child protection or child's plan. Earlier patterns may still apply: a birth is not a fresh start.",
    questions: ['Which plans, when, and why did they end?', 'What has changed since, and what evidence shows it?'],
    citations: [cite(nspccBriefing, 'key issues b and d'), cite(nspccInfants, '"Key issues around infants" (fresh start)')],
  },
  injury: {
    label: 'Bruise, mark or injury',
    phrase: 'injury',
    help:
      'Any bruise, mark or injury, however small and whatever the explanation. In a baby who cannot crawl, shuffle, ' +
      "pull to stand, cruise or walk it is never assessed in isolation: if they can't cruise, they can't bruise.",
    questions: [
      'Where is the mark and what does it look like (face, ears, hands, back, abdomen, buttocks; clustered; grip or pinch marks; petechiae; bleeding from nose or mouth)?',
      'Has a paediatrician seen the baby today?',
      'What explanation was given, by whom, and does it fit what the baby can do?',
      'Has the baby had any mark or injury before?',
    ],
    citations: [cite(bsw, '"Bruising in non-mobile babies"'), cite(derby, '§5.24, §5.51 and §7.3')],
    // Only when the assessment finds physical abuse by an adult: an injury alone is not that finding.
    cin: { kind: 'code', code: '18C', confirm: true },
  },
  'was-not-brought': {
    label: 'Not brought to appointments',
    phrase: 'pattern of missed appointments',
    help: "Missed health appointments for the baby: a sign that the carers may be struggling to meet the baby's needs, or avoiding professionals.",
    questions: ['Which appointments were missed, and what reasons were given?', 'Are other children also not brought?', 'Has the GP been told?'],
    citations: [cite(nspccBriefing, 'key issue c'), cite(derby, '§5.21 and §5.33')],
    cin: { kind: 'code', code: '16A', confirm: true },
  },
  'late-booking': {
    label: 'Late antenatal booking',
    phrase: 'late antenatal booking',
    help:
      'Booking after 12 weeks of pregnancy (the threshold is configurable). It leaves less time for a pre-birth ' +
      'assessment and may show ambivalence or fear about the pregnancy, or difficulty engaging.',
    questions: ['At how many weeks did the mother book, and why then?', 'Is there still time for a pre-birth assessment before the birth?'],
    citations: cite(northants, '§2.0'),
  },
  'concealed-pregnancy': {
    label: 'Pregnancy concealed or denied',
    phrase: 'concealed pregnancy',
    help: 'A hidden or denied pregnancy prevents early assessment of needs and risks and may show difficulty putting the unborn baby first.',
    questions: ['When and how did professionals learn of the pregnancy?', 'Why was it hidden, and from whom?'],
    citations: cite(northants, '§2.0'),
  },
  'termination-not-carried-out': {
    label: 'Requested termination not carried out',
    phrase: 'requested termination not carried out',
    help: 'The mother asked for a termination that did not happen (for example, asked too late). Parents in this position may need extra support.',
    questions: ['How does the mother feel about the pregnancy and the baby now?', 'What support does she have?'],
    citations: cite(nspccInfants, '"Key issues around infants"'),
  },
};

export const INFANT_FACTORS = defineFactors<InfantFactorId>('infant', 'risk', contents);
