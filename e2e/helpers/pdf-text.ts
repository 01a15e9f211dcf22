// The text of each page of a PDF that Chromium printed (page.pdf), for tests of printed copies: what
// every sheet says, such as its protective marking. Enough of PDF for Chromium's own output (Skia):
// numbered objects, Flate streams, Type0 fonts with a ToUnicode map, and Tj/TJ text in hex strings.
// Not a general PDF reader.
import { inflateSync } from 'node:zlib';

interface PdfObject {
  dict: string;
  stream?: Buffer;
}

function objects(pdf: Buffer): Map<number, PdfObject> {
  const found = new Map<number, PdfObject>();
  const text = pdf.toString('latin1');
  const start = /(\d+) 0 obj\s*/g;
  for (let match = start.exec(text); match; match = start.exec(text)) {
    const end = text.indexOf('endobj', start.lastIndex);
    const body = text.slice(start.lastIndex, end);
    const streamAt = body.indexOf('stream');
    if (streamAt === -1) {
      found.set(Number(match[1]), { dict: body });
      continue;
    }
    const dict = body.slice(0, streamAt);
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? '0');
    const dataStart = start.lastIndex + streamAt + 'stream'.length + (text[start.lastIndex + streamAt + 6] === '\r' ? 2 : 1);
    const raw = pdf.subarray(dataStart, dataStart + length);
    found.set(Number(match[1]), { dict, stream: dict.includes('/FlateDecode') ? inflateSync(raw) : raw });
  }
  return found;
}

const ref = (dict: string, key: string): number | undefined => {
  const match = new RegExp(`/${key} (\\d+) 0 R`).exec(dict);
  return match ? Number(match[1]) : undefined;
};

const utf16 = (hex: string): string => {
  let out = '';
  for (let i = 0; i + 4 <= hex.length; i += 4) out += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
  return out;
};

/** A font's glyph codes to text, from its ToUnicode map (bfchar and bfrange). */
function toUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const pair of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(parseInt(pair[1]!, 16), utf16(pair[2]!));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const range of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]+>|\[[^\]]*\])/g)) {
      const from = parseInt(range[1]!, 16);
      const to = parseInt(range[2]!, 16);
      const targets = range[3]!.startsWith('[') ? [...range[3]!.matchAll(/<([0-9A-Fa-f]+)>/g)].map((m) => utf16(m[1]!)) : null;
      const first = targets ? 0 : parseInt(range[3]!.slice(1, -1), 16);
      for (let code = from; code <= to; code += 1) map.set(code, targets ? (targets[code - from] ?? '') : String.fromCharCode(first + code - from));
    }
  }
  return map;
}

function pageIds(all: Map<number, PdfObject>, node: number): number[] {
  const dict = all.get(node)?.dict ?? '';
  if (/\/Type\s*\/Page\b(?!s)/.test(dict)) return [node];
  const kids = /\/Kids\s*\[([^\]]*)\]/.exec(dict)?.[1] ?? '';
  return [...kids.matchAll(/(\d+) 0 R/g)].flatMap((kid) => pageIds(all, Number(kid[1])));
}

/** The text of each page, in order: each run of text (a line, or a piece of one) on its own line, as the page draws it. */
export function pdfPageTexts(pdf: Buffer): string[] {
  const all = objects(pdf);
  const catalog = [...all.values()].find((o) => /\/Type\s*\/Catalog/.test(o.dict))!;
  const fonts = new Map<number, Map<number, string>>();
  const fontMap = (id: number) => {
    if (!fonts.has(id)) {
      const cmapId = ref(all.get(id)?.dict ?? '', 'ToUnicode');
      fonts.set(id, cmapId === undefined ? new Map<number, string>() : toUnicode(all.get(cmapId)?.stream?.toString('latin1') ?? ''));
    }
    return fonts.get(id)!;
  };
  return pageIds(all, ref(catalog.dict, 'Pages')!).map((pageId) => {
    const dict = all.get(pageId)!.dict;
    const fontRefs = new Map([...(/\/Font\s*<<([^>]*)>>/.exec(dict)?.[1] ?? '').matchAll(/\/(\w+) (\d+) 0 R/g)].map((m) => [m[1]!, Number(m[2])]));
    const contents = [...(/\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(dict)?.[1] ?? '').matchAll(/(\d+) 0 R/g)].map((m) => all.get(Number(m[1]))?.stream?.toString('latin1') ?? '').join('\n');
    const lines: string[] = [];
    let line = '';
    let glyphs = new Map<number, string>();
    for (const op of contents.matchAll(/\/(\w+) [\d.]+ Tf|<([0-9A-Fa-f]*)> Tj|\[([^\]]*)\] TJ|\bET\b/g)) {
      if (op[0] === 'ET') {
        if (line !== '') lines.push(line);
        line = '';
        continue;
      }
      if (op[1] !== undefined) glyphs = fontMap(fontRefs.get(op[1]) ?? -1);
      const hexes = op[2] !== undefined ? [op[2]] : op[3] !== undefined ? [...op[3].matchAll(/<([0-9A-Fa-f]*)>/g)].map((m) => m[1]!) : [];
      for (const hex of hexes) for (let i = 0; i + 4 <= hex.length; i += 4) line += glyphs.get(parseInt(hex.slice(i, i + 4), 16)) ?? '';
    }
    return lines.join('\n');
  });
}

/** The size of each page in points (1/72 inch), from its MediaBox: A4 upright is about 595 by 842. */
export function pdfPageSizes(pdf: Buffer): { width: number; height: number }[] {
  return [...pdf.toString('latin1').matchAll(/\/MediaBox \[([\d.-]+) ([\d.-]+) ([\d.-]+) ([\d.-]+)\]/g)].map((m) => ({ width: Number(m[3]) - Number(m[1]), height: Number(m[4]) - Number(m[2]) }));
}
