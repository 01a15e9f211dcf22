// API schemas for the Infant Care Profile's replies: the profile with every factor and its findings,
// its history (versions, and a comparison of two), and escalation decisions. JSON Schema (TypeBox),
// published in OpenAPI; every test run checks each reply against them.
import { Type, type TSchema } from 'typebox';
import { ADULT_FACTOR_IDS, HOUSEHOLD_FACTOR_IDS, INFANT_FACTOR_IDS, PROTECTIVE_FACTOR_IDS } from '../../domain/catalogue/factor-ids.ts';
import { EVIDENCE_SOURCE_IDS } from '../../domain/catalogue/evidence-sources.ts';
import { FINDING_IDS, SEVERITIES } from '../../domain/catalogue/finding-definitions.ts';
import { FACTOR_STATUS_IDS } from '../../domain/catalogue/statuses.ts';
import { STRESS_RESPONSE_IDS } from '../../domain/catalogue/stress-responses.ts';
import { ESCALATION_DECISION_IDS } from '../../domain/profile/escalation.ts';
import { CASE_LEVEL_IDS } from '../../domain/shared/case-levels.ts';
import { SUBJECTS, type Subject } from '../../domain/catalogue/subjects.ts';
import { SUBSTANCE_PATTERN_IDS } from '../../domain/catalogue/statuses.ts';
import { VERSION_KINDS } from '../../domain/profile/profile-history.ts';
import { EFFECTIVE_STATUSES, EVIDENCE_DIRECTIONS } from '../../domain/profile/profile.types.ts';
import { oneOf } from './schemas.ts';

const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

const dateTime = (description?: string) => Type.String({ format: 'date-time', ...(description ? { description } : {}) });
const day = (description: string) => Type.String({ format: 'date', description });

export const FactorIdSchema = oneOf([...INFANT_FACTOR_IDS, ...ADULT_FACTOR_IDS, ...HOUSEHOLD_FACTOR_IDS, ...PROTECTIVE_FACTOR_IDS], { description: 'The factor’s stable id in the catalogue' });
export const EvidenceSourceSchema = oneOf(EVIDENCE_SOURCE_IDS, { description: 'Where the information came from. Only evidence that is not the carer’s own account (carer-account) can verify an exclusion' });
export const SeveritySchema = oneOf(SEVERITIES);
export const FindingIdSchema = oneOf(FINDING_IDS, { description: 'The finding’s stable id in the catalogue' });
export const CaseLevelSchema = oneOf(CASE_LEVEL_IDS, { description: 'The level of support around the baby, which sets how often the profile is reviewed' });
export const EvidenceDirectionSchema = oneOf(EVIDENCE_DIRECTIONS, { description: 'Which way the evidence points: that the factor is there, or that it is not' });
export const FactorStatusSchema = oneOf(FACTOR_STATUS_IDS);
export const SubstancePatternSchema = oneOf(SUBSTANCE_PATTERN_IDS);
const subject = oneOf(Object.keys(SUBJECTS) as Subject[], { description: 'Who the factor is about: the baby, one significant adult (personId), or the household' });

export const Evidence = Type.Object({
  source: EvidenceSourceSchema,
  note: Type.String(),
  recordedAt: Type.String({ description: 'ISO date or date-time: when it was recorded, or for evidence from the chronology when the event happened' }),
  recordedBy: Type.String({ description: 'The name of whoever recorded it ("Infant Care Profile" for a factor that fills itself from the record)' }),
  agency: Type.String(),
  eventId: Type.Optional(Type.String({ description: 'The chronology entry this evidence came from, when it came from one' })),
  indicates: EvidenceDirectionSchema,
  givenBy: Type.Optional(Type.String({ description: 'Who gave the information, in words ("her sister"), for a third party or an account' })),
  seenOn: Type.Optional(day('The day a visit’s evidence was seen, said or checked, when it was recorded with one (PUT .../profile/subjects/{subjectKey}); left out otherwise')),
});

export const CitationSchema = Type.Object({
  sourceId: Type.String({ description: 'The publication’s stable id, as on the guidance page (/guidance#<sourceId>)' }),
  author: nullable(Type.String({ description: 'The body that published it; null where the publication does not say' })),
  title: Type.String(),
  year: nullable(Type.Integer({ description: 'Year of publication; null where it gives no date' })),
  link: nullable(Type.String({ description: 'A public address for it; null where none is known for certain' })),
  section: Type.String({ description: 'Where in it: "§9.1", "key issue d", or a section’s title in quotes' }),
  text: Type.String({ description: 'The citation in words: author, title, year (or "undated") and section' }),
});

