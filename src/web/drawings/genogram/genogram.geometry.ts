// Sizes shared by the layout and the drawing, and each person's block: the symbol with the words
// beneath it. Lines join a block at the symbol's top (from parents) and below the words (to partners).
import type { FamilyMember } from './genogram.family.ts';
import { textWidth, wrapText } from './genogram.text-measure.ts';

export const SYMBOL = 40;
/** The baby's second outline, the genogram mark of the index child. */
export const INDEX_RING = 5;
export const NAME_FONT = 13;
export const DETAIL_FONT = 12;
export const LINE_HEIGHT = 15;
/** From the symbol's bottom to the first line's baseline. */
export const LABEL_OFFSET = 18;
const LABEL_MAX_WIDTH = 128;
const BLOCK_PADDING = 6;

export interface LabelLine {
  text: string;
  kind: 'name' | 'detail';
}

export interface Block {
  lines: LabelLine[];
  width: number;
  /** From the symbol's centre to the bottom of the last line. */
  below: number;
}

const CARE_IS_NEWS = new Set(['grandparent', 'other-relative', 'friend', 'professional-carer', 'unknown', 'sibling', 'half-sibling']);

/** What the diagram says about someone besides name and role; never colour alone. */
export function statusWords(member: FamilyMember): string[] {
  const words: string[] = [];
  if (!member.identityKnown) words.push('Identity not known');
  if (member.deceased) words.push('Deceased');
  if (member.caresForInfant && CARE_IS_NEWS.has(member.relationshipToInfant)) words.push('Cares for the baby');
  return words;
}

export function symbolHalf(member: FamilyMember): number {
  return SYMBOL / 2 + (member.isInfant ? INDEX_RING : 0);
}

export function blockFor(member: FamilyMember): Block {
  const lines: LabelLine[] = [
    ...wrapText(member.label || 'Name not recorded', LABEL_MAX_WIDTH, 2, NAME_FONT, true).map((text) => ({ text, kind: 'name' as const })),
    ...wrapText(member.role, LABEL_MAX_WIDTH, 2, DETAIL_FONT).map((text) => ({ text, kind: 'detail' as const })),
    ...wrapText(statusWords(member).join(', '), LABEL_MAX_WIDTH, 2, DETAIL_FONT).map((text) => ({ text, kind: 'detail' as const })),
  ];
  const widest = Math.max(...lines.map((l) => textWidth(l.text, l.kind === 'name' ? NAME_FONT : DETAIL_FONT, l.kind === 'name')));
  const width = Math.ceil(Math.max(2 * symbolHalf(member), widest) + 2 * BLOCK_PADDING);
  const below = SYMBOL / 2 + LABEL_OFFSET + (lines.length - 1) * LINE_HEIGHT + 5;
  return { lines, width, below };
}
