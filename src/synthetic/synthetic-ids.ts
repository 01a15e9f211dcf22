// Ids and NHS numbers for synthetic rows, computed from the seed and a row's number rather than
// drawn, so any row can name another (a case its lead professional) without holding the rest.
import { checkNhsNumber } from '../domain/people/nhs-number.ts';

export const ID_TABLES = {
  organisation: 1,
  user: 2,
  case: 3,
  person: 4,
  relationship: 5,
  evidence: 6,
  entry: 7,
  measurement: 8,
} as const;

export type IdTable = keyof typeof ID_TABLES;

/** Rows per family in a case-scoped table: a family's row numbers are `index * PER_FAMILY + n`. */
export const PER_FAMILY = 65_536;

const hex = (value: number, width: number) => value.toString(16).padStart(width, '0');

/** UUID-shaped, unique for each seed, table and row number (up to 2^48 rows). */
export function syntheticId(seed: number, table: IdTable, n: number): string {
  const high = Math.floor(n / 0x1000000);
  const low = n % 0x1000000;
  return `${hex(seed >>> 0, 8)}-${hex(ID_TABLES[table], 4)}-4000-8000-${hex(high, 6)}${hex(low, 6)}`;
}

// An odd multiplier not divisible by 5 makes `index * MULTIPLIER + offset` a bijection mod 10^8.
const MULTIPLIER = 48_271_957;
const SPACE = 100_000_000;
const TRIES = 11;

/**
 * A valid (modulus 11) NHS number starting with 9, a range England does not issue to patients,
 * unique for each infant index (under 8 million) under one seed. Each index owns eleven candidates; the first
 * valid one is used (about one in eleven has no valid check digit).
 */
export function syntheticNhsNumber(seed: number, index: number): string {
  const offset = (seed >>> 0) % SPACE;
  for (let t = 0; t < TRIES; t++) {
    const j = index * TRIES + t;
    // j * MULTIPLIER stays below 2^53 for every index under 8 million.
    const body = `9${String((((j * MULTIPLIER) % SPACE) + offset) % SPACE).padStart(8, '0')}`;
    for (let check = 0; check <= 9; check++) {
      if (checkNhsNumber(`${body}${check}`) === null) return `${body}${check}`;
    }
  }
  throw new Error(`No valid synthetic NHS number for infant ${String(index)}`);
}