export const Finding = Type.Object({
  id: FindingIdSchema,
  severity: SeveritySchema,
  title: Type.String(),
  rationale: Type.String({ description: 'One line in plain words naming the people and facts it rests on' }),
  facts: Type.Array(Type.String(), { description: 'Each fact behind it, one line each' }),
  factorIds: Type.Array(FactorIdSchema),
  personIds: Type.Array(Type.String()),
  guidance: Type.String({ description: 'The guidance the finding comes from, in words: each citation’s text, separated by semicolons' }),
  citations: Type.Array(CitationSchema, { description: 'The publications and sections the finding comes from' }),
  suggestedAction: Type.String(),
});

export const ProfileFactor = Type.Object({
  factorId: FactorIdSchema,
  subject,
  personId: Type.Optional(Type.String({ description: 'The adult the factor is about; only for adult factors' })),
  status: oneOf(FACTOR_STATUS_IDS, { description: 'As recorded, or for a derived factor as the record fills it' }),
  effectiveStatus: oneOf(EFFECTIVE_STATUSES, {
    description: 'The status as it counts: an exclusion of a factor that must be verified, resting on the carer’s own account alone, counts as an unverified exclusion',
  }),
  verified: Type.Boolean({ description: 'Excluded, with some evidence of absence that is not the carer’s own account' }),
  conflict: Type.Boolean({ description: 'Evidence points both ways' }),
  derived: Type.Boolean({ description: 'Fills itself from the record (for example prematurity from the gestation at birth): it cannot be recorded by hand' }),
  version: Type.Integer({ minimum: 0, description: 'The factor’s version, to send back when you record it; 0 for a factor never recorded' }),
  receivedFrom: Type.Union(
    [
      Type.Object(
        {
          area: Type.String({ description: 'The area that assessed it and sent it in a transfer' }),
          receivedOn: Type.String({ format: 'date', description: 'The day it was received here (YYYY-MM-DD)' }),
        },
        { additionalProperties: false },
      ),
      Type.Null(),
    ],
    { description: 'Assessed by another area and received in a transfer, not yet confirmed or re-assessed here (it counts as unverified until then); null for an assessment made or confirmed here' },
  ),
  detail: Type.Optional(Type.String({ description: 'What is known; left out when nothing is recorded' })),
  pattern: Type.Optional(SubstancePatternSchema),
  responses: Type.Optional(Type.Array(oneOf(STRESS_RESPONSE_IDS), { description: 'harmful-stress-response only: how the carer is known to respond to stress; left out when none is recorded' })),
  evidence: Type.Array(Evidence, { description: 'Stored evidence, then evidence from chronology entries (each entry once)' }),
});

const ProfileSummary = Type.Object(
  {
    total: Type.Integer({ description: 'Risk factors across every subject' }),
    notAssessed: Type.Integer(),
    excluded: Type.Integer(),
    present: Type.Integer(),
    cannotAssess: Type.Integer(),
    unverified: Type.Integer({ description: 'Unverified exclusions: factors excluded on the carer’s own account alone' }),
    conflicts: Type.Integer({ description: 'Factors, risk and protective, whose evidence points both ways' }),
    receivedNotConfirmed: Type.Integer({
      minimum: 0,
      description: 'Factors, risk and protective, assessed by another area and received in a transfer, not yet confirmed or re-assessed here (each has receivedFrom): counted apart from the unverified exclusions, whatever their status',
    }),
  },
  { description: 'The counts of risk factors by effective status, and of factors received from another area not yet confirmed here; never a single score' },
);

export const ProfileResponse = Type.Object({
  catalogueVersion: Type.Integer({ description: 'The version of the factor and finding catalogue the profile was evaluated with' }),
  version: Type.Integer({ minimum: 0, description: 'The profile version: send it back when you record a decision or a review' }),
  reviewDue: Type.Optional(day('When the next review is due; left out when the profile has never been reviewed (a review is due now)')),
  factors: Type.Array(ProfileFactor, { description: 'Every factor for every subject: the baby, each significant adult, then the household' }),
  findings: Type.Array(Finding, { description: 'Critical, then high, then attention; computed from the factors on every read' }),
  summary: ProfileSummary,
});

