// Adding a received transfer to a record here that is the same baby (issue 21; docs/domain.md,
// "Transfer to another area"): the two must not have different NHS numbers, and the pack's people
// are matched to the record's by NHS number, the others proposed for someone here to decide about.
// Pure: the record's NHS numbers and the pack's people come in. Used by the merge and its preview.

export const ALREADY_MERGED_MESSAGE = 'This pack’s history is in this record already: every entry it holds was added to it before, from the same area. Nothing was added again.';

/**
 * A pack merged before adds nothing: the record was made from it or took it already (its sending
 * area, sending record and time are the record's received transfer), or every entry it holds is in
 * the record already (by the sending area and each entry's id there). A pack of no entries is known
 * only by the first.
 */
export function isAlreadyMerged(pack: { entriesSent: number; entriesHere: number; samePackReceived: boolean }): boolean {
  return pack.samePackReceived || (pack.entriesSent > 0 && pack.entriesHere >= pack.entriesSent);
}

export const MERGE_MISMATCH_MESSAGE = 'The record here has another NHS number than the baby in the pack, so they are not the same baby: receive the pack as a different baby instead.';

/** A record here with another NHS number than the pack's baby is not the same baby (either unknown is no mismatch). */
export function isMergeMismatch(nhsHere: string | null, nhsSent: string | null): boolean {
  return nhsHere !== null && nhsSent !== null && nhsHere !== nhsSent;
}

/**
 * The pack's people found here by NHS number (the pack's id to the id here) and the others, to be
 * proposed. `here`: the record's people with an NHS number, by that number.
 */
export function matchPeopleByNhsNumber<P extends { id: string; nhsNumber: string | null }>(sent: readonly P[], here: ReadonlyMap<string, string>): { matched: Map<string, string>; notFound: P[] } {
  const matched = new Map<string, string>();
  const notFound: P[] = [];
  for (const person of sent) {
    const id = person.nhsNumber === null ? undefined : here.get(person.nhsNumber);
    if (id === undefined) notFound.push(person);
    else matched.set(person.id, id);
  }
  return { matched, notFound };
}
