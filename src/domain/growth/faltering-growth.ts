// Faltering growth from the weights recorded (NICE guideline NG75, "Faltering growth: recognition
// and management of faltering growth in children", 2017; docs/domain.md, Faltering growth):
// - in the first days (before 2 weeks), a loss of 10% or more of the birth weight, until the birth
//   weight is regained;
// - after them, the latest weight below the 2nd centile for age, whatever the birth weight;
// - or the latest weight fallen across centile spaces from the birth weight's: 1 or more when the
//   birth weight was below the 9th centile, 2 or more between the 9th and 91st, 3 or more above the 91st.
// Weights are read at corrected age for a baby born preterm (growth-age.ts).
import { dayInWords, daysFrom } from '../shared/calendar-date.ts';
import { birthWeightOf } from './birth-weight.ts';
import { centileSpacesFallen, NINETY_FIRST_CENTILE, NINTH_CENTILE, positionOnChart, SECOND_CENTILE } from './centile-lines.ts';
import { measurementInWords, plottedAgeInWords } from './growth-words.ts';
import { readMeasurement, whyNotReadable, type Reading } from './read-measurement.ts';
import type { GrowthMeasurement, GrowthSubject } from './growth.types.ts';

/** The first days end at 2 weeks: the centile rules apply from then. */
export const EARLY_DAYS = 14;
/** A loss of this share of the birth weight, or more, in the first days. */
export const EARLY_LOSS_SHARE = 0.1;
/** Leeway for arithmetic on the thresholds (a fall of exactly 2 spaces is 2 spaces). */
const ROUNDING = 1e-9;

export type FalteringRule = 'early-weight-loss' | 'below-second-centile' | 'fall-across-centile-spaces';

/** A weight the decision rests on, with how it reads on the chart when it can be read. */
export interface WeightUsed {
  measurement: GrowthMeasurement;
  reading: Reading | null;
  /** "3,400 g on 22 November 2026 (at birth, on the 50th centile)". */
  words: string;
}

export interface FalteringFinding {
  rule: FalteringRule;
  detail: string;
  weights: readonly WeightUsed[];
}

export type FalteringGrowth =
  | { status: 'not-assessed'; detail: string }
  | { status: 'present'; findings: readonly FalteringFinding[] }
  | { status: 'excluded'; detail: string; weights: readonly WeightUsed[] };

export interface FalteringFacts extends GrowthSubject {
  birthWeightGrams: number | null;
  /** Every measurement recorded; only weights count here. */
  measurements: readonly GrowthMeasurement[];
}

function used(subject: GrowthSubject, measurement: GrowthMeasurement): WeightUsed {
  const read = readMeasurement(subject, 'weight', measurement.value, measurement.measuredOn);
  const reading = read.ok ? read.reading : null;
  const where = reading ? ` (${plottedAgeInWords(reading.age)}, ${positionOnChart(reading.z)})` : '';
  return { measurement, reading, words: `${measurementInWords('weight', measurement.value)} on ${dayInWords(measurement.measuredOn)}${where}` };
}

function earlyWeightLoss(facts: FalteringFacts, birth: GrowthMeasurement, weights: readonly GrowthMeasurement[]): FalteringFinding | null {
  const dob = facts.dateOfBirth!;
  const early = weights.filter((w) => daysFrom(dob, w.measuredOn) > 0 && daysFrom(dob, w.measuredOn) < EARLY_DAYS);
  const lowest = early.reduce<GrowthMeasurement | null>((low, w) => (low === null || w.value < low.value ? w : low), null);
  if (lowest === null || birth.value - lowest.value < EARLY_LOSS_SHARE * birth.value - ROUNDING) return null;
  const regained = weights.find((w) => w.measuredOn > lowest.measuredOn && w.value >= birth.value);
  if (regained) return null;
  const share = Math.round(((birth.value - lowest.value) / birth.value) * 1000) / 10;
  return {
    rule: 'early-weight-loss',
    detail:
      `Weight ${measurementInWords('weight', lowest.value)} on ${dayInWords(lowest.measuredOn)} (day ${daysFrom(dob, lowest.measuredOn)}) is ${share}% below ` +
      `the birth weight of ${measurementInWords('weight', birth.value)}: a loss of 10% or more in the first days, and the birth weight is not yet regained.`,
    weights: [used(facts, birth), used(facts, lowest)],
  };
}

