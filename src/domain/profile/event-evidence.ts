// Chronology events as evidence: an injury seen, a police domestic abuse incident, a rise in
// drinking each add evidence of presence to the factor they point to, for the people they name.
import { eventKindById, factorById } from '../catalogue/catalogue.ts';
import type { EventKindDefinition } from '../catalogue/event-kinds.ts';
import type { FactorId } from '../catalogue/factor-ids.ts';
import { disputeEvidence } from './dispute-evidence.ts';
import type { Evidence, EvidenceDirection, EventEvidence, ProfileEvent, ProfileProblem, ProfileSettings } from './profile.types.ts';

/** The key of one factor for one subject: the factor id, and the person for adult factors. */
export function factorKey(factorId: string, personId?: string): string {
  return personId === undefined ? factorId : `${factorId}|${personId}`;
}

interface Target {
  factorId: FactorId;
  direction: EvidenceDirection;
  /** For adult factors: who it is about. */
  personIds: readonly string[];
}

function named(event: ProfileEvent): string[] {
  return [...(event.personIds ?? []), ...(event.victimIds ?? []), ...(event.perpetratorIds ?? [])];
}

function kindTargets(event: ProfileEvent, kind: EventKindDefinition, settings: ProfileSettings): Target[] {
  const people = event.personIds ?? [];
  switch (event.kind) {
    case 'antenatal-booking': {
      const weeks = event.gestationWeeks;
      if (weeks === undefined || !Number.isFinite(weeks)) return [];
      // A booking in time is evidence too: of absence.
      return [{ factorId: 'late-booking', direction: weeks > settings.lateBookingAfterWeeks ? 'present' : 'absent', personIds: [] }];
    }
    case 'substance-use-increase': {
      // When the event does not say which substance, assume either (risk is assumed until excluded).
      const ids: FactorId[] = event.substance === 'alcohol' ? ['alcohol-misuse'] : event.substance === 'drugs' ? ['drug-misuse'] : ['alcohol-misuse', 'drug-misuse'];
      return ids.map((factorId) => ({ factorId, direction: 'present', personIds: people }));
    }
    case 'police-domestic-abuse-incident': {
      const victims = event.victimIds ?? [];
      const perpetrators = event.perpetratorIds ?? [];
      // Without roles we cannot tell who harmed whom, so both factors go to everyone named.
      const unroled = victims.length === 0 && perpetrators.length === 0 ? people : [];
      return [
        { factorId: 'domestic-abuse-victim', direction: 'present', personIds: [...victims, ...unroled] },
        { factorId: 'domestic-abuse-perpetrator', direction: 'present', personIds: [...perpetrators, ...unroled] },
      ];
    }
    default:
      return kind.indicates.length === 0 ? [] : kind.indicates.map((factorId) => ({ factorId, direction: 'present', personIds: people }));
  }
}

function targetsOf(event: ProfileEvent, kind: EventKindDefinition, settings: ProfileSettings): Target[] {
  const fromKind = kindTargets(event, kind, settings);
  // Most entries (a visit, a clinic contact) indicate nothing themselves: no lists made for them.
  if (event.indicates === undefined || event.indicates.length === 0) return fromKind;
  const stated = event.indicates.map((item): Target => {
    if (typeof item === 'string') return { factorId: item, direction: 'present', personIds: named(event) };
    return { factorId: item.factorId, direction: 'present', personIds: item.personId === undefined ? named(event) : [item.personId] };
  });
  return [...fromKind, ...stated];
}


/** Appended in place: a factor's list is this map's own, so a long chronology is not copied once per piece of evidence. */
function addEvidence(byFactor: Map<string, Evidence[]>, key: string, evidence: Evidence): void {
  const list = byFactor.get(key);
  if (list) list.push(evidence);
  else byFactor.set(key, [evidence]);
}

/** Evidence from every event, for the subjects that exist. Derived factors take none: the record fills them. */
export function evidenceFromEvents(events: readonly ProfileEvent[], adultIds: ReadonlySet<string>, settings: ProfileSettings): EventEvidence {
  const byFactor = new Map<string, Evidence[]>();
  const problems: ProfileProblem[] = [];

  for (const event of events) {
    const kind = eventKindById(event.kind);
    if (kind === undefined) continue;
    // Reported when the event points to an adult's factor but names no significant adult at all;
    // a victim who is not around the baby (a former partner) is not a problem by themselves.
    let adultTargets = 0;
    let landed = 0;
    for (const target of targetsOf(event, kind, settings)) {
      const factor = factorById(target.factorId);
      if (factor === undefined || factor.derived) continue;
      const evidence: Evidence = {
        source: event.source ?? kind.defaultSource,
        note: event.note?.trim() ? event.note.trim() : kind.label,
        recordedAt: event.occurredAt,
        recordedBy: event.recordedBy,
        agency: event.agency,
        eventId: event.id,
        indicates: target.direction,
      };
      // A disputed event is evidence both ways: the conflict the profile shows and never resolves.
      const pieces = [evidence, ...disputeEvidence(evidence, event.disputes ?? [])];
      if (factor.subject !== 'adult') {
        for (const piece of pieces) addEvidence(byFactor, factorKey(factor.id), piece);
        continue;
      }
      const people = [...new Set(target.personIds)].filter((id) => adultIds.has(id));
      adultTargets += 1;
      landed += people.length;
      for (const personId of people) for (const piece of pieces) addEvidence(byFactor, factorKey(factor.id, personId), piece);
    }
    if (adultTargets > 0 && landed === 0) problems.push({ code: 'event-names-nobody', eventId: event.id });
  }
  return { byFactor, problems };
}
