import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hrefForExample, largeHousehold, unbornWithUnknownFather } from './genogram.examples.ts';
import { renderGenogram } from './render-genogram.ts';

/** Every element closed in order: enough to know the string is well-formed XML. */
function assertBalanced(svg: string): void {
  const stack: string[] = [];
  for (const [, closing, name, selfClosing] of svg.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
    if (selfClosing) continue;
    if (closing) assert.equal(stack.pop(), name, `</${name!}> closes the open element`);
    else stack.push(name!);
  }
  assert.deepEqual(stack, []);
}

describe('the genogram SVG', () => {
  const { svg } = renderGenogram(largeHousehold());

  it('has a title, a description and labels itself by them', () => {
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.match(svg, /aria-labelledby="genogram-title"/);
    assert.match(svg, /aria-describedby="genogram-desc"/);
    assert.match(svg, /<title id="genogram-title">Family diagram \(genogram\) for Ruby Okafor<\/title>/);
    assert.match(
      svg,
      /<desc id="genogram-desc">Family diagram of 15 people across 3 generations; 7 people live in the baby&#39;s household, including the baby; 1 adult&#39;s identity is not known; 1 person has died\.<\/desc>/,
    );
    assert.match(svg, /viewBox="0 0 \d+ \d+"/);
  });

  it('is a group, not an image, so the links inside stay reachable by assistive technology', () => {
    assert.match(svg, /role="group"/);
    assert.doesNotMatch(svg, /role="img"/);
  });

  it('links each person, once, to their record, with their own title', () => {
    const links = [...svg.matchAll(/<a href="([^"]+)"[^>]*><title>([^<]+)<\/title>/g)];
    const input = largeHousehold();
    assert.deepEqual(links.map((l) => l[1]).sort(), [input.infant.id, ...input.people.map((p) => p.id)].map(hrefForExample).sort());
    const titles = links.map((l) => l[2]);
    assert.ok(titles.includes('Jade Okafor: mother; lives in the baby&#39;s household'));
    assert.ok(titles.includes('Pauline Brown: paternal grandmother; deceased; does not live in the baby&#39;s household'));
    assert.ok(titles.includes('Man staying at the home: relationship not known; identity not known; lives in the baby&#39;s household'));
  });

  it('draws the standard symbols: squares, circles, a double outline for the baby, a line through the deceased, a question mark', () => {
    const person = (id: string): string => svg.match(new RegExp(`<a href="${hrefForExample(id)}"[^>]*>(.*?)</a>`))![1]!;
    assert.match(person('kyle'), /<rect x=[^>]+fill="#ffffff" stroke="#0b0c0c"/);
    assert.match(person('jade'), /<circle /);
    assert.equal(person('ruby').match(/<circle /g)?.length, 2);
    assert.match(person('pauline'), /<line /);
    assert.match(person('unknown-man'), />\?<\/text>/);
    assert.match(person('unknown-man'), />Identity not known<\/text>/);
  });

  it('draws a triangle for an unborn baby and a diamond when sex is not known', () => {
    const unborn = renderGenogram(unbornWithUnknownFather()).svg;
    assert.match(unborn, /<polygon points="[\d.]+,[\d.]+ [\d.]+,[\d.]+ [\d.]+,[\d.]+"/);
    const diamond = renderGenogram({ ...unbornWithUnknownFather(), infant: { id: 'b', label: 'Baby', sex: 'unknown', unborn: false } }).svg;
    assert.match(diamond, /<polygon points="[\d.]+,[\d.]+ [\d.]+,[\d.]+ [\d.]+,[\d.]+ [\d.]+,[\d.]+"/);
  });

  it('draws the household boundary dashed, and a key that explains it without colour', () => {
    assert.match(svg, /<rect class="app-genogram__household"[^>]+stroke-dasharray/);
    for (const words of ['Male', 'Female', 'The baby (double outline)', 'Deceased (line through)', 'Identity not known (?)', 'Separated (one slash)', 'Former partners (two slashes)', 'Baby&#39;s household (dashed boundary)']) {
      assert.ok(svg.includes(`>${words}</text>`), words);
    }
  });

  it('escapes every name, so markup typed into a record is shown, never run', () => {
    const input = largeHousehold();
    input.people[0]!.label = '<script>alert("x")</script> & Co';
    input.infant.label = 'Baby "<b>"';
    const { svg: hostile } = renderGenogram({ ...input, hrefFor: (id) => `/people/${id}?a=1&b="2"` });
    assert.doesNotMatch(hostile, /<script|<b>/);
    assert.match(hostile, /&lt;script&gt;alert\(&quot;x&quot;\)/);
    assert.match(hostile, /href="\/people\/jade\?a=1&amp;b=&quot;2&quot;"/);
    assertBalanced(hostile);
  });

  it('is well-formed, with no script and no inline style (the CSP allows neither)', () => {
    assertBalanced(svg);
    assert.doesNotMatch(svg, /<script|<style|style=|on[a-z]+=/i);
    assert.match(renderGenogram(largeHousehold(), { standalone: true }).svg, /<style>/);
  });
});
