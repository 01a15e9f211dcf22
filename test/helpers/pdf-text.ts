// A small reader of the PDFs Chromium (Skia) writes, for tests: each page's size and its text, in
// the page tree's order. It knows what Skia writes and no more: objects in the clear, page contents
// Flate-compressed, text in Type0 fonts with Identity-H codes and a ToUnicode map, shown by Tj and TJ.
import zlib from 'node:zlib';

export interface PdfPageText {
  /** Width and height in points (A4 is 595.28 by 841.89). */
  width: number;
  height: number;
  text: string;
}

export function pdfPages(pdf: Buffer): PdfPageText[] {
  const source = pdf.toString('latin1');
  const objects = new Map<number, { dict: string; stream: Buffer | null }>();
  for (const match of source.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const body = match[2]!;
    const at = body.indexOf('stream');
    if (at < 0) {
      objects.set(Number(match[1]), { dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, at);
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? 0);
    const start = match.index + match[0].indexOf(body) + at + 'stream'.length + (body[at + 6] === '\r' ? 2 : 1);
    const raw = pdf.subarray(start, start + length);
    objects.set(Number(match[1]), { dict, stream: /\/FlateDecode/.test(dict) ? zlib.inflateSync(raw) : raw });
  }
  const ref = (text: string, key: string) => Number(new RegExp(`/${key} (\\d+) 0 R`).exec(text)?.[1] ?? NaN);
  const catalog = [...objects.values()].find((o) => /\/Type \/Catalog/.test(o.dict))!;
  const pageIds: number[] = [];
  const walk = (id: number) => {
    const node = objects.get(id)!.dict;
    if (/\/Type \/Pages/.test(node)) for (const kid of (/\/Kids \[([^\]]*)\]/.exec(node)?.[1] ?? '').matchAll(/(\d+) 0 R/g)) walk(Number(kid[1]));
    else pageIds.push(id);
  };
  walk(ref(catalog.dict, 'Pages'));
  const cmaps = new Map<number, Map<number, string>>();
  const cmapOf = (fontId: number) => {
    if (!cmaps.has(fontId)) cmaps.set(fontId, toUnicode(objects.get(ref(objects.get(fontId)!.dict, 'ToUnicode'))?.stream?.toString('latin1') ?? ''));
    return cmaps.get(fontId)!;
  };
  return pageIds.map((id) => {
    const page = objects.get(id)!.dict;
    const box = (/\/MediaBox \[([^\]]*)\]/.exec(page)?.[1] ?? '').trim().split(/\s+/).map(Number);
    const fonts = new Map([...(/\/Font <<([^>]*)>>/.exec(page)?.[1] ?? '').matchAll(/\/(\S+) (\d+) 0 R/g)].map((m) => [m[1]!, Number(m[2])]));
    const content = objects.get(ref(page, 'Contents'))?.stream?.toString('latin1') ?? '';
    return { width: box[2]! - box[0]!, height: box[3]! - box[1]!, text: showText(content, (name) => cmapOf(fonts.get(name)!)) };
  });
}

function toUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const chars = (hex: string) => String.fromCodePoint(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(parseInt(m[1]!, 16), chars(m[2]!));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const [lo, hi, first] = [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
      for (let code = lo; code <= hi; code += 1) map.set(code, String.fromCodePoint(first + code - lo));
    }
  }
  return map;
}

/** The text a content stream shows: each text object (BT … ET) on a line, a wide gap in TJ as a space. */
function showText(content: string, cmapFor: (font: string) => Map<number, string>): string {
  let cmap = new Map<number, string>();
  const lines: string[] = [];
  for (const block of content.matchAll(/BT([\s\S]*?)ET/g)) {
    let line = '';
    for (const op of block[1]!.matchAll(/\/(\S+)\s+[\d.]+\s+Tf|\[((?:[^\]])*)\]\s*TJ|<([0-9A-Fa-f]*)>\s*Tj/g)) {
      if (op[1] !== undefined) cmap = cmapFor(op[1]);
      else if (op[3] !== undefined) line += decode(op[3], cmap);
      else {
        for (const part of op[2]!.matchAll(/<([0-9A-Fa-f]*)>|(-?[\d.]+)/g)) {
          if (part[1] !== undefined) line += decode(part[1], cmap);
          else if (Number(part[2]) < -200) line += ' ';
        }
      }
    }
    lines.push(line);
  }
  return lines.join('\n');
}

function decode(hex: string, cmap: Map<number, string>): string {
  return (hex.match(/.{4}/g) ?? []).map((code) => cmap.get(parseInt(code, 16)) ?? '').join('');
}
