// Findings from patterns in the chronology (catalogue version 2): a relapse after improvement, a
// baby no one is seeing now, repeated injuries or emergency attendances, repeated missed
// appointments, repeated police incidents; and (version 3) a check item of the plan that could not
// be checked twice in a row. The patterns are found in ../../chronology/; a finding
// gathers every pattern of its kind, one fact each, and names everyone and every factor they rest on.
import type { ChronologyPattern } from '../../chronology/chronology.types.ts';
import type { FindingId } from '../../catalogue/finding-definitions.ts';
import { makeFinding, type FindingRule } from './rule-context.ts';

function fromPatterns(id: FindingId, matches: (pattern: ChronologyPattern) => boolean): FindingRule {
  return (context) => {
    const patterns = context.patterns.filter((pattern) => pattern.becomesFinding && matches(pattern));
    if (patterns.length === 0) return null;
    return makeFinding(id, {
      facts: patterns.map((pattern) => pattern.rationale.replace(/\.$/, '')),
      factorIds: patterns.flatMap((pattern) => pattern.factorIds),
      personIds: patterns.flatMap((pattern) => pattern.personIds),
    });
  };
}

export const relapse = fromPatterns('relapse', (p) => p.id === 'relapse');
export const babyNotSeen = fromPatterns('baby-not-seen', (p) => p.id === 'unseen-period');
export const repeatedHarm = fromPatterns('repeated-harm', (p) => p.id === 'repeated-incidents' && (p.incidentFamily === 'injury' || p.incidentFamily === 'emergency'));
export const missedAppointments = fromPatterns('missed-appointments', (p) => p.id === 'missed-appointments');
export const repeatedPoliceIncidents = fromPatterns('repeated-police-incidents', (p) => p.id === 'repeated-incidents' && p.incidentFamily === 'police');
export const planCheckMissed = fromPatterns('plan-check-missed', (p) => p.id === 'plan-check-missed');
