// Which row of the genogram each person sits in. Most relationships to the baby fix the generation;
// a relative or an adult of unknown relationship is placed by their recorded relationships, then
// by date of birth, and otherwise beside the parents (where the adults around a baby usually are).
import type { GenogramInput, RelationshipToInfant } from './genogram.model.ts';

const FIXED_GENERATION: Partial<Record<RelationshipToInfant, number>> = {
  grandparent: 0,
  mother: 1,
  father: 1,
  'mothers-partner': 1,
  'fathers-partner': 1,
  friend: 1,
  'professional-carer': 1,
  sibling: 2,
  'half-sibling': 2,
};
const INFANT_GENERATION = 2;
const DEFAULT_GENERATION = 1;
/** A generation is taken as 25 years when comparing birth years. */
const YEARS_PER_GENERATION = 25;

function birthYear(date: string | null | undefined): number | null {
  const year = date ? Number(date.slice(0, 4)) : NaN;
  return Number.isFinite(year) ? year : null;
}

/** Generation implied by one recorded relationship with someone already placed, if any. */
function fromRelationships(input: GenogramInput, id: string, placed: Map<string, number>): number | null {
  for (const r of input.relationships) {
    const other = r.personId === id ? r.otherPersonId : r.otherPersonId === id ? r.personId : null;
    if (other === null || other === id) continue;
    const known = placed.get(other);
    if (known === undefined) continue;
    if (r.kind !== 'parent-of') return known;
    return r.personId === id ? known - 1 : known + 1;
  }
  return null;
}

/** Generation by birth year: the placed generation with the nearest median birth year, stepped a
 * row for each full 25 years beyond it (someone far older than anyone known lands a row higher). */
function fromBirthYear(year: number, input: GenogramInput, placed: Map<string, number>): number | null {
  const years = new Map<number, number[]>();
  for (const p of input.people) {
    const y = birthYear(p.dateOfBirth);
    const g = placed.get(p.id);
    if (y === null || g === undefined) continue;
    years.set(g, [...(years.get(g) ?? []), y]);
  }
  let nearest: { generation: number; median: number } | null = null;
  for (const [generation, list] of years) {
    const median = [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
    if (!nearest || Math.abs(median - year) < Math.abs(nearest.median - year)) nearest = { generation, median };
  }
  return nearest ? nearest.generation + Math.trunc((year - nearest.median) / YEARS_PER_GENERATION) : null;
}

/** Generation of every person (the infant included), renumbered so the rows used are 0, 1, 2... */
export function assignGenerations(input: GenogramInput): Map<string, number> {
  const placed = new Map<string, number>([[input.infant.id, INFANT_GENERATION]]);
  const open: string[] = [];
  for (const p of input.people) {
    const fixed = FIXED_GENERATION[p.relationshipToInfant];
    if (fixed === undefined) open.push(p.id);
    else placed.set(p.id, fixed);
  }
  // Relationships may chain (a great-grandparent recorded as parent of a grandparent): repeat.
  let progress = true;
  while (progress) {
    progress = false;
    for (const id of open) {
      if (placed.has(id)) continue;
      const g = fromRelationships(input, id, placed);
      if (g !== null) {
        placed.set(id, g);
        progress = true;
      }
    }
  }
  const fixedOnly = new Map(placed);
  for (const p of input.people) {
    if (placed.has(p.id)) continue;
    const year = birthYear(p.dateOfBirth);
    placed.set(p.id, (year === null ? null : fromBirthYear(year, input, fixedOnly)) ?? DEFAULT_GENERATION);
  }
  const used = [...new Set(placed.values())].sort((a, b) => a - b);
  return new Map([...placed].map(([id, g]) => [id, used.indexOf(g)]));
}
