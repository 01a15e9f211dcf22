// The service's ids: UUIDs of version 7 (RFC 9562), whose first 48 bits are the milliseconds of the
// system clock and whose next 12 count up within one millisecond, so ids made later by one process
// sort after those it made before, as text as well as in bytes. Two things follow. Rows recorded at
// the same moment keep the order they were made in wherever they are ordered by id last (a feed's
// entries for one case and day, made in the order the agency sent them, and, under a test clock
// that stands still, every entry: chronology-order.ts), so an entry added to a kept chronology
// goes at its end and the kept pattern state is fed, not built again (ADR 0020). And a table's
// new keys land at the end of its indexes. The other 74 bits are random: an id is still never
// guessed, but it tells roughly when it was made, so it is no secret (tokens are random bytes:
// security/tokens.ts). Not the clock of the context: an id orders, it never says what day it is.
import { randomBytes } from 'node:crypto';

/** The highest value of the 12 bits that count within a millisecond. */
const MOST_IN_A_MILLISECOND = 0xfff;

function hex(value: number, digits: number): string {
  return value.toString(16).padStart(digits, '0');
}

/** Random bytes are drawn 4 KiB at a time: one call to the generator for each id cost more than the rest of the id. */
const POOL_BYTES = 4096;
let pool = '';
let taken = 0;

/** 16 random hexadecimal digits. */
function randomPart(): string {
  if (taken + 16 > pool.length) {
    pool = randomBytes(POOL_BYTES).toString('hex');
    taken = 0;
  }
  taken += 16;
  return pool.slice(taken - 16, taken);
}

/** A source of ids in order, from the clock given (the system's). One a process: orderedId. */
export function orderedIds(clock: () => number = Date.now): () => string {
  let lastMillisecond = 0;
  let counter = 0;
  return () => {
    const now = clock();
    if (now > lastMillisecond) {
      lastMillisecond = now;
      // Starts low in its range, leaving room to count up within the millisecond.
      counter = parseInt(randomPart().slice(0, 3), 16) & 0x3ff;
    } else if (counter < MOST_IN_A_MILLISECOND) {
      counter += 1;
    } else {
      // More ids in one millisecond than the counter holds (or the clock went back): borrow the next millisecond.
      lastMillisecond += 1;
      counter = 0;
    }
    const random = randomPart();
    const tail = hex(((parseInt(random.slice(0, 2), 16) & 0x3f) | 0x80), 2) + random.slice(2); // the variant, 10
    const time = hex(lastMillisecond, 12);
    return `${time.slice(0, 8)}-${time.slice(8)}-7${hex(counter, 3)}-${tail.slice(0, 4)}-${tail.slice(4)}`;
  };
}

/** The process's ids: every context of the process takes its ids from this one source. */
export const orderedId = orderedIds();
