// A growth chart as an SVG string: the nine UK-WHO centile lines for one kind of measurement and the
// baby's sex, over the ages the measurements span, and the measurements as points. Pure and
// deterministic. Accessible: the picture is an image with a title and a description, and the page
// gives the same numbers as a table beside it. Printable: drawn with presentation attributes only
// (no styles, no script), it scales to the page's width.
import { CENTILE_LINES } from '../../../domain/growth/centile-lines.ts';
import { valueAtZ } from '../../../domain/growth/lms.ts';
import { DAYS_IN_A_YEAR, fromReferenceUnits, referenceAt, referenceFromYears, REFERENCE_UNTIL_YEARS } from '../../../domain/growth/uk-who-reference.ts';
import type { MeasurementKind, ReferenceSex } from '../../../domain/growth/growth.types.ts';

export interface ChartPoint {
  /** Days from 40 weeks of gestation. */
  days: number;
  value: number;
  /** Said when the point is hovered or read out: "4,100 g on 3 February 2027". */
  label: string;
}

export interface ChartInput {
  id: string;
  kind: MeasurementKind;
  sex: ReferenceSex;
  title: string;
  description: string;
  points: readonly ChartPoint[];
}

const WIDTH = 640;
const HEIGHT = 360;
const MARGIN = { left: 56, right: 56, top: 16, bottom: 44 };
const SAMPLES = 80;
const WEEK = 7;

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const fixed = (n: number) => String(Math.round(n * 10) / 10);

/** The ages shown: from term (or the earliest point) to 12 weeks, or 4 weeks past the latest point, within the reference. */
export function chartDays(kind: MeasurementKind, points: readonly ChartPoint[]): { from: number; to: number } {
  const first = Math.min(0, ...points.map((p) => p.days));
  const last = Math.max(12 * WEEK, ...points.map((p) => p.days + 4 * WEEK));
  const from = Math.max(Math.floor(first / WEEK) * WEEK, Math.round(referenceFromYears(kind) * DAYS_IN_A_YEAR));
  const to = Math.min(Math.ceil(last / WEEK) * WEEK, Math.floor(REFERENCE_UNTIL_YEARS * DAYS_IN_A_YEAR));
  return { from, to };
}

function lineValues(kind: MeasurementKind, sex: ReferenceSex, z: number, from: number, to: number): [number, number][] {
  const values: [number, number][] = [];
  for (let i = 0; i <= SAMPLES; i += 1) {
    const days = from + ((to - from) * i) / SAMPLES;
    const lms = referenceAt(kind, sex, days / DAYS_IN_A_YEAR);
    if (lms) values.push([days, fromReferenceUnits(kind, valueAtZ(z, lms))]);
  }
  return values;
}

function niceStep(range: number, ticks: number): number {
  const raw = range / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * power).find((step) => step >= raw) ?? 10 * power;
}

export function renderGrowthChart(input: ChartInput): string {
  const { from, to } = chartDays(input.kind, input.points);
  const lines = CENTILE_LINES.map((line) => ({ line, values: lineValues(input.kind, input.sex, line.z, from, to) }));
  const all = [...lines.flatMap((l) => l.values.map(([, v]) => v)), ...input.points.map((p) => p.value)];
  const step = niceStep(Math.max(...all) - Math.min(...all), 6);
  const low = Math.floor(Math.min(...all) / step) * step;
  const high = Math.ceil(Math.max(...all) / step) * step;
  const x = (days: number) => MARGIN.left + ((days - from) / (to - from || 1)) * (WIDTH - MARGIN.left - MARGIN.right);
  const y = (value: number) => HEIGHT - MARGIN.bottom - ((value - low) / (high - low || 1)) * (HEIGHT - MARGIN.top - MARGIN.bottom);
  const unit = input.kind === 'weight' ? 'g' : 'cm';
  const parts: string[] = [];
  const titleId = `${input.id}-title`;
  const descId = `${input.id}-desc`;
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="100%" role="img" aria-labelledby="${titleId} ${descId}" class="app-growth-chart" data-qa="growth-chart-${input.kind}">`);
  parts.push(`<title id="${titleId}">${escapeXml(input.title)}</title><desc id="${descId}">${escapeXml(input.description)}</desc>`);
  parts.push(`<rect x="${MARGIN.left}" y="${MARGIN.top}" width="${WIDTH - MARGIN.left - MARGIN.right}" height="${HEIGHT - MARGIN.top - MARGIN.bottom}" fill="#ffffff" stroke="#505a5f" stroke-width="1"/>`);
  for (let value = low; value <= high + step / 2; value += step) {
    parts.push(`<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${fixed(y(value))}" y2="${fixed(y(value))}" stroke="#f3f2f1" stroke-width="1"/>`);
    parts.push(`<text x="${MARGIN.left - 6}" y="${fixed(y(value) + 4)}" text-anchor="end" font-size="12" fill="#0b0c0c">${fixed(value)}</text>`);
  }
  const weeks = (to - from) / WEEK;
  const tickWeeks = weeks <= 16 ? 2 : weeks <= 40 ? 4 : weeks <= 80 ? 8 : 13;
  for (let days = Math.ceil(from / (tickWeeks * WEEK)) * tickWeeks * WEEK; days <= to; days += tickWeeks * WEEK) {
    parts.push(`<line x1="${fixed(x(days))}" x2="${fixed(x(days))}" y1="${HEIGHT - MARGIN.bottom}" y2="${HEIGHT - MARGIN.bottom + 4}" stroke="#505a5f" stroke-width="1"/>`);
    parts.push(`<text x="${fixed(x(days))}" y="${HEIGHT - MARGIN.bottom + 16}" text-anchor="middle" font-size="12" fill="#0b0c0c">${days / WEEK}</text>`);
  }
  parts.push(`<text x="${(MARGIN.left + WIDTH - MARGIN.right) / 2}" y="${HEIGHT - 6}" text-anchor="middle" font-size="12" fill="#0b0c0c">Weeks from 40 weeks of gestation (term)</text>`);
  parts.push(`<text x="14" y="${MARGIN.top + 10}" font-size="12" fill="#0b0c0c">${unit}</text>`);
  for (const { line, values } of lines) {
    if (values.length < 2) continue;
    const path = values.map(([d, v], i) => `${i === 0 ? 'M' : 'L'}${fixed(x(d))} ${fixed(y(v))}`).join(' ');
    const dashed = line.label === '50th' ? '' : ' stroke-dasharray="4 3"';
    parts.push(`<path d="${path}" fill="none" stroke="#505a5f" stroke-width="${line.label === '50th' ? 2 : 1}"${dashed}/>`);
    const [lastDays, lastValue] = values.at(-1)!;
    parts.push(`<text x="${fixed(x(lastDays) + 4)}" y="${fixed(y(lastValue) + 4)}" font-size="11" fill="#0b0c0c">${line.label}</text>`);
  }
  const inView = input.points.filter((p) => p.days >= from && p.days <= to);
  if (inView.length > 1) {
    parts.push(`<path d="${inView.map((p, i) => `${i === 0 ? 'M' : 'L'}${fixed(x(p.days))} ${fixed(y(p.value))}`).join(' ')}" fill="none" stroke="#1d70b8" stroke-width="2"/>`);
  }
  for (const point of inView) {
    parts.push(`<circle cx="${fixed(x(point.days))}" cy="${fixed(y(point.value))}" r="5" fill="#1d70b8" stroke="#ffffff" stroke-width="1.5"><title>${escapeXml(point.label)}</title></circle>`);
  }
  parts.push('</svg>');
  return parts.join('');
}
