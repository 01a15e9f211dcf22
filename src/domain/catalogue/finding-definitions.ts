// The findings (docs/profile-catalogue.md, "Findings" and the sections after it): stable id, severity, title, what to do, and
// the guidance each comes from. The rules that raise them live in domain/profile/findings/.
import { cite, citationList, SOURCES, type Citation, type Cites } from './sources.ts';

export const SEVERITIES = ['critical', 'high', 'attention'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const FINDING_IDS = [
  'non-mobile-injury',
  'unsafe-sleep-combination',
  'previous-child-removed',
  'domestic-abuse',
  'chaotic-substance-use',
  'stress-response',
  'conflicting-information',
  'unverified-exclusion',
  'hidden-risk',
  'adult-not-assessed',
  'protective-claim-unsupported',
  'fresh-start',
  'reassessment-due',
  'pre-birth-assessment-due',
  // Catalogue version 2: patterns in the chronology (issue 5).
  'relapse',
  'baby-not-seen',
  'repeated-harm',
  'missed-appointments',
  'repeated-police-incidents',
  // Catalogue version 3: the plan's checks (issue 13).
  'plan-check-missed',
  // Catalogue version 4: the plan around the baby (issue 13).
  'discharge-without-plan',
  'gp-not-informed',
] as const;

export type FindingId = (typeof FINDING_IDS)[number];

export interface FindingDefinition {
  id: FindingId;
  severity: Severity;
  title: string;
  suggestedAction: string;
  /** The publications and sections the finding comes from (docs/domain.md, Sources). */
  citations: readonly Citation[];
}

const { nspccInfants, northants, bsw, nspccBriefing, derby } = SOURCES;

type Row = [severity: Severity, title: string, suggestedAction: string, cites: Cites];

const rows: Record<FindingId, Row> = {
  'non-mobile-injury': [
    'critical',
    'Injury to a baby who is not independently mobile',
    "Same-day referral to children's social care and paediatric assessment.",
    [cite(bsw, '"Bruising in non-mobile babies"'), cite(derby, '§5.24, §5.51 and §7.3')],
  ],
  'unsafe-sleep-combination': [
    'critical',
    'Unsafe sleep with a risk that makes it worse',
    'Make a safe sleep plan now and discuss it with the safeguarding lead.',
    [cite(northants, '§4.0'), cite(bsw, '"Key messages" (safe sleeping)'), cite(derby, '§5.11 to §5.12 and §7.5')],
  ],
  'previous-child-removed': [
    'high',
    'A child was harmed or removed before',
    "Pre-birth or early assessment by children's social care.",
    [cite(northants, '§2.0, "Previous parenting experience"'), cite(nspccInfants, '"Key issues around infants" (fresh start)')],
  ],
  'domestic-abuse': [
    'high',
    'Domestic abuse',
    'Complete the DASH risk assessment; refer to MARAC if the risk is high.',
    [cite(northants, '§2.0'), cite(nspccInfants, '"Key issues around infants"'), cite(derby, '§5.19, §5.46 and §5.54')],
  ],
  'chaotic-substance-use': [
    'high',
    'Chaotic substance use by someone who cares for the baby',
    'Plan for the times that carer is alone with the baby, and find out what sets off heavy use.',
    cite(derby, '§4.3, §5.10 and §5.16'),
  ],
  'stress-response': [
    'high',
    'A harmful response to stress meets a stress at home',
    'Name the trigger and the plan for it: who steps in, and how the carer gets help.',
    cite(derby, '§4.2 to §4.3, §5.16, §5.56, §6.3, §7.8 and §9.1'),
  ],
  'conflicting-information': [
    'high',
    'Sources disagree',
    'Triangulate: speak to the other sources. The lower-risk account is not accepted by default.',
    [cite(derby, '§5.8, §5.13 to §5.15 and §7.10'), cite(bsw, '"Information sharing and gathering"')],
  ],
  'unverified-exclusion': [
    'attention',
    "Excluded on the carer's word alone",
    'Seek another source: a record, an observation or the wider family.',
    [cite(derby, '§4.3, §5.8 and §5.14'), cite(northants, '§5.0, "Evidence rather than assumptions"')],
  ],
  'hidden-risk': [
    'high',
    'Hidden risk',
    'Consider escalation, and engage the wider family.',
    [cite(derby, '§4.5, §5.15 and §9.2'), cite(bsw, '"Recognising and responding to the vulnerability of babies" (invisible men)')],
  ],
  'adult-not-assessed': [
    'attention',
    'An adult around the baby is not assessed',
    'Assess them: invisible adults are a known failure.',
    [cite(bsw, '"Recognising and responding to the vulnerability of babies" (invisible men) and "Local practice themes – audits" (working with fathers)'), cite(northants, '§2.0, "The role of fathers"'), cite(derby, '§5.34')],
  ],
  'protective-claim-unsupported': [
    'attention',
    'A protective partner, but not how',
    'Say how the partner protects the baby, and when they are there.',
    cite(derby, '§5.9'),
  ],
  'fresh-start': [
    'high',
    'Treated as a fresh start',
    "Earlier patterns still apply: test the carer's account against records and the wider family.",
    [cite(nspccInfants, '"Key issues around infants" (fresh start)'), cite(nspccBriefing, 'key issue d')],
  ],
  'reassessment-due': [
    'attention',
    'Reassessment due',
    'Review the profile.',
    [cite(nspccInfants, '"Learning for improving practice" (ongoing assessment)'), cite(derby, '§5.23 and §7.12')],
  ],
  'pre-birth-assessment-due': [
    'high',
    'Pre-birth assessment due',
    'Start or finish the pre-birth assessment.',
    [cite(northants, '§2.0'), cite(nspccInfants, '"Learning for improving practice" (pre-birth assessments in good time)')],
  ],
  relapse: [
    'high',
    'Improvement, then relapse',
    'Do not rest on the latest improvement: plan for the next relapse, and test exclusions against the history.',
    [cite(nspccInfants, '"Key issues around infants" (small improvements)'), cite(nspccBriefing, 'key issue d')],
  ],
  'baby-not-seen': [
    'high',
    'The baby is not being seen',
    'See the baby, awake, this week; if the family cannot be reached, discuss it with the safeguarding lead.',
    [cite(nspccInfants, '"Learning for improving practice" (child-centred approach)'), cite(derby, '§5.50')],
  ],
  'repeated-harm': [
    'high',
    'Repeated injuries or emergency attendances',
    'Look at the injuries and attendances together, not one at a time; discuss with the safeguarding lead and a paediatrician.',
    [cite(bsw, '"Bruising in non-mobile babies"'), cite(derby, '§5.24 and §5.51')],
  ],
  'missed-appointments': [
    'attention',
    'Repeatedly not brought to appointments',
    'Find out why the baby was not brought; treat it as a sign the carers may be struggling.',
    cite(nspccBriefing, 'key issue c'),
  ],
  'repeated-police-incidents': [
    'attention',
    'Repeated police incidents',
    'Ask the police for the detail of each incident and consider what they mean for the baby together.',
    cite(bsw, '"Local practice themes – audits" (chronologies)'),
  ],
  'plan-check-missed': [
    'attention',
    'A check in the plan could not be done twice in a row',
    'Agree with the team how and when the item will be checked (a visit at another time, or another agency), and review the plan if it cannot be.',
    cite(derby, '§9.4 (every practitioner clear about what needs to be reviewed and assessed at each interaction)'),
  ],
  'discharge-without-plan': [
    'high',
    'A baby went home from hospital with no discharge plan',
    'Agree a discharge plan with the ward now: who sees the baby first at home and by when, feeding and handling advice, and the follow-up appointments; and tell the social worker the baby is home.',
    [cite(nspccInfants, '"Learning for improving practice" (a multi-disciplinary discharge plan for premature babies)'), cite(derby, '§5.19 to §5.23')],
  ],
  'gp-not-informed': [
    'attention',
    'The GP has not been told of the concerns',
    'Tell the GP of the concerns about the baby and the adults caring for the baby, and record when the GP was told.',
    [cite(bsw, '"Local practice themes – audits" (a gap in informing GPs of concerns)'), cite(northants, '§5.0')],
  ],
};

/** In catalogue order (docs/profile-catalogue.md), which is also the order findings of equal severity are shown in. */
export const FINDING_DEFINITIONS: readonly FindingDefinition[] = FINDING_IDS.map((id) => {
  const [severity, title, suggestedAction, cites] = rows[id];
  return { id, severity, title, suggestedAction, citations: citationList(cites) };
});

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}
