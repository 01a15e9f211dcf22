// The agreed terms the service uses, each with one commonly understood meaning ("use agreed terms
// with a commonly understood meaning": NSPCC, Infants: learning from case reviews, 2018, "Learning
// for improving practice"). Meanings are docs/domain.md's (Words, Levels of support, Evidence), in
// plain words. `phrases` are the words on a page that the term defines, for linking them to it.

export interface GlossaryTerm {
  /** The anchor on the glossary page. */
  id: string;
  term: string;
  meaning: string;
  /** Words on the pages that this term explains, lower case; the term itself is always one. */
  phrases: readonly string[];
}

export interface GlossaryGroup {
  heading: string;
  terms: readonly GlossaryTerm[];
}

const term = (id: string, name: string, meaning: string, phrases: readonly string[] = []): GlossaryTerm => ({
  id,
  term: name,
  meaning,
  phrases: [name.toLowerCase(), ...phrases],
});

export const GLOSSARY: readonly GlossaryGroup[] = [
  {
    heading: 'People and meetings',
    terms: [
      term('infant', 'Infant', 'A baby under one.'),
      term('unborn-baby', 'Unborn baby', 'The baby before birth.'),
      term('carer', 'Carer', 'An adult who lives with or cares for the baby.'),
      term('significant-adult', 'Significant adult', 'Any adult who lives with, cares for or regularly visits the baby, and both parents, wherever they live.', ['an adult around the baby']),
      term('lead-professional', 'Lead professional', 'The practitioner who coordinates the support around the family.'),
      term('team-around-the-family', 'Team around the family', 'The practitioners working with the family, who can see the record.'),
      term('safeguarding-lead', 'Safeguarding lead', 'The person in each agency who advises on, and oversees, safeguarding.'),
      term('strategy-discussion', 'Strategy discussion', "A meeting of children's social care, police and health when significant harm to a child is suspected."),
      term('core-group', 'Core group', 'The practitioners who carry out a child protection plan day to day and meet to check it is working. The first core group meeting is within 10 working days of the initial child protection conference.', ['core group meeting']),
      term('professionals-meeting', "Professionals' meeting", 'A meeting of the professionals without the parents, to test their views against each other.'),
      term('marac', 'MARAC', 'Multi-agency risk assessment conference: a meeting about high-risk domestic abuse.'),
    ],
  },
  {
    heading: 'Levels of support',
    terms: [
      term('universal', 'Universal', 'The services every family gets: midwife, health visitor and GP.'),
      term('early-help', 'Early help', 'Extra support agreed with the family and coordinated by a lead professional, usually after an early help assessment.'),
      term('early-help-assessment', 'Early help assessment (EHA)', 'An assessment, with the family’s agreement, of the extra support they need.', ['early help assessment']),
      term('child-in-need', 'Child in need', "Children's social care has assessed the baby as a child in need (section 17 of the Children Act 1989) and there is a child in need plan.", ['child in need plan']),
      term('child-protection', 'Child protection', 'After enquiries into significant harm (section 47 of the Children Act 1989) and a child protection conference, the baby is on a child protection plan.', ['child protection plan']),
      term('looked-after', 'Looked after', 'The baby is in the care of the local authority: under a care order, or accommodated.'),
    ],
  },
  {
    heading: 'The profile',
    terms: [
      term('risk-factor', 'Risk factor', 'Something about the baby, an adult or the household that makes harm more likely. Every risk factor is assumed until it is excluded on evidence.'),
      term('protective-factor', 'Protective factor', 'Something that makes the baby safer, such as a partner who protects the baby. It must be shown: how, and when.'),
      term('not-yet-assessed', 'Not yet assessed', 'Nobody has assessed the factor yet, so the risk is assumed.'),
      term('excluded', 'Excluded', 'Assessed and not there, with at least one piece of evidence that it is absent.'),
      term('present', 'Present', 'Assessed and there, with what is known about it.'),
      term('cannot-be-assessed', 'Cannot be assessed', 'The factor could not be assessed, with the reason: this is hidden risk.'),
      term('hidden-risk', 'Hidden risk', 'Risk that cannot be assessed because a carer cannot be reached or is not open.'),
      term('unverified-exclusion', 'Unverified exclusion', "A factor that needs checking, excluded on the carer's own word alone. It still counts as open until another source confirms it.", [
        "excluded on the carer's word alone",
        "excluded on the carer's word only",
      ]),
      term('verified', 'Verified', "An exclusion with some evidence of absence that is not the carer's own account."),
      term('conflicting-information', 'Conflicting information', 'Evidence points both ways. The profile shows both and never picks one: the lower-risk account is not accepted by default.', ['sources disagree']),
      term('finding', 'Finding', 'What the profile shows from the factors and the chronology, with how serious it is (critical, high or attention), why, what to do and the guidance it comes from.'),
      term('fresh-start', 'Fresh start', 'A new baby treated as a new beginning, setting aside a child harmed or removed before, a hard childhood or an earlier plan.'),
      term('stressor', 'Stressor', 'A pressure on the household or the baby, such as a baby who cries a lot, poverty or unstable housing. Stress is where harm happens.'),
      term('trigger', 'Trigger', 'An event that can change the risk, such as a new adult in the household or a police incident: it re-opens the profile for review.', ['reassessment']),
      term('pre-birth-assessment', 'Pre-birth assessment', 'An assessment, before the birth, of the risk to the baby and of the support the family needs. It must start early enough for help to be in place before the baby is born.'),
      term('derived-factor', 'From the record', 'A factor that fills itself from the record, such as birth before 37 weeks: it is never set by hand.'),
    ],
  },
  {
    heading: 'Evidence and the record',
    terms: [
      term('evidence-source', 'Evidence source', 'Where a piece of evidence comes from: seen by the practitioner, another agency’s record, a third party such as the wider family, what the parent or carer says, or professional judgement. Only what the carer says cannot verify an exclusion.'),
      term('carers-account', "Carer's account", "What a parent or carer says about themselves or the other carer. It is worth recording but does not verify itself.", ['what the parent or carer says']),
      term('chronology', 'Chronology', 'The merged, dated list of what happened, from every agency.'),
      term('was-not-brought', 'Was not brought', 'A child’s missed appointment: the child did not miss it, the adults did not bring them.', ['not brought']),
      term('emergency-access', 'Emergency access', 'Reading a record outside the team around the family in an emergency, with a reason. It is read-only, lasts a few hours and is reviewed afterwards by a safeguarding lead.'),
    ],
  },
];

export const GLOSSARY_TERMS: readonly GlossaryTerm[] = GLOSSARY.flatMap((group) => group.terms);
