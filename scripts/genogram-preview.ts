// Renders an example genogram to /tmp/genogram.svg and, through Chromium, /tmp/genogram.png, so a
// person can look at it. Usage: node --import tsx scripts/genogram-preview.ts [large|mother|unborn]
import fs from 'node:fs';
import { chromium } from 'playwright-core';
import { largeHousehold, motherOnly, unbornWithUnknownFather } from '../src/web/drawings/genogram/genogram.examples.ts';
import { renderGenogram } from '../src/web/drawings/genogram/render-genogram.ts';

const examples = { large: largeHousehold, mother: motherOnly, unborn: unbornWithUnknownFather };
const name = (process.argv[2] ?? 'large') as keyof typeof examples;
const example = examples[name];
if (!example) throw new Error(`Unknown example "${name}": use ${Object.keys(examples).join(', ')}`);

const { svg, textAlternative } = renderGenogram(example(), { standalone: true });
fs.writeFileSync('/tmp/genogram.svg', svg);
console.log(`Wrote /tmp/genogram.svg (${svg.length} characters)`);
for (const section of textAlternative) console.log(`\n${section.heading}\n${section.items.map((i) => `  - ${i}`).join('\n')}`);

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
try {
  const page = await browser.newPage({ deviceScaleFactor: 1.5 });
  await page.setContent(`<!doctype html><html><body style="margin:0;background:#fff">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: '/tmp/genogram.png' });
  console.log('\nWrote /tmp/genogram.png');
} finally {
  await browser.close();
}
