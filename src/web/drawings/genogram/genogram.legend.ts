// The key beneath the diagram, listing only the symbols and lines this diagram uses, so a printed
// copy explains itself without colour.
import { escapeXml } from './genogram.escape.ts';
import type { Family } from './genogram.family.ts';
import { INK, symbolSvg } from './genogram.symbols.ts';
import type { SymbolSpec } from './genogram.symbols.ts';

interface KeyItem {
  text: string;
  draw: (x: number, y: number) => string;
}

const COLUMN = 236;
const ROW = 30;
const SAMPLE = 22;
const plain: SymbolSpec = { sex: 'male', unborn: false, deceased: false, identityKnown: true, index: false };

function sample(spec: Partial<SymbolSpec>): KeyItem['draw'] {
  return (x, y) => symbolSvg({ ...plain, ...spec }, x + 14, y, SAMPLE);
}

function line(kind: 'solid' | 'dashed', slashes: number): KeyItem['draw'] {
  return (x, y) => {
    const dash = kind === 'dashed' ? ' stroke-dasharray="5 4"' : '';
    const marks = Array.from({ length: slashes }, (_, i) => {
      const cx = x + 16 + (i - (slashes - 1) / 2) * 8;
      return `<line x1="${cx - 4}" y1="${y + 7}" x2="${cx + 4}" y2="${y - 7}" stroke="${INK}" stroke-width="2"/>`;
    });
    return `<line x1="${x}" y1="${y}" x2="${x + 32}" y2="${y}" stroke="${INK}" stroke-width="2"${dash}/>${marks.join('')}`;
  };
}

function keyItems(family: Family): KeyItem[] {
  const m = family.members;
  const kinds = new Set(family.unions.map((u) => u.kind));
  const items: (KeyItem | false)[] = [
    m.some((p) => p.sex === 'male' && !p.unborn) && { text: 'Male', draw: sample({ sex: 'male' }) },
    m.some((p) => p.sex === 'female' && !p.unborn) && { text: 'Female', draw: sample({ sex: 'female' }) },
    m.some((p) => p.sex === 'unknown' && !p.unborn) && { text: 'Sex not known', draw: sample({ sex: 'unknown' }) },
    m.some((p) => p.unborn) && { text: 'Unborn baby', draw: sample({ unborn: true }) },
    { text: 'The baby (double outline)', draw: sample({ index: true, sex: m[0]?.sex ?? 'unknown', unborn: m[0]?.unborn ?? false }) },
    m.some((p) => p.deceased) && { text: 'Deceased (line through)', draw: sample({ deceased: true }) },
    m.some((p) => !p.identityKnown) && { text: 'Identity not known (?)', draw: sample({ identityKnown: false }) },
    kinds.has('partners') && { text: 'Partners', draw: line('solid', 0) },
    kinds.has('separated') && { text: 'Separated (one slash)', draw: line('solid', 1) },
    kinds.has('ex-partners') && { text: 'Former partners (two slashes)', draw: line('solid', 2) },
    kinds.has('co-parents') && { text: 'Parents, no relationship recorded', draw: line('dashed', 0) },
    {
      text: "Baby's household (dashed boundary)",
      draw: (x, y) => `<rect x="${x}" y="${y - 9}" width="32" height="18" rx="5" fill="#f3f2f1" stroke="${INK}" stroke-width="2" stroke-dasharray="6 4"/>`,
    },
  ];
  return items.filter((item): item is KeyItem => item !== false);
}

/** The key laid out in as many columns as fit the width; returns its markup and height. */
export function legendSvg(family: Family, top: number, left: number, width: number): { svg: string; height: number } {
  const items = keyItems(family);
  const columns = Math.max(1, Math.floor(width / COLUMN));
  const parts = [`<text x="${left}" y="${top + 14}" font-size="14" font-weight="bold" fill="${INK}">Key</text>`];
  items.forEach((item, i) => {
    const x = left + (i % columns) * COLUMN;
    const y = top + 38 + Math.floor(i / columns) * ROW;
    parts.push(item.draw(x, y), `<text x="${x + 44}" y="${y + 4}" font-size="13" fill="${INK}">${escapeXml(item.text)}</text>`);
  });
  return { svg: `<g class="app-genogram__key" aria-hidden="true">${parts.join('')}</g>`, height: 38 + Math.ceil(items.length / columns) * ROW };
}
