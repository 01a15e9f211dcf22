// The five publications the product is built from (docs/domain.md, Sources), cited by every
// factor, finding and event kind so a practitioner (or a reviewer) can trace each one back to the
// sentence it comes from.
export const SOURCES = {
  /** NSPCC, "Infants: learning from case reviews" (2018). */
  nspccInfants: 'NSPCC, Infants: learning from case reviews (2018)',
  /** Northamptonshire, "Babies under one year: reducing avoidable harm" (sections 1.0-5.0). */
  northants: 'Northamptonshire, Babies under one year',
  /** Bath & North East Somerset, Swindon and Wiltshire workshop, "Learning from case reviews ... unborn babies and under 1s". */
  bsw: 'BSW, Safeguarding unborn babies and under 1s',
  /** NSPCC briefing on deaths of, or significant harm to, infants: key issues a-f. */
  nspccBriefing: 'Deaths of, or significant harm to infants',
  /** Derby and Derbyshire joint child safeguarding practice review: Infants 1, 2 and 3. */
  derby: 'Derby and Derbyshire review (2022)',
} as const;

export type SourceTitle = (typeof SOURCES)[keyof typeof SOURCES];

/** "Derby and Derbyshire review (2022), section 5.9": a publication and where in it, in words. */
export function cite(source: SourceTitle, where: string): string {
  return `${source}, ${where}`;
}
