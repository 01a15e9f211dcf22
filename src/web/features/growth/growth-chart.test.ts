import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chartDays, renderGrowthChart } from './growth-chart.ts';

describe('the growth chart', () => {
  it('spans term to 12 weeks at least, back to a preterm point and 4 weeks past the latest, within the reference', () => {
    assert.deepEqual(chartDays('weight', []), { from: 0, to: 84 });
    assert.deepEqual(chartDays('weight', [{ days: -100, value: 1000, label: '' }, { days: 120, value: 6000, label: '' }]), { from: -105, to: 154 });
    assert.deepEqual(chartDays('weight', [{ days: -119, value: 600, label: '' }]).from, -119); // 23 weeks of gestation
    assert.deepEqual(chartDays('length', [{ days: -119, value: 30, label: '' }]).from, -105); // length starts at 25 weeks
    assert.deepEqual(chartDays('weight', [{ days: 720, value: 12000, label: '' }]).to, 749);
    assert.deepEqual(chartDays('weight', [{ days: 1440, value: 16000, label: '' }]).to, 1461); // the reference ends at 4 years
  });

  it('is an image with its title and description, the nine lines and a point each, escaping every word', () => {
    const svg = renderGrowthChart({ id: 'c', kind: 'head-circumference', sex: 'male', title: 'Head <b>', description: 'A & B', points: [{ days: 10, value: 37, label: '37 cm "on" <the> line' }] });
    assert.match(svg, /^<svg [^>]*role="img" aria-labelledby="c-title c-desc"/);
    assert.match(svg, /<title id="c-title">Head &lt;b&gt;<\/title><desc id="c-desc">A &amp; B<\/desc>/);
    assert.equal((svg.match(/<path d="M/g) ?? []).length, 9, 'nine centile lines, no line between points for one point');
    assert.match(svg, /<circle [^>]*><title>37 cm &quot;on&quot; &lt;the&gt; line<\/title><\/circle>/);
    assert.doesNotMatch(svg, /style=|<script/);
  });
});
