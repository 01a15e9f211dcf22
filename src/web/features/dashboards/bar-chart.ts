// A bar chart as an SVG string, drawn on the server (issue 16): one horizontal bar a row, its number
// at its end. Pure and deterministic, presentation attributes only (no style, no script), so it
// prints and needs no JavaScript. An image with a title and a description; the page puts the same
// numbers in a table beside it, where each is a link to the cases behind it.
import { escapeXml } from '../../drawings/genogram/genogram.escape.ts';

export interface Bar {
  label: string;
  value: number;
}

export interface BarChartInput {
  id: string;
  title: string;
  description: string;
  bars: readonly Bar[];
}

const WIDTH = 640;
const LABEL_WIDTH = 250;
const ROW = 28;
const BAR = 18;
const TOP = 8;

export function renderBarChart({ id, title, description, bars }: BarChartInput): string {
  const height = TOP * 2 + Math.max(bars.length, 1) * ROW;
  const most = Math.max(1, ...bars.map((b) => b.value));
  const room = WIDTH - LABEL_WIDTH - 60;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-labelledby="${id}-title ${id}-desc" data-qa="chart-${id}">`,
    `<title id="${id}-title">${escapeXml(title)}</title><desc id="${id}-desc">${escapeXml(description)}</desc>`,
  ];
  bars.forEach((bar, index) => {
    const y = TOP + index * ROW;
    const length = Math.round((bar.value / most) * room);
    parts.push(`<text x="${LABEL_WIDTH - 8}" y="${y + BAR - 4}" text-anchor="end" font-size="13" fill="#0b0c0c">${escapeXml(bar.label)}</text>`);
    parts.push(`<rect x="${LABEL_WIDTH}" y="${y}" width="${length}" height="${BAR}" fill="#1d70b8"/>`);
    parts.push(`<text x="${LABEL_WIDTH + length + 6}" y="${y + BAR - 4}" font-size="13" fill="#0b0c0c">${bar.value}</text>`);
  });
  parts.push(`<line x1="${LABEL_WIDTH}" x2="${LABEL_WIDTH}" y1="${TOP / 2}" y2="${height - TOP / 2}" stroke="#505a5f" stroke-width="1"/>`);
  parts.push('</svg>');
  return parts.join('');
}

/** "4 cases with a high or critical finding, 1 with hidden risk, …": the chart's description, its numbers in words. */
export function barsInWords(bars: readonly Bar[], noun = 'cases'): string {
  return bars.length === 0 ? `No ${noun}.` : `${bars.map((b) => `${b.label}: ${b.value}`).join('; ')}.`;
}
