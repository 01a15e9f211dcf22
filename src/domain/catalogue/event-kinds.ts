// Chronology event kinds (docs/profile-catalogue.md, "Event kinds"): which re-open the profile (triggers, from
// docs/domain.md, "Re-assess when things change") and what evidence each adds.
import { cite, citationList, SOURCES, type Citation, type Cites } from './sources.ts';
import type { EvidenceSource } from './evidence-sources.ts';
import type { FactorId } from './factor-ids.ts';

export const EVENT_KIND_IDS = [
  'antenatal-booking',
  'birth',
  'neonatal-admission',
  'neonatal-discharge',
  'hospital-admission',
  'hospital-discharge',
  'emergency-attendance',
  'home-visit',
  'clinic-contact',
  'gp-consultation',
  'was-not-brought',
  'injury-observed',
  'police-domestic-abuse-incident',
  'police-incident',
  'substance-use-increase',
  'mental-health-deterioration',
  'relationship-breakdown',
  'new-adult-in-household',
  'adult-left-household',
  'animal-mistreatment',
  'new-pregnancy',
  'sibling-born',
  'change-of-address',
  'referral',
  // Catalogue version 4 (issue 13): what the clocks, the discharge plan and the GP's part are read from.
  'referral-decision',
  'strategy-discussion',
  'assessment-completed',
  'conference',
  'plan-review',
  'core-group',
  'discharge-plan',
  'gp-informed',
  'safe-sleep-discussion',
  'coping-with-crying-discussion',
  'information-from-family',
  'case-note',
  // Issue 14: the contacts practitioners record. A phone or video call never sees the baby
  // (chronology/unseen-periods.ts); a joint visit names the other agency in its details.
  'new-birth-visit',
  'six-to-eight-week-review',
  'antenatal-appointment',
  'phone-or-video-call',
  'joint-visit',
  'unannounced-visit',
  // Issue 15: a safeguarding flag another agency's system holds (a FHIR Flag), so the team knows.
  'safeguarding-flag',
] as const;

export type EventKindId = (typeof EVENT_KIND_IDS)[number];

export interface EventKindDefinition {
  id: EventKindId;
  label: string;
  /** A reassessment trigger: the profile is due for review once one happens. */
  trigger: boolean;
  /**
   * The factors the event adds evidence of presence to. Some are narrowed by the event itself:
   * a booking only past the late-booking threshold, a domestic abuse incident by who was harmed
   * and who harmed, a rise in substance use by the substance.
   */
  indicates: readonly FactorId[];
  /** The factors come from the event itself ("as stated"), not from its kind. */
  indicatesAsStated: boolean;
  /** The evidence source to use when the event does not say. */
  defaultSource: EvidenceSource;
  /** The publications and sections it comes from (docs/domain.md, Sources). */
  citations: readonly Citation[];
}

const triggers = cite(SOURCES.nspccInfants, '"Learning for improving practice" (ongoing assessment)');
const derbyTriggers = cite(SOURCES.derby, '§5.23, §5.24 and §7.3');

type Row = [label: string, trigger: boolean, indicates: readonly FactorId[], defaultSource: EvidenceSource, cites: Cites];

