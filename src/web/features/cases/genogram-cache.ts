// The genogram as the case page shows it, kept for the family it was drawn from. Laying it out
// (dagre) was a fifth of the case page's time, yet a family's drawing changes only when its people
// or relationships do: the input itself, with the links it draws, is the key, so any change draws
// afresh and nothing is stale.
import { RecentlyUsed } from '../../../domain/shared/recently-used.ts';
import { renderGenogram, type GenogramInput, type RenderedGenogram } from '../../drawings/genogram/render-genogram.ts';

const drawn = new RecentlyUsed<string, RenderedGenogram>(500);

export function cachedGenogram(input: GenogramInput): RenderedGenogram {
  const key = JSON.stringify({ ...input, links: input.people.map((person) => input.hrefFor(person.id)) });
  const kept = drawn.get(key);
  if (kept) return kept;
  const rendered = renderGenogram(input);
  drawn.set(key, rendered);
  return rendered;
}
