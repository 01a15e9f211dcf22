// The chronology timeline in a real browser with axe: the picture, its key and its words for the
// lead professional, the picture scrolling in its own box on a 320 pixel screen, the hints that say
// so at 375 px (with the case page's tables and family diagram, whose words stay 12 px or more), and the refusal.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { recordEntry, type EntryInput } from '../src/application/chronology/record-entry.ts';
import type { Role } from '../src/domain/shared/roles.ts';
import { actorFor } from '../test/helpers/factories.ts';
import { expectNoAxeViolations, screenshot, signIn, useE2e } from './helpers/browser.ts';
import { visit } from './helpers/page-checks.ts';

let caseId: string;

const police = { agency: 'Northshire Police' } as const;
const ENTRIES: EntryInput[] = [
  { kind: 'birth', occurredAt: '2026-07-25', summary: 'Born at term, well', source: 'agency-record', agency: 'City Hospital' },
  { kind: 'home-visit', occurredAt: '2026-08-05', summary: 'New birth visit; Leo seen awake and feeding', source: 'observed', babySeen: true },
  { kind: 'was-not-brought', occurredAt: '2026-08-20', summary: 'Not brought to the 6 to 8 week check', source: 'agency-record' },
  { kind: 'was-not-brought', occurredAt: '2026-09-03', summary: 'Not brought to the rearranged check', source: 'agency-record' },
  { kind: 'police-domestic-abuse-incident', occurredAt: '2026-09-10', summary: 'Neighbour called the police: shouting', source: 'agency-record', ...police },
  { kind: 'police-domestic-abuse-incident', occurredAt: '2026-10-01', summary: 'Mother reported being pushed', source: 'agency-record', ...police },
  { kind: 'police-domestic-abuse-incident', occurredAt: '2026-10-20', summary: 'Father arrested, released on bail', source: 'agency-record', ...police },
  { kind: 'strategy-discussion', occurredAt: '2026-10-22', summary: 'Strategy discussion held', source: 'agency-record', agency: "Children's social care" },
];

const e2e = useE2e(async () => {
  const { ctx } = e2e.testApp;
  caseId = (await ctx.db.selectFrom('cases').select('id').where('family_name', '=', 'Hartley').executeTakeFirstOrThrow()).id;
  const visitor = await ctx.db.selectFrom('users').select(['id', 'organisation_id', 'role']).where('email', '=', 'health-visitor@demo.example').executeTakeFirstOrThrow();
  const actor = actorFor({ id: visitor.id, organisationId: visitor.organisation_id, role: visitor.role as Role });
  for (const input of ENTRIES) {
    const result = await recordEntry(ctx, actor, caseId, input);
    assert.ok(result.ok, JSON.stringify(result));
  }
});

const url = () => `/cases/${caseId}/chronology/timeline`;

describe('the chronology timeline', () => {
  test('for the lead professional: the picture, its key and the same facts in words', async () => {
    const page = await e2e.newPage();
    await signIn(page, 'health-visitor@demo.example');
    await visit(page, url(), { status: 200, heading: 'Chronology timeline' });
    const picture = page.getByRole('img', { name: /^Timeline of the chronology between 25 July 2026 and 22 November 2026/ });
    assert.equal(await picture.count(), 1);
    assert.equal(await page.locator('[data-qa="timeline"] .app-timeline__entry').count(), ENTRIES.length);
    assert.equal(await page.locator('[data-qa="timeline"] .app-timeline__band').count() >= 2, true, 'domestic abuse incidents and missed appointments shaded');
    assert.match(await page.locator('[data-qa="timeline-key"]').innerText(), /Police incident[\s\S]*Pattern of high concern/);
    await page.getByText('The timeline in words').click();
    const words = await page.locator('[data-qa="timeline-text"]').innerText();
    assert.match(words, /Northshire Police: 3 entries between 10 September 2026 and 20 October 2026, 3 significant/);
    assert.match(words, /Repeated domestic abuse incidents, between 10 September 2026 and 20 October 2026/);
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Back to the chronology' }).waitFor();
    await screenshot(page, 'timeline-desktop');
  });

  test('on a 320 pixel screen the picture scrolls sideways in its own box, and the page does not', async () => {
    const page = await e2e.newPage({ viewport: { width: 320, height: 720 } });
    await signIn(page, 'health-visitor@demo.example');
    await visit(page, url(), { status: 200, heading: 'Chronology timeline' });
    const box = page.locator('[data-qa="timeline"]');
    const sizes = await box.evaluate((element) => ({
      page: document.documentElement.scrollWidth,
      box: element.clientWidth,
      inner: element.scrollWidth,
      picture: element.querySelector('svg')!.getBoundingClientRect().width,
    }));
    assert.ok(sizes.page <= 320, `the page is ${sizes.page}px wide`);
    assert.ok(sizes.inner > sizes.box, 'the picture scrolls inside its box');
    assert.ok(sizes.picture >= 600, `the picture keeps a readable width (${sizes.picture}px)`);
    await box.focus();
    await page.keyboard.press('ArrowRight');
    await screenshot(page, 'timeline-320');
  });

  test('at 375 px: a visible hint that the picture scrolls, named by its box; the case page says its tables scroll, and the family diagram never draws words under 12 px', async () => {
    const page = await e2e.newPage({ viewport: { width: 375, height: 800 } });
    await signIn(page, 'health-visitor@demo.example');
    await visit(page, url(), { status: 200, heading: 'Chronology timeline' });
    const hint = page.locator('[data-qa="timeline-scroll-hint"]');
    assert.ok(await hint.isVisible());
    assert.match(await hint.innerText(), /scroll sideways/);
    assert.equal(await page.locator('[data-qa="timeline"]').getAttribute('aria-describedby'), 'timeline-scroll-hint');
    await visit(page, `/cases/${caseId}`, { status: 200, heading: 'Leo Hartley' });
    for (const region of ['Significant adults', 'Other children', 'Family diagram']) {
      const box = page.getByRole('region', { name: region });
      assert.equal(await box.getAttribute('tabindex'), '0', region);
      const hintId = (await box.getAttribute('aria-describedby'))!;
      assert.match(await page.locator(`#${hintId}`).innerText(), /scroll sideways/, region);
    }
    // Every word of the diagram as drawn: its font size times the drawing's scale on the screen.
    const sizes = await page.locator('[data-qa="genogram"] svg').evaluate((svg) => {
      const scale = svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width;
      return [...svg.querySelectorAll('text')].map((text) => Number.parseFloat(getComputedStyle(text).fontSize) * scale);
    });
    assert.ok(sizes.length > 0);
    assert.ok(Math.min(...sizes) >= 12, `the smallest word is ${Math.min(...sizes)}px`);
    assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 375, 'the page itself does not scroll sideways');
    await expectNoAxeViolations(page);
    await screenshot(page, 'case-375');
  });

  test('refuses someone outside the team', async () => {
    const page = await e2e.newPage();
    await signIn(page, 'police@demo.example');
    await visit(page, url(), { status: 403, heading: 'You are not in the team around this baby' });
  });
});
