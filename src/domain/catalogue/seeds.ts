// The five source documents in shared/seeds/, cited by every factor, finding and event kind so a
// practitioner (or a reviewer) can trace each one back to the sentence it comes from.
export const SEEDS = {
  /** NSPCC, "Infants: learning from case reviews" (2018). */
  nspccInfants: '000_049214919530b06c',
  /** Northamptonshire, "Babies under one year: reducing avoidable harm" (sections 1.0-5.0). */
  northants: '001_36a7e314710ad037',
  /** Bath & North East Somerset, Swindon and Wiltshire workshop, "Learning from case reviews ... unborn babies and under 1s". */
  bsw: '002_18b46c3039ec8d4f',
  /** NSPCC briefing on deaths of, or significant harm to, infants: key issues a-f. */
  nspccBriefing: '003_38e08bad8fbaf308',
  /** Derby and Derbyshire joint child safeguarding practice review: Infants 1, 2 and 3. */
  derby: '004_013d5337cc1f3ad4',
} as const;

export type SeedId = (typeof SEEDS)[keyof typeof SEEDS];

/** "004_013d5337cc1f3ad4 §5.9": a seed and where in it. */
export function cite(seed: SeedId, where: string): string {
  return `${seed} ${where}`;
}
