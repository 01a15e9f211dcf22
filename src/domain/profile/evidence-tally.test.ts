// A factor's evidence tally (evidence-tally.ts) is what the rules used to read off the whole list:
// the pieces each way (directionOf), who gave them (each giver once, in the order recorded), how many speakers, independent
// absence, the first day and latest piece of presence, a GP practice's event among them. And the
// tally of one list then another is the two tallies merged, as the events' reading keeps it. Random
// lists from a seeded generator, so a failure can be run again.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EVIDENCE_SOURCE_IDS, isIndependentSource } from '../catalogue/evidence-sources.ts';
import { FACTOR_STATUS_IDS, type FactorStatus } from '../catalogue/statuses.ts';
import { dayOf } from '../shared/calendar-date.ts';
import { createRandom, type Random } from '../shared/seeded-random.ts';
import { EMPTY_TALLY, directionOf, mergeTallies, tallyEvidence } from './evidence-tally.ts';
import { evidenceGiver, listInWords } from './plain-words.ts';
import type { Evidence, EvidenceTally } from './profile.types.ts';

/** The rules' old reading of a list's givers: each giver once, in the order recorded. */
function giversInWords(evidence: readonly Evidence[]): string {
  return listInWords([...new Set(evidence.map(evidenceGiver))]);
}

const BY_THE_GP = new Set(['gp-1', 'gp-2']);

function randomEvidence(random: Random): Evidence {
  return {
    source: random.pick([...EVIDENCE_SOURCE_IDS, 'not-a-source' as Evidence['source']]),
    note: random.pick(['Seen', 'Told', 'Recorded']),
    recordedAt: random.pick(['2026-05-01', '2026-05-01T09:00:00Z', '2026-04-30T23:30:00+01:00', '2026-06-12T10:00:00Z', 'not a date', '2025-12-31']),
    recordedBy: 'A practitioner',
    agency: random.pick(['Police', 'Health visiting', '', 'Riverside Surgery']),
    ...(random.chance(0.6) ? { eventId: random.pick(['gp-1', 'gp-2', 'e-1', 'e-2']) } : {}),
    ...(random.chance(0.8) ? { indicates: random.pick(['present', 'absent'] as const) } : {}),
    ...(random.chance(0.2) ? { givenBy: random.pick(['her sister', 'the mother', '']) } : {}),
  };
}

/** The tally as the rules worked it out from the whole list before it was kept. */
function readWhole(evidence: readonly Evidence[], status: FactorStatus): EvidenceTally {
  const presence = evidence.filter((e) => directionOf(e, status) === 'present');
  const absence = evidence.filter((e) => directionOf(e, status) === 'absent');
  const voices = (pieces: readonly Evidence[]) => {
    const speakers = [...new Set(pieces.map((e) => e.givenBy ?? `${e.source}|${e.agency}`))];
    return { count: pieces.length, givers: [...new Set(pieces.map(evidenceGiver))], speakers: speakers.slice(0, 2) };
  };
  return {
    presence: voices(presence),
    absence: voices(absence),
    independentAbsence: absence.filter((e) => isIndependentSource(e.source)).length,
    firstPresentOn: presence.map((e) => dayOf(e.recordedAt)).filter((day): day is string => day !== null).sort()[0] ?? null,
    latestPresence: [...presence].sort((a, b) => b.recordedAt.localeCompare(a.recordedAt))[0] ?? null,
    presenceByTheGp: presence.some((e) => e.eventId !== undefined && BY_THE_GP.has(e.eventId)),
  };
}

describe('a factor evidence tally', () => {
  it('is what the rules read off the whole list, for every status', () => {
    const random = createRandom(12);
    for (let round = 0; round < 300; round++) {
      const evidence = Array.from({ length: random.int(0, 12) }, () => randomEvidence(random));
      const status = random.pick(FACTOR_STATUS_IDS);
      const tally = tallyEvidence(evidence, status, BY_THE_GP);
      assert.deepEqual(tally, readWhole(evidence, status), `round ${String(round)}`);
      assert.equal(listInWords(tally.presence.givers), giversInWords(evidence.filter((e) => directionOf(e, status) === 'present')));
    }
  });

  it('of one list then another is the two tallies merged', () => {
    const random = createRandom(21);
    for (let round = 0; round < 300; round++) {
      const first = Array.from({ length: random.int(0, 8) }, () => randomEvidence(random));
      const then = Array.from({ length: random.int(0, 8) }, () => randomEvidence(random));
      const status = random.pick(FACTOR_STATUS_IDS);
      assert.deepEqual(mergeTallies(tallyEvidence(first, status, BY_THE_GP), tallyEvidence(then, status, BY_THE_GP)), tallyEvidence([...first, ...then], status, BY_THE_GP), `round ${String(round)}`);
    }
  });

  it('counts nothing of evidence that points nowhere', () => {
    assert.equal(tallyEvidence([], 'present', BY_THE_GP), EMPTY_TALLY);
    const unsaid: Evidence = { source: 'observed', note: 'Seen', recordedAt: '2026-05-01', recordedBy: 'A practitioner', agency: 'Police' };
    assert.deepEqual(tallyEvidence([unsaid], 'not-assessed', BY_THE_GP), EMPTY_TALLY);
    assert.equal(tallyEvidence([unsaid], 'present', BY_THE_GP).presence.count, 1);
  });
});
