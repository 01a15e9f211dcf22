// The Infant Care Profile: every factor for every subject, weighed on its evidence, and the
// findings that follow. Pure and total: bad stored data becomes a problem in the result, never a throw.
import { factorById, factorsFor } from '../catalogue/catalogue.ts';
import { CATALOGUE_VERSION } from '../catalogue/catalogue-version.ts';
import { FINDING_IDS, severityRank } from '../catalogue/finding-definitions.ts';
import { checkAssessment } from './assessment-rules.ts';
import { deriveAdultFactors, deriveInfantFactors } from './derived-factors.ts';
import { factorKey } from './event-evidence.ts';
import { readingFits, readingOfEvents } from './event-reading.ts';
import { EMPTY_TALLY, mergeTallies, tallyEvidence } from './evidence-tally.ts';
import { evaluateFactor, statusOf } from './factor-state.ts';
import { FINDING_RULES } from './findings/finding-rules.ts';
import { babyName } from './findings/rule-context.ts';
import { isAfter } from './profile-dates.ts';
import { dayOf } from '../shared/calendar-date.ts';
import { profileSettings } from './profile-settings.ts';
import { cinHolderOf, isCarer, significantAdults } from './profile-subjects.ts';
import { isComplete, summariseProfile } from './profile-summary.ts';
import type { Subject } from '../catalogue/subjects.ts';
import type { FactorId } from '../catalogue/factor-ids.ts';
import type { DerivedValue } from './derived-factors.ts';
import type { RecordedFactor } from './factor-state.ts';
import type { AdultSubject, RuleContext } from './findings/rule-context.ts';
import type { CinHolder } from '../catalogue/cin-codes.ts';
import type { EvaluatedFactor, Evidence, EvidenceTally, EventReading, FactorAssessment, Finding, ProfileEvaluation, ProfileEvent, ProfileFacts, ProfileProblem, SubjectProfile } from './profile.types.ts';

const NOT_ASSESSED: RecordedFactor = { status: 'not-assessed', evidence: [] };

/** The stored assessments that can be used, by factorKey; the rest become problems. */
function indexAssessments(assessments: readonly FactorAssessment[], adultIds: ReadonlySet<string>, problems: ProfileProblem[]): Map<string, FactorAssessment> {
  const stored = new Map<string, FactorAssessment>();
  for (const assessment of assessments) {
    const factor = factorById(assessment.factorId);
    const at = { factorId: assessment.factorId, ...(assessment.personId === undefined ? {} : { personId: assessment.personId }) };
    const checks = checkAssessment(assessment);
    if (factor === undefined || factor.derived || checks.includes('subject-mismatch') || checks.includes('person-needed')) {
      problems.push(...checks.map((code) => ({ code, ...at })));
      continue;
    }
    if (factor.subject === 'adult' && !adultIds.has(assessment.personId ?? '')) {
      problems.push({ code: 'unknown-person', ...at });
      continue;
    }
    // The rest (missing detail, pattern or reason; an exclusion with no evidence) are shown, and the status still counts.
    problems.push(...checks.map((code) => ({ code, ...at })));
    const key = factorKey(factor.id, factor.subject === 'adult' ? assessment.personId : undefined);
    if (stored.has(key)) problems.push({ code: 'duplicate-assessment', ...at });
    stored.set(key, assessment);
  }
  return stored;
}

function recordedFrom(assessment: FactorAssessment | undefined): RecordedFactor {
  if (assessment === undefined) return NOT_ASSESSED;
  return {
    status: assessment.status,
    ...(assessment.detail === undefined ? {} : { detail: assessment.detail }),
    ...(assessment.pattern === undefined ? {} : { pattern: assessment.pattern }),
    ...(assessment.reason === undefined ? {} : { reason: assessment.reason }),
    ...(assessment.protection === undefined ? {} : { protection: assessment.protection }),
    ...(assessment.responses === undefined ? {} : { responses: assessment.responses }),
    evidence: assessment.evidence,
  };
}

interface Sources {
  stored: ReadonlyMap<string, FactorAssessment>;
  events: EventReading;
  /** Each factor evaluated, with the tally of its evidence, for the finding rules (RuleContext.tallyOf). */
  tallies: Map<EvaluatedFactor, EvidenceTally>;
}

const NONE: readonly Evidence[] = [];

/**
 * The factor's evidence, stored then from events, with its tally. An event already copied into stored
 * evidence (same eventId) is not counted twice: only then is the events' list read whole; otherwise
 * the list kept by the reading is taken as it is and its tally merged with the stored evidence's.
 */
