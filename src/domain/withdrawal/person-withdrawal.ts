// Withdrawing a person added to the wrong family (issue 21): the same two-person rule as a whole
// record made in error (withdrawal-rules.ts), for one person around the baby. Who is asking is decided
// before whether the person is on the case, so that only those entitled learn that. On confirmation
// the person goes with their profile factors, their links and the chronology entries only about them
// (entriesOnlyAbout); an entry that also names someone else stays, and names them as someone no
// longer in the record. Pure.
import type { ChronologyEntry } from '../chronology/chronology.types.ts';
import { decideConfirmation, decideProposal, type Decided, type WithdrawalProposal, type WithdrawalRefusal, type WithdrawalRequester, WITHDRAWAL_REASON_LIMIT } from './withdrawal-rules.ts';

export type PersonWithdrawalRefusal = WithdrawalRefusal | 'not-on-case';

export const PERSON_WITHDRAWAL_REFUSAL_MESSAGES: Record<PersonWithdrawalRefusal, string> = {
  'not-lead-professional': 'Only the lead professional can propose withdrawing a person from this record. Ask them to propose it.',
  'already-proposed': 'Withdrawing this person has been proposed already. A safeguarding lead or manager must confirm it.',
  'no-proposal': 'Nobody has proposed withdrawing this person. The lead professional must propose it first.',
  'same-person': 'You proposed withdrawing this person, so someone else must confirm it: a safeguarding lead or manager who oversees the case.',
  'not-entitled': 'Only a safeguarding lead or manager who oversees the case can confirm withdrawing this person.',
  'not-on-case': 'That person is not in this record.',
  'reason-missing': 'Enter why the person was added to the wrong family',
  'reason-too-long': `Why the person was added to the wrong family must be ${String(WITHDRAWAL_REASON_LIMIT)} characters or fewer`,
};

type PersonDecided<T> = { ok: true; value: T } | { ok: false; refusal: PersonWithdrawalRefusal };

/** The lead professional proposes, for a person on the case with no proposal waiting, with a reason. */
export function decidePersonProposal(requester: WithdrawalRequester, onCase: boolean, existing: WithdrawalProposal | null, reason: string | undefined): PersonDecided<{ reason: string }> {
  if (requester.basis !== 'lead-professional') return { ok: false, refusal: 'not-lead-professional' };
  if (!onCase) return { ok: false, refusal: 'not-on-case' };
  return decideProposal(requester, existing, reason);
}

/** A safeguarding lead or manager who oversees the case, not the proposer, confirms the proposal waiting for a person on the case. */
export function decidePersonConfirmation(requester: WithdrawalRequester, onCase: boolean, existing: WithdrawalProposal | null): PersonDecided<null> {
  const decided: Decided<null> = decideConfirmation(requester, existing);
  if (!decided.ok && decided.refusal !== 'no-proposal') return decided;
  if (!onCase) return { ok: false, refusal: 'not-on-case' };
  return decided;
}

type EntryPeople = Pick<ChronologyEntry, 'id' | 'personIds' | 'presentIds' | 'victimIds' | 'perpetratorIds' | 'indicates' | 'corrects'>;

/** Everyone an entry names: about, present, harmed, harming, or a factor of theirs it points to. */
function peopleNamed(entry: EntryPeople): Set<string> {
  const named = [...entry.personIds, ...entry.presentIds, ...entry.victimIds, ...entry.perpetratorIds, ...entry.indicates.flatMap((item) => (item.personId === undefined ? [] : [item.personId]))];
  return new Set(named);
}

/**
 * The entries only about the person, to remove with them: an entry and its corrections (a thread) go
 * together when every entry of the thread names nobody but the person and at least one names them.
 * A thread that also names someone else, or names nobody (about the baby), stays whole.
 */
export function entriesOnlyAbout(entries: readonly EntryPeople[], personId: string): string[] {
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const rootOf = (entry: EntryPeople): string => {
    const seen = new Set<string>();
    let current = entry;
    while (current.corrects !== undefined && byId.has(current.corrects) && !seen.has(current.id)) {
      seen.add(current.id);
      current = byId.get(current.corrects)!;
    }
    return current.id;
  };
  const threads = new Map<string, EntryPeople[]>();
  for (const entry of entries) threads.set(rootOf(entry), [...(threads.get(rootOf(entry)) ?? []), entry]);
  const removed: string[] = [];
  for (const thread of threads.values()) {
    const named = thread.map(peopleNamed);
    const onlyThem = named.every((people) => [...people].every((id) => id === personId));
    if (onlyThem && named.some((people) => people.has(personId))) removed.push(...thread.map((entry) => entry.id));
  }
  return removed;
}