const rows: Record<EventKindId, Row> = {
  'antenatal-booking': ['Antenatal booking', false, ['late-booking'], 'agency-record', cite(SOURCES.northants, '§2.0')],
  birth: ['Birth', true, [], 'agency-record', triggers],
  'neonatal-admission': ['Admitted to a neonatal unit', true, ['neonatal-unit-stay'], 'agency-record', cite(SOURCES.derby, '§5.19')],
  'neonatal-discharge': ['Discharged from a neonatal unit', true, ['neonatal-unit-stay'], 'agency-record', cite(SOURCES.derby, '§5.19')],
  'hospital-admission': ['Admitted to hospital', true, [], 'agency-record', derbyTriggers],
  'hospital-discharge': ['Discharged from hospital', true, [], 'agency-record', derbyTriggers],
  'emergency-attendance': ['Emergency department attendance', true, [], 'agency-record', derbyTriggers],
  'home-visit': ['Home visit', false, [], 'observed', cite(SOURCES.northants, '§5.0')],
  'clinic-contact': ['Clinic contact', false, [], 'observed', cite(SOURCES.northants, '§5.0')],
  'gp-consultation': ['GP consultation', false, [], 'agency-record', cite(SOURCES.northants, '§5.0')],
  'was-not-brought': ['Not brought to an appointment', false, ['was-not-brought'], 'agency-record', cite(SOURCES.nspccBriefing, 'key issue c')],
  'injury-observed': ['Injury seen', true, ['injury'], 'observed', [cite(SOURCES.bsw, '"Bruising in non-mobile babies"'), cite(SOURCES.derby, '§7.3')]],
  'police-domestic-abuse-incident': [
    'Domestic abuse incident reported to the police',
    true,
    ['domestic-abuse-victim', 'domestic-abuse-perpetrator'],
    'agency-record',
    [triggers, cite(SOURCES.derby, '§5.46')],
  ],
  'police-incident': ['Police incident', true, [], 'agency-record', cite(SOURCES.derby, '§5.7')],
  'substance-use-increase': ['More drinking or drug use', true, ['alcohol-misuse', 'drug-misuse'], 'agency-record', triggers],
  'mental-health-deterioration': ['Mental health worse', true, ['mental-health'], 'agency-record', triggers],
  'relationship-breakdown': ['Relationship ended or broke down', true, ['parental-conflict'], 'agency-record', triggers],
  'new-adult-in-household': ['A new adult in the household', true, ['new-adult'], 'agency-record', triggers],
  'adult-left-household': ['An adult left the household', true, ['new-adult'], 'agency-record', triggers],
  'animal-mistreatment': ['Animal mistreated', true, ['mistreats-animals'], 'agency-record', triggers],
  'new-pregnancy': ['A new pregnancy', true, [], 'agency-record', triggers],
  'sibling-born': ['A brother or sister born', true, [], 'agency-record', triggers],
  'change-of-address': ['Moved home', true, ['housing-instability'], 'agency-record', triggers],
  referral: ['Referral', false, [], 'agency-record', cite(SOURCES.northants, '§5.0')],
  'referral-decision': ["Decision on a referral to children's social care", false, [], 'agency-record', cite(SOURCES.northants, '§5.0')],
  'strategy-discussion': ['Strategy discussion', false, [], 'agency-record', cite(SOURCES.northants, '§5.0')],
  'assessment-completed': ['Assessment completed', false, [], 'agency-record', cite(SOURCES.northants, '§2.0')],
  conference: ['Child protection conference', false, [], 'agency-record', cite(SOURCES.northants, '§5.0')],
  'plan-review': ['Plan review', false, [], 'agency-record', cite(SOURCES.derby, '§9.4')],
  'core-group': ['Core group meeting', false, [], 'agency-record', cite(SOURCES.derby, '§9.4')],
  'discharge-plan': ['Discharge plan agreed', false, [], 'agency-record', cite(SOURCES.nspccInfants, '"Learning for improving practice" (a multi-disciplinary discharge plan for premature babies)')],
  'gp-informed': ['GP told of the concerns', false, [], 'agency-record', cite(SOURCES.bsw, '"Local practice themes – audits" (informing GPs)')],
  'safe-sleep-discussion': ['Safe sleep discussed', false, [], 'observed', cite(SOURCES.northants, '§4.0')],
  'coping-with-crying-discussion': ['Coping with crying discussed', false, [], 'observed', cite(SOURCES.bsw, '"Tools to support practice" (ICON)')],
  'information-from-family': ['Information from the family', false, [], 'third-party', cite(SOURCES.derby, '§5.14 and §7.10')],
  'case-note': ['Case note', false, [], 'professional-judgement', cite(SOURCES.bsw, '"Local practice themes – audits" (chronologies)')],
  'new-birth-visit': ['New birth visit', false, [], 'observed', cite(SOURCES.derby, '§9.1')],
  'six-to-eight-week-review': ['6 to 8 week review', false, [], 'observed', cite(SOURCES.derby, '§9.1')],
  'antenatal-appointment': ['Antenatal appointment', false, [], 'observed', cite(SOURCES.northants, '§2.0')],
  'phone-or-video-call': ['Phone or video call', false, [], 'carer-account', cite(SOURCES.nspccBriefing, 'key issue c')],
  'joint-visit': ['Joint visit with another agency', false, [], 'observed', cite(SOURCES.northants, '§5.0')],
  'unannounced-visit': ['Unannounced visit', false, [], 'observed', cite(SOURCES.northants, '§5.0')],
  'safeguarding-flag': ['Safeguarding flag from another agency', true, [], 'agency-record', cite(SOURCES.derby, '§5.14 and §7.10')],
};

export const EVENT_KINDS: readonly EventKindDefinition[] = EVENT_KIND_IDS.map((id) => {
  const [label, trigger, indicates, defaultSource, cites] = rows[id];
  return { id, label, trigger, indicates, indicatesAsStated: id === 'information-from-family', defaultSource, citations: citationList(cites) };
});