/** The fall that counts, by where the birth weight was: 1 space below the 9th centile, 2 up to the 91st, 3 above it. */
export function spacesThatCount(birthZ: number): { spaces: number; band: string } {
  if (birthZ < NINTH_CENTILE.z) return { spaces: 1, band: 'below the 9th centile' };
  if (birthZ > NINETY_FIRST_CENTILE.z) return { spaces: 3, band: 'above the 91st centile' };
  return { spaces: 2, band: 'between the 9th and 91st centiles' };
}

function centileRules(facts: FalteringFacts, birth: WeightUsed | null, latest: WeightUsed): FalteringFinding[] {
  const findings: FalteringFinding[] = [];
  const now = latest.reading!;
  if (now.z < SECOND_CENTILE.z) {
    findings.push({ rule: 'below-second-centile', detail: `The latest weight, ${latest.words}, is below the 2nd centile for age, whatever the birth weight.`, weights: [latest] });
  }
  if (birth?.reading) {
    const fallen = centileSpacesFallen(birth.reading.z, now.z);
    const { spaces, band } = spacesThatCount(birth.reading.z);
    if (fallen >= spaces - ROUNDING) {
      findings.push({
        rule: 'fall-across-centile-spaces',
        detail:
          `Weight has fallen ${fallen.toFixed(1)} centile spaces, from ${birth.words} to ${latest.words}. ` +
          `With a birth weight ${band}, a fall of ${spaces} or more is faltering growth.`,
        weights: [birth, latest],
      });
    }
  }
  return findings;
}

export function assessFalteringGrowth(facts: FalteringFacts): FalteringGrowth {
  if (facts.dateOfBirth === null) return { status: 'not-assessed', detail: 'The date of birth is not recorded.' };
  const dob = facts.dateOfBirth;
  const weights = facts.measurements.filter((m) => m.kind === 'weight' && m.measuredOn >= dob).sort((a, b) => a.measuredOn.localeCompare(b.measuredOn));
  const birth = birthWeightOf(facts, weights);
  const early = birth ? earlyWeightLoss(facts, birth, weights) : null;
  const after = weights.filter((w) => daysFrom(dob, w.measuredOn) >= EARLY_DAYS);
  const latest = after.length > 0 ? used(facts, after.at(-1)!) : null;
  const birthUsed = birth ? used(facts, birth) : null;
  const findings = [...(early ? [early] : []), ...(latest?.reading ? centileRules(facts, birthUsed, latest) : [])];
  if (findings.length > 0) return { status: 'present', findings };
  if (latest?.reading) {
    const fall = birthUsed?.reading ? ` Since the birth weight, ${birthUsed.words}, it has moved ${describeFall(centileSpacesFallen(birthUsed.reading.z, latest.reading.z))}.` : '';
    return { status: 'excluded', detail: `The latest weight, ${latest.words}, is not faltering.${fall}`, weights: [...(birthUsed ? [birthUsed] : []), latest] };
  }
  if (latest) return { status: 'not-assessed', detail: `The latest weight cannot be read against the centiles: ${whyNotReadable(facts) ?? 'it is outside the charts (23 weeks of gestation to 4 years)'}.` };
  const earlyWeights = birth ? weights.filter((w) => w.measuredOn > dob) : [];
  if (birth && earlyWeights.length > 0) {
    return { status: 'excluded', detail: 'No loss of 10% of the birth weight in the first days; no weight yet from 2 weeks of age to read against the centiles.', weights: [used(facts, birth), ...earlyWeights.map((w) => used(facts, w))] };
  }
  return { status: 'not-assessed', detail: 'No weight recorded after the birth yet.' };
}

function describeFall(spaces: number): string {
  const size = Math.abs(spaces).toFixed(1);
  if (size === '0.0') return 'along its centile';
  return spaces > 0 ? `down ${size} centile spaces` : `up ${size} centile spaces`;
}
