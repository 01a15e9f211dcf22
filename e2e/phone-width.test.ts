// Every page at a phone's width (390 px) with JavaScript on and off: nothing makes the page wider than
// the screen, so it never scrolls sideways (WCAG 2.2 reflow, 1.4.10). A wide table scrolls inside its
// own focusable region, a chart scales to the width, a long word wraps. A page that fails names the
// elements that stick out, the widest first.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { signIn, useE2eOnDemoCase } from './helpers/browser.ts';

const PHONE = { width: 390, height: 844 };
const demo = useE2eOnDemoCase('Okafor');

/** The page's width beyond the screen, and the deepest elements whose right edge passes it. */
async function overflow(page: Page, url: string): Promise<string | null> {
  const response = await page.goto(url);
  if (response === null || response.status() >= 400) return `answered ${response?.status()}, not the page`;
  return page.evaluate((width) => {
    const scrollWidth = document.documentElement.scrollWidth;
    if (scrollWidth <= width) return null;
    // No named functions in here: tsx would wrap them in a helper the page does not have.
    const sticking = [...document.body.querySelectorAll('*')]
      .filter((element) => {
        if (element.getBoundingClientRect().right <= width + 0.5) return false;
        // Inside a container that scrolls or clips, it does not widen the page, unless it is positioned against something outside it.
        if (['absolute', 'fixed'].includes(getComputedStyle(element).position)) return true;
        for (let up = element.parentElement; up !== null && up !== document.body; up = up.parentElement) if (getComputedStyle(up).overflowX !== 'visible') return false;
        return true;
      })
      .filter((element) => ![...element.children].some((child) => child.getBoundingClientRect().right > width + 0.5));
    const described = sticking
      .sort((a, b) => b.getBoundingClientRect().right - a.getBoundingClientRect().right)
      .slice(0, 4)
      .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')} to ${Math.round(element.getBoundingClientRect().right)} px`);
    return `${scrollWidth} px wide: ${described.join('; ')}`;
  }, PHONE.width);
}

/** Opens each page in a phone-sized context signed in as this account, with JavaScript on and off. */
async function widePages(email: string | null, urls: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const javaScriptEnabled of [true, false]) {
    const page = await demo.e2e.newPage({ viewport: PHONE, javaScriptEnabled });
    if (email !== null) await signIn(page, email);
    for (const url of urls) {
      const wide = await overflow(page, url);
      if (wide !== null) found.push(`${url} (JavaScript ${javaScriptEnabled ? 'on' : 'off'}): ${wide}`);
    }
  }
  return found;
}

describe('every page at 390 px wide, with JavaScript on and off', () => {
  let caseUrl: string;
  before(() => {
    caseUrl = `/cases/${demo.caseId}`;
  });

  test('the pages anyone can read', async () => {
    assert.deepEqual(await widePages(null, ['/sign-in', '/accessibility', '/cookies', '/privacy', '/guidance', '/glossary', '/api/docs']), []);
  });

  test('a practitioner’s pages and the case’s', async () => {
    const pages = ['/', '/alerts', '/account', '/cases/find', '/cases/new'].concat(
      [
        '',
        '/details',
        '/profile',
        '/profile/history',
        '/profile/review',
        '/profile/stress',
        '/profile/level',
        '/growth',
        '/chronology',
        '/chronology/new',
        '/chronology/timeline',
        '/chronology/print',
        '/contacts/new',
        '/people/new',
        '/relationships/new',
        '/household-children',
        '/team',
        '/looks',
        '/consent',
        '/plan',
        '/plan/edit',
        '/discharge-plan',
        '/meetings',
        '/meetings/new',
        '/supervision',
        '/supervision/new',
        '/print/summary',
        '/print/profile',
      ].map((path) => `${caseUrl}${path}`),
    );
    assert.deepEqual(await widePages('health-visitor@demo.example', pages), []);
  });

  test('a manager’s pages', async () => {
    const pages = ['/', '/supervision', '/dashboards', '/reports', '/reports/cin-census', '/quality-audits'];
    assert.deepEqual(await widePages('manager@demo.example', pages), []);
  });

  test('the administrator’s pages', async () => {
    const pages = ['/admin', '/admin/accounts', '/admin/audit', '/admin/settings', '/admin/legal-holds', '/admin/partnership-view', '/admin/organisations/new', '/admin/users/new'];
    assert.deepEqual(await widePages('admin@demo.example', pages), []);
  });
});
