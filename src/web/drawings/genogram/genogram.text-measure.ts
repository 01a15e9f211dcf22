// Text is measured on the server, where there is no font engine: an estimate from Arial's glyph
// widths (wide for CJK), slightly generous so labels never run into each other, and word wrapping.
const NARROW = 'iIjl.,;:!|\'’()[]ft ';
const WIDE = 'mwMW@';

/** Estimated width in pixels of text in Arial at this size. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let ems = 0;
  for (const ch of text) {
    if (NARROW.includes(ch)) ems += 0.3;
    else if (WIDE.includes(ch) || ch.codePointAt(0)! >= 0x2e80) ems += 0.96;
    else if (ch >= 'A' && ch <= 'Z') ems += 0.68;
    else ems += 0.56;
  }
  return ems * fontSize * (bold ? 1.08 : 1);
}

/** Words wrapped to lines no wider than maxWidth; beyond maxLines the last line ends in an ellipsis. */
export function wrapText(text: string, maxWidth: number, maxLines: number, fontSize: number, bold = false): string[] {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const candidate = current ? `${current} ${word}` : word;
    if (!current || textWidth(candidate, fontSize, bold) <= maxWidth) current = candidate;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  const kept = lines.slice(0, maxLines).map((line) => fitLine(line, maxWidth, fontSize, bold));
  if (lines.length > maxLines) kept[maxLines - 1] = ellipsise(`${kept[maxLines - 1]!} …`, maxWidth, fontSize, bold);
  return kept;
}

/** A single word longer than the line is cut with an ellipsis rather than overflowing. */
function fitLine(line: string, maxWidth: number, fontSize: number, bold: boolean): string {
  return textWidth(line, fontSize, bold) <= maxWidth ? line : ellipsise(line, maxWidth, fontSize, bold);
}

function ellipsise(line: string, maxWidth: number, fontSize: number, bold: boolean): string {
  let text = line.replace(/\s*…$/, '');
  while (text.length > 1 && textWidth(`${text}…`, fontSize, bold) > maxWidth) text = text.slice(0, -1).trimEnd();
  return `${text}…`;
}
