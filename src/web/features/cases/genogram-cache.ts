// The genogram as the case page shows it, kept for the family it was drawn from. Laying it out
// (dagre) was a fifth of the case page's time, yet a family's drawing changes only when its people
// or relationships do: the input itself, with the links it draws, is the key, so any change draws
// afresh and nothing is stale.
import { renderGenogram, type GenogramInput, type RenderedGenogram } from '../../drawings/genogram/render-genogram.ts';

const MOST_KEPT = 500;
const drawn = new Map<string, RenderedGenogram>();

export function cachedGenogram(input: GenogramInput): RenderedGenogram {
  const key = JSON.stringify({ ...input, links: input.people.map((person) => input.hrefFor(person.id)) });
  const kept = drawn.get(key);
  if (kept) {
    // Most recently used last, so the oldest is the first to go.
    drawn.delete(key);
    drawn.set(key, kept);
    return kept;
  }
  const rendered = renderGenogram(input);
  drawn.set(key, rendered);
  if (drawn.size > MOST_KEPT) drawn.delete(drawn.keys().next().value!);
  return rendered;
}