/** PUT .../profile/subjects/{subjectKey}: every answer about one subject, saved as one profile version. */
export const SubjectAssessmentBody = Type.Object(
  {
    profileVersion: Type.Integer({ minimum: 0, description: 'The profile version the answers were made against (GET .../profile gives it). A factor someone else changed since then and the answer also changes is refused with 409' }),
    answers: Type.Array(
      Type.Object(
        {
          factorId: FactorIdSchema,
          status: FactorStatusSchema,
          detail: Type.Optional(Type.String({ maxLength: 4000, description: 'What is known: needed when present' })),
          pattern: Type.Optional(SubstancePatternSchema),
          reason: Type.Optional(Type.String({ maxLength: 4000, description: 'Why it cannot be assessed: needed for cannot-assess' })),
          protection: Type.Optional(Type.Object({ how: Type.String({ maxLength: 2000 }), whenPresent: Type.String({ maxLength: 2000 }) }, { additionalProperties: false, description: 'supportive-partner only' })),
          responses: Type.Optional(Type.Array(oneOf(STRESS_RESPONSE_IDS), { maxItems: 20, description: 'harmful-stress-response only: how the carer is known to respond to stress' })),
          note: Type.Optional(Type.String({ maxLength: 4000, description: 'Evidence for this factor alone (what rules it out or shows it); the visit’s note when not given. Needs evidence.source' })),
        },
        { additionalProperties: false },
      ),
      { maxItems: 100, description: 'One answer a factor of the subject (none the record fills). An answer that says what the record already holds is not written' },
    ),
    evidence: Type.Optional(
      Type.Object(
        {
          source: EvidenceSourceSchema,
          note: Type.Optional(Type.String({ maxLength: 4000, description: 'What was seen, said or checked' })),
          givenBy: Type.Optional(Type.String({ maxLength: 200, description: 'Who said it, in words, for a third party or an account' })),
          seenOn: Type.Optional(day('The day it was seen, said or checked: not after today, nor before the record began (422 invalid-evidence-date). Today when not given')),
        },
        { additionalProperties: false, description: 'One piece of evidence for the visit: it goes with every answer that excludes a factor (as evidence of absence) or finds it present (of presence)' },
      ),
    ),
  },
  { additionalProperties: false },
);

export const SubjectAssessed = Type.Object({
  profileVersion: Type.Integer({ minimum: 1, description: 'The one profile version the answers wrote' }),
  written: Type.Array(FactorIdSchema, { description: 'The factors whose answer changed and were written, in the order sent' }),
});

export const FactorRecorded = Type.Union(
  [
    ProfileFactor,
    Type.Object(
      {
        factorId: FactorIdSchema,
        version: Type.Integer({ minimum: 1, description: 'The factor’s new version' }),
      },
      { description: 'Only the id and the new version, when the factor is not in the profile as it now stands (an adult who is not a significant adult)' },
    ),
  ],
  { description: 'The factor as the profile now shows it' },
);

/** A factor as a version left it. */
const FactorSnapshot = Type.Object({
  status: FactorStatusSchema,
  detail: nullable(Type.String()),
  pattern: nullable(SubstancePatternSchema),
  reason: nullable(Type.String({ description: 'Why the factor cannot be assessed' })),
  responses: Type.Optional(Type.Array(Type.String(), { description: `harmful-stress-response only: how the carer is known to respond to stress. One of: ${STRESS_RESPONSE_IDS.join(', ')}` })),
});

const EvidenceAdded = Type.Object({
  source: EvidenceSourceSchema,
  note: Type.String(),
  indicates: EvidenceDirectionSchema,
  seenOn: Type.Optional(day('The day a visit’s evidence was seen, when it was recorded with one; left out otherwise')),
});

/** A finding as it stood at a version or when a decision was made. */
export const FindingSnapshot = Type.Object({
  id: Type.String({ description: 'The finding’s id in the catalogue of its time' }),
  severity: SeveritySchema,
  rationale: Type.String(),
});

export const ProfileVersion = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  kind: oneOf(VERSION_KINDS, {
    description: 'What changed: a factor, an escalation decision, a review, the level of support, the chronology, the catalogue the profile is evaluated with, the birth recorded on an unborn baby\'s record, a person around the baby added or changed, the area\'s settings the profile is evaluated under, a member from a kind of agency not yet in the team around the family, check items taken off the plan (a check missed for an item no longer in it stops being a finding), a growth measurement recorded (faltering growth is derived from the weights), or a person\'s dispute of a chronology entry recorded (a disputed fact counts as conflicting information)',
  }),
  changedAt: dateTime(),
  changedBy: Type.String({ description: 'The name of whoever made the change ("The service, applying the catalogue" for a new catalogue, "The service, applying the area’s settings" after a change of settings)' }),
  factorId: nullable(Type.String({ description: 'For a factor: its id' })),
  subjectKey: nullable(Type.String({ description: 'For a factor: infant, household, or the id of the adult it is about' })),
  before: nullable(FactorSnapshot),
  after: nullable(FactorSnapshot),
  evidenceAdded: Type.Array(EvidenceAdded, { description: 'For a factor: the evidence recorded with the change' }),
  summary: nullable(Type.String({ description: 'For anything but a factor: what was done, in words' })),
  why: nullable(Type.String()),
  findings: nullable(Type.Array(FindingSnapshot, { description: 'The findings the profile showed after the change; null for versions written before findings were kept' })),
  factors: Type.Optional(
    Type.Array(Type.Object({ factorId: Type.String(), before: nullable(FactorSnapshot), after: nullable(FactorSnapshot), evidenceAdded: Type.Array(EvidenceAdded) }), {
      description: 'For a subject assessed in one sitting (factorId null, subjectKey the subject): each factor the one version changed, with its evidence',
    }),
  ),
});

