// The catalogue as one versioned piece of data, and the lookups the profile, the pages and the API
// use. Everything here is data: adding a factor or finding is a new CATALOGUE_VERSION.
import { ADULT_FACTORS } from './adult-factors.ts';
import { CATALOGUE_VERSION } from './catalogue-version.ts';
import { EVENT_KINDS, EVENT_KIND_IDS } from './event-kinds.ts';
import { EVIDENCE_SOURCES } from './evidence-sources.ts';
import { FINDING_DEFINITIONS } from './finding-definitions.ts';
import { HOUSEHOLD_FACTORS } from './household-factors.ts';
import { INFANT_FACTORS } from './infant-factors.ts';
import { PROTECTIVE_FACTORS } from './protective-factors.ts';
import { FACTOR_STATUSES } from './statuses.ts';
import type { EventKindDefinition, EventKindId } from './event-kinds.ts';
import type { FactorDefinition, FactorKind } from './factor-definition.ts';
import type { FactorId } from './factor-ids.ts';
import type { FindingDefinition, FindingId } from './finding-definitions.ts';
import type { Subject } from './subjects.ts';

/** Every factor, risk then protective, each subject in catalogue order (docs/profile-catalogue.md). */
export const FACTORS: readonly FactorDefinition[] = [...INFANT_FACTORS, ...ADULT_FACTORS, ...HOUSEHOLD_FACTORS, ...PROTECTIVE_FACTORS];

const byId = new Map<string, FactorDefinition>(FACTORS.map((factor) => [factor.id, factor]));
const eventKindsById = new Map<string, EventKindDefinition>(EVENT_KINDS.map((kind) => [kind.id, kind]));
const findingsById = new Map<string, FindingDefinition>(FINDING_DEFINITIONS.map((finding) => [finding.id, finding]));

/** The pressures that can meet a carer's harmful response to stress (the `stress-response` finding). */
export const STRESSOR_FACTOR_IDS: readonly FactorId[] = FACTORS.filter((factor) => factor.stressor).map((factor) => factor.id);

export const CATALOGUE = {
  version: CATALOGUE_VERSION,
  statuses: FACTOR_STATUSES,
  evidenceSources: EVIDENCE_SOURCES,
  factors: FACTORS,
  stressors: STRESSOR_FACTOR_IDS,
  eventKinds: EVENT_KINDS,
  findings: FINDING_DEFINITIONS,
} as const;

export function isFactorId(value: string): value is FactorId {
  return byId.has(value);
}

export function factorById(id: string): FactorDefinition | undefined {
  return byId.get(id);
}

/** The factor's definition; for an id already known to be a FactorId. */
export function factorDefinition(id: FactorId): FactorDefinition {
  return byId.get(id)!;
}

/** The factors that apply to one subject, in catalogue order; risk and protective unless `kind` says. */
export function factorsFor(subject: Subject, kind?: FactorKind): readonly FactorDefinition[] {
  return FACTORS.filter((factor) => factor.subject === subject && (kind === undefined || factor.kind === kind));
}

export function isEventKindId(value: string): value is EventKindId {
  return (EVENT_KIND_IDS as readonly string[]).includes(value);
}

export function eventKindById(id: string): EventKindDefinition | undefined {
  return eventKindsById.get(id);
}

/** True for the kinds that re-open the profile. */
export function isTriggerEventKind(id: string): boolean {
  return eventKindsById.get(id)?.trigger ?? false;
}

export function findingDefinition(id: FindingId): FindingDefinition {
  return findingsById.get(id)!;
}

export function isStressor(id: FactorId): boolean {
  return byId.get(id)?.stressor ?? false;
}
