// What every finding rule reads: the evaluated factors of each subject and the facts around them,
// and the helpers to build a finding from the catalogue's definition.
import { factorDefinition, findingDefinition } from '../../catalogue/catalogue.ts';
import { possessive, rationaleFrom } from '../plain-words.ts';
import type { ChronologyPattern } from '../../chronology/chronology.types.ts';
import type { FactorId } from '../../catalogue/factor-ids.ts';
import type { FindingId } from '../../catalogue/finding-definitions.ts';
import type { EvaluatedFactor, EvidenceTally, Finding, GpEvents, InfantFacts, ProfileEvent, ProfilePerson, ProfileSettings, SubjectProfile } from '../profile.types.ts';

export interface AdultSubject {
  person: ProfilePerson;
  profile: SubjectProfile;
  /** Lives with or cares for the baby (or is the mother of an unborn baby). */
  carer: boolean;
}

export interface RuleContext {
  /** YYYY-MM-DD, or as given when it is not a real date (date rules then hold back). */
  today: string;
  settings: ProfileSettings;
  infant: InfantFacts;
  infantProfile: SubjectProfile;
  household: SubjectProfile;
  adults: readonly AdultSubject[];
  events: readonly ProfileEvent[];
  /** What the events say the GP was told (gp-events.ts gpEventsOf). */
  gpEvents: GpEvents;
  /** What the rules read of a factor's evidence (evidence-tally.ts), kept with it, so that no rule walks a long list. */
  tallyOf: (factor: EvaluatedFactor) => EvidenceTally;
  /** The days of the police domestic abuse incidents, in day order (abuse-incidents.ts). */
  abuseIncidentDays: readonly string[];
  triggersSinceReview: readonly ProfileEvent[];
  lastReviewedAt: string | null;
  reviewDueOn: string | null;
  /** Patterns found in the chronology (chronology/find-patterns.ts). */
  patterns: readonly ChronologyPattern[];
  /** The kinds of agency in the team around the family, each once (ProfileFacts.teamAgencies). */
  teamAgencies: ReadonlySet<string>;
}

/** A finding rule: the finding with the facts it rests on, or null when it does not apply. */
export type FindingRule = (context: RuleContext) => Finding | null;

export function factorIn(profile: SubjectProfile, id: FactorId): EvaluatedFactor | undefined {
  return [...profile.risk, ...profile.protective].find((factor) => factor.factorId === id);
}

export function isIndicated(profile: SubjectProfile, id: FactorId): boolean {
  return factorIn(profile, id)?.indicated ?? false;
}

/** Every subject: the baby, each adult, the household. */
export function allSubjects(context: RuleContext): SubjectProfile[] {
  return [context.infantProfile, ...context.adults.map((adult) => adult.profile), context.household];
}

/** "the baby", "Ruby Okafor", "the unborn baby". */
export function babyName(infant: InfantFacts): string {
  if (infant.name?.trim()) return infant.name.trim();
  return infant.status === 'unborn' ? 'the unborn baby' : 'the baby';
}

/** "Sarah Hartley's alcohol misuse", "the household's unsafe sleep", "the baby's injury". */
export function factorOf(profile: SubjectProfile, id: FactorId): string {
  const owner = profile.subject === 'household' ? 'the household' : profile.name;
  return `${possessive(owner)} ${factorDefinition(id).phrase}`;
}

export function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

export interface FindingParts {
  facts: readonly string[];
  factorIds: readonly FactorId[];
  personIds: readonly string[];
  /** When the facts alone do not make the best one line. */
  rationale?: string;
}

export function makeFinding(id: FindingId, parts: FindingParts): Finding {
  const definition = findingDefinition(id);
  return {
    id,
    severity: definition.severity,
    title: definition.title,
    rationale: parts.rationale ?? rationaleFrom(parts.facts),
    facts: parts.facts,
    factorIds: unique(parts.factorIds),
    personIds: unique(parts.personIds),
    citations: definition.citations,
    suggestedAction: definition.suggestedAction,
  };
}
