// The one entry point for pages: a baby's chronology as a timeline picture (an SVG string, empty
// when there is nothing to draw), the same facts in words, and the key. Pure and deterministic:
// `today` comes in, and the same input always gives the same output.
import { layoutTimeline } from './timeline.layout.ts';
import { legendItems } from './timeline.legend.ts';
import type { RenderedTimeline, TimelineInput } from './timeline.model.ts';
import { planTimeline } from './timeline.plan.ts';
import { renderTimelineSvg } from './timeline.svg.ts';
import { describeSections, summarise } from './timeline.text.ts';

export type { LegendItem, RenderedTimeline, TextSection, TimelineInput } from './timeline.model.ts';

export function renderTimeline(input: TimelineInput): RenderedTimeline {
  const plan = planTimeline(input);
  const layout = layoutTimeline(plan);
  const textAlternative = summarise(plan, input);
  return {
    svg: layout === null ? '' : renderTimelineSvg(layout, textAlternative),
    textAlternative,
    sections: describeSections(plan, input),
    legend: layout === null ? [] : legendItems(layout),
  };
}
