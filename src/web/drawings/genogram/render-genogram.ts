// The one entry point for pages: the genogram as an SVG string and the same facts as headed lists
// for the text alternative beside it.
import { layoutGenogram } from './genogram.layout.ts';
import type { GenogramInput } from './genogram.model.ts';
import { renderGenogramSvg } from './genogram.svg.ts';
import type { SvgOptions } from './genogram.svg.ts';
import { describeTextAlternative } from './genogram.text.ts';
import type { TextSection } from './genogram.text.ts';

export type { GenogramInput } from './genogram.model.ts';
export type { TextSection } from './genogram.text.ts';

export interface RenderedGenogram {
  svg: string;
  textAlternative: TextSection[];
}

export function renderGenogram(input: GenogramInput, options: SvgOptions = {}): RenderedGenogram {
  const layout = layoutGenogram(input);
  return { svg: renderGenogramSvg(layout, options), textAlternative: describeTextAlternative(layout.family) };
}