export const ProfileVersions = Type.Object({
  version: Type.Integer({ minimum: 0, description: 'The current profile version' }),
  versions: Type.Array(ProfileVersion, { description: 'Newest first' }),
});

const FindingChange = Type.Object({ id: Type.String(), before: nullable(FindingSnapshot), after: nullable(FindingSnapshot) });

export const ProfileComparison = Type.Object({
  from: Type.Integer({ minimum: 0, description: 'The earlier of the two versions (0: before anything was recorded)' }),
  to: Type.Integer({ minimum: 1, description: 'The later of the two versions' }),
  factors: Type.Array(
    Type.Object({
      factorId: Type.String(),
      subjectKey: Type.String({ description: 'infant, household, or the id of the adult it is about' }),
      before: nullable(FactorSnapshot),
      after: nullable(FactorSnapshot),
      evidenceAdded: Type.Array(EvidenceAdded),
      versions: Type.Array(Type.Integer(), { description: 'The versions that changed it, oldest first' }),
    }),
    { description: 'Each factor changed between the two: how it stood at the first (null when not recorded by then) and at the second' },
  ),
  findings: nullable(
    Type.Object(
      { raised: Type.Array(FindingChange), cleared: Type.Array(FindingChange), changed: Type.Array(FindingChange) },
      { description: 'Findings raised, cleared, or changed in severity or rationale; null when either version predates findings being kept' },
    ),
  ),
  otherChanges: Type.Array(ProfileVersion, { description: 'Decisions, reviews, changes of level, chronology entries and catalogue changes between the two, oldest first' }),
});

export const RecordedDecision = Type.Object({
  id: Type.String(),
  decision: oneOf(ESCALATION_DECISION_IDS),
  reasoning: Type.String(),
  leadConsulted: Type.Boolean({ description: 'Whether the safeguarding lead was consulted' }),
  leadName: nullable(Type.String({ description: 'The safeguarding lead consulted; null when none was' })),
  findings: Type.Array(FindingSnapshot, { description: 'The findings in view when it was decided' }),
  profileVersion: Type.Integer({ minimum: 0, description: 'The profile version it was decided on' }),
  decidedAt: dateTime(),
  decidedBy: Type.String({ description: 'The name of whoever decided' }),
  agency: Type.String(),
  standing: oneOf(['in-force', 'awaiting-confirmation', 'confirmed', 'overturned'] as const, {
    description: 'in-force: needed no confirmation. awaiting-confirmation: below the level a critical finding in view suggests, it counts as no decision until a safeguarding lead other than the decider confirms it (ADR 0027). confirmed: a lead confirmed it, in force. overturned: a lead overturned it, never in force',
  }),
  confirmingLead: nullable(Type.Object({ id: Type.String(), name: Type.String() }, { description: 'The safeguarding lead asked to confirm it; null when it needed none' })),
  answer: nullable(
    Type.Object(
      { answer: oneOf(['confirmed', 'overturned'] as const), reasoning: Type.String(), answeredAt: dateTime(), answeredBy: Type.String({ description: 'The name of the lead who answered' }), agency: Type.String() },
      { description: 'The lead’s answer; null until one is given, or when none was needed' },
    ),
  ),
});

export const ProfileDecisions = Type.Object({
  version: Type.Integer({ minimum: 0, description: 'The current profile version: send it back when you record a decision or a review' }),
  level: CaseLevelSchema,
  lastReviewedAt: nullable(dateTime('When the profile was last marked reviewed; null when never')),
  reviewDue: nullable(day('When the next review is due; null when the profile has never been reviewed (a review is due now)')),
  decisions: Type.Array(RecordedDecision, { description: 'Newest first' }),
  needingDecision: Type.Array(Finding, { description: 'Critical and high findings showing now that no decision in force since the last review had in view (one awaiting a safeguarding lead’s confirmation does not count): the profile cannot be marked reviewed until each has one' }),
});


export const ProfileReviewed = Type.Object({ version: Type.Integer({ minimum: 1, description: 'The new profile version' }) });

export const LevelChanged = Type.Object({ level: CaseLevelSchema, version: Type.Integer({ minimum: 1, description: 'The new profile version' }) });