function evidenceOf(recorded: RecordedFactor, key: string, derived: boolean, events: EventReading): { evidence: readonly Evidence[]; tally: EvidenceTally } {
  const status = statusOf(recorded);
  const { byTheGp } = events.gp;
  const fromEvents = derived ? NONE : (events.evidence.byFactor.get(key) ?? NONE);
  const stored = recorded.evidence;
  if (fromEvents.length === 0) return { evidence: stored, tally: tallyEvidence(stored, status, byTheGp) };
  const copied = new Set(stored.flatMap((e) => (e.eventId === undefined ? [] : [e.eventId])));
  if (copied.size > 0 && fromEvents.some((e) => copied.has(e.eventId!))) {
    const evidence = [...stored, ...fromEvents.filter((e) => !copied.has(e.eventId!))];
    return { evidence, tally: tallyEvidence(evidence, status, byTheGp) };
  }
  const tally = mergeTallies(tallyEvidence(stored, status, byTheGp), events.tallies.get(key) ?? EMPTY_TALLY);
  return { evidence: stored.length === 0 ? fromEvents : [...stored, ...fromEvents], tally };
}

function subjectProfile(
  subject: Subject,
  name: string,
  cinHolder: CinHolder,
  sources: Sources,
  derived: ReadonlyMap<FactorId, DerivedValue>,
  personId?: string,
): Pick<SubjectProfile, 'subject' | 'name' | 'cinHolder' | 'risk' | 'protective'> {
  const evaluate = (kind: 'risk' | 'protective') =>
    factorsFor(subject, kind).map((definition) => {
      const key = factorKey(definition.id, personId);
      const recorded = derived.get(definition.id) ?? recordedFrom(sources.stored.get(key));
      const { evidence, tally } = evidenceOf(recorded, key, definition.derived, sources.events);
      const factor = evaluateFactor(definition, { ...recorded, evidence }, personId, tally);
      sources.tallies.set(factor, tally);
      return factor;
    });
  return { subject, name, cinHolder, risk: evaluate('risk'), protective: evaluate('protective') };
}

function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || FINDING_IDS.indexOf(a.id) - FINDING_IDS.indexOf(b.id));
}

/** `triggers`: a reading's, already in the order the answer lists them (oldest first): never reviewed, all of them. */
function triggersSince(triggers: readonly ProfileEvent[], lastReviewedAt: string | null): readonly ProfileEvent[] {
  return lastReviewedAt === null ? triggers : triggers.filter((e) => isAfter(e.occurredAt, lastReviewedAt));
}

export function evaluateProfile(facts: ProfileFacts): ProfileEvaluation {
  const settings = profileSettings(facts.settings);
  const today = dayOf(facts.today) ?? facts.today;
  const problems: ProfileProblem[] = [];
  const { adults, duplicateIds } = significantAdults(facts.people);
  problems.push(...duplicateIds.map((personId) => ({ code: 'duplicate-person' as const, personId })));
  const adultIds = new Set(adults.map((p) => p.id));
  const stored = indexAssessments(facts.assessments, adultIds, problems);
  // Read ahead and kept by the case (event-reading.ts) when it was made for these events, adults and settings; else read now.
  const reading = facts.eventReading && readingFits(facts.eventReading, facts.events, adultIds, settings) ? facts.eventReading : readingOfEvents(facts.events, adultIds, settings);
  problems.push(...reading.evidence.problems);
  const sources: Sources = { stored, events: reading, tallies: new Map() };
  const noneDerived = new Map<FactorId, DerivedValue>();

  const infantProfile: SubjectProfile = subjectProfile('infant', babyName(facts.infant), 'child', sources, deriveInfantFactors(facts.infant, facts.people, today));
  const adultSubjects: AdultSubject[] = adults.map((person) => {
    const carer = isCarer(person, facts.infant);
    const base = subjectProfile('adult', person.name, cinHolderOf(person), sources, deriveAdultFactors(person, facts.infant, today), person.id);
    const profile: SubjectProfile = { ...base, personId: person.id, relationshipToInfant: person.relationshipToInfant, carer };
    return { person, profile, carer };
  });
  // Household factors map to fixed census codes about the child (neglect, 16A), so the holder is the child.
  const household: SubjectProfile = subjectProfile('household', 'The household', 'child', sources, noneDerived);
  const subjects = [infantProfile, ...adultSubjects.map((a) => a.profile), household];

  const triggersSinceReview = triggersSince(reading.triggers, facts.lastReviewedAt);
  const context: RuleContext = {
    today,
    settings,
    infant: facts.infant,
    infantProfile,
    household,
    adults: adultSubjects,
    events: facts.events,
    gpEvents: reading.gp,
    abuseIncidentDays: reading.abuseIncidentDays,
    tallyOf: (factor) => sources.tallies.get(factor) ?? tallyEvidence(factor.evidence, factor.status, reading.gp.byTheGp),
    triggersSinceReview,
    lastReviewedAt: facts.lastReviewedAt,
    reviewDueOn: facts.reviewDueOn,
    patterns: facts.patterns ?? [],
    teamAgencies: new Set(facts.teamAgencies ?? []),
  };
  const findings = FINDING_IDS.map((id) => FINDING_RULES[id](context)).filter((f): f is Finding => f !== null);
  const summary = summariseProfile(subjects);
  return {
    catalogueVersion: CATALOGUE_VERSION,
    today,
    subjects,
    summary,
    complete: isComplete(summary),
    findings: sortFindings(findings),
    triggersSinceReview,
    problems,
  };
}
