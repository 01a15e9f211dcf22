// The nine centile lines of the UK-WHO charts, two-thirds of a standard deviation apart: a centile
// space is the gap between two neighbouring lines.
export const CENTILE_SPACE_SD = 2 / 3;

export interface CentileLine {
  label: string;
  z: number;
}

export const CENTILE_LINES: readonly CentileLine[] = [
  { label: '0.4th', z: -4 * CENTILE_SPACE_SD },
  { label: '2nd', z: -3 * CENTILE_SPACE_SD },
  { label: '9th', z: -2 * CENTILE_SPACE_SD },
  { label: '25th', z: -1 * CENTILE_SPACE_SD },
  { label: '50th', z: 0 },
  { label: '75th', z: CENTILE_SPACE_SD },
  { label: '91st', z: 2 * CENTILE_SPACE_SD },
  { label: '98th', z: 3 * CENTILE_SPACE_SD },
  { label: '99.6th', z: 4 * CENTILE_SPACE_SD },
];

const line = (label: string): CentileLine => CENTILE_LINES.find((l) => l.label === label)!;
export const SECOND_CENTILE = line('2nd');
export const NINTH_CENTILE = line('9th');
export const NINETY_FIRST_CENTILE = line('91st');

/** Within a quarter of a space of a line, a point is read as on it. */
const ON_THE_LINE_WITHIN = CENTILE_SPACE_SD / 4;

/** Where a z-score sits on the chart, in words: "on the 25th centile", "between the 9th and 25th centiles". */
export function positionOnChart(z: number): string {
  const on = CENTILE_LINES.find((l) => Math.abs(z - l.z) <= ON_THE_LINE_WITHIN);
  if (on) return `on the ${on.label} centile`;
  const first = CENTILE_LINES[0]!;
  const last = CENTILE_LINES.at(-1)!;
  if (z < first.z) return `below the ${first.label} centile`;
  if (z > last.z) return `above the ${last.label} centile`;
  const above = CENTILE_LINES.findIndex((l) => l.z > z);
  return `between the ${CENTILE_LINES[above - 1]!.label} and ${CENTILE_LINES[above]!.label} centiles`;
}

/** How many centile spaces a measurement fell from one z-score to another (negative when it rose). */
export function centileSpacesFallen(fromZ: number, toZ: number): number {
  return (fromZ - toZ) / CENTILE_SPACE_SD;
}
