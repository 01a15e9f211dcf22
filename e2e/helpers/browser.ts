// Browser tests' harness: the real app on a random port over an isolated demo database, one Chromium
// per test process (sharedChromium), a fresh browser context (its own cookies) per page, and the checks every page shares.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page, type Response } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/application/demo/demo-partnership.ts';
import { serviceToday } from '../../src/domain/shared/service-day.ts';
import { perProcess } from '../../test/helpers/per-process.ts';
import { createTestApp, type TestApp } from '../../test/helpers/test-app.ts';

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
export const SCREENSHOT_DIR = '/tmp/e2e-shots';

export interface E2e {
  /** The running app: its database context (ctx) is there for factories. */
  readonly testApp: TestApp;
  readonly browser: Browser;
  /** Like http://127.0.0.1:40123, no trailing slash. */
  readonly baseUrl: string;
  /** A page in a new browser context: no cookies shared with any other page. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  close(): Promise<void>;
}

/**
 * One Chromium for the files a process runs (scripts/run-tests.mjs runs the browser tests in one
 * process), launched by the first file and closed after the last: each file's pages are in browser
 * contexts of its own (no cookies or storage shared), and launching it cost over a second of CPU a
 * file. A file whose browser has gone (crashed) gets one of its own.
 */
const sharedChromium = perProcess(
  () => chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS }),
  (browser) => browser.close(),
);

/** Starts the app with the demo partnership, with Chromium. Call once per file, in before(). */
export async function startE2e(): Promise<E2e> {
  // The browser first: a released one waits only a moment for the next file, and the demo takes longer.
  const shared = await sharedChromium.acquire();
  const launched = shared.isConnected() ? shared : await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const letGo = async () => {
    sharedChromium.release();
    if (launched !== shared) await launched.close().catch(() => undefined);
  };
  let testApp: TestApp | undefined;
  try {
    testApp = await createTestApp({ demo: true });
    await testApp.app.listen({ port: 0, host: '127.0.0.1' });
    const address = testApp.app.server.address() as AddressInfo;
    const baseUrl = `http://127.0.0.1:${address.port}`;
    const app = testApp;
    const contexts: BrowserContext[] = [];
    return {
      testApp: app,
      browser: launched,
      baseUrl,
      async newPage(options: BrowserContextOptions = {}) {
        const context = await launched.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 900 }, ...options });
        context.setDefaultTimeout(10_000);
        context.setDefaultNavigationTimeout(15_000);
        contexts.push(context);
        return context.newPage();
      },
      async close() {
        for (const context of contexts.splice(0)) await context.close().catch(() => undefined);
        await letGo();
        await app.close();
      },
    };
  } catch (error) {
    await letGo();
    await testApp?.close();
    throw error;
  }
}

/** Signs in through the real form and waits to leave the sign-in page. */
export async function signIn(page: Page, email: string, password: string = DEMO_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => url.pathname !== '/sign-in');
  // attached, not visible: on a narrow screen it is inside the collapsed menu.
  await page.locator('[data-qa="signed-in-user"]').waitFor({ state: 'attached' });
}

/**
 * Clicks something that loads a new document (a form's button) and waits until that document has
 * loaded. Returns the final response (after any redirects), for its status.
 */
export async function submit(page: Page, button: Locator): Promise<Response> {
  const [response] = await Promise.all([
    page.waitForResponse((candidate) => {
      const request = candidate.request();
      const status = candidate.status();
      return request.isNavigationRequest() && request.frame() === page.mainFrame() && (status < 300 || status >= 400);
    }),
    // The new document's load event: this needs no script in the page, so it works without JavaScript.
    page.waitForEvent('load'),
    button.click(),
  ]);
  return response;
}

/** The page's one h1, which every page must have. */
export async function pageHeading(page: Page): Promise<string> {
  const headings = page.locator('h1');
  assert.equal(await headings.count(), 1, `${page.url()} should have exactly one h1`);
  return (await headings.innerText()).trim();
}

/**
 * Runs axe (WCAG 2.2 AA and below) on the page as it is now and fails with a readable list.
 * Legacy mode runs axe.run() in the page itself rather than finishing in a new blank page: the
 * service's pages have no frames, so the results are the same at half the time.
 * axe needs JavaScript: in a context with javaScriptEnabled: false it never answers, hence the limit.
 */
export async function expectNoAxeViolations(page: Page, timeoutMs = 30_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`axe did not finish within ${timeoutMs} ms on ${page.url()} (is JavaScript off?)`)), timeoutMs);
  });
  const results = await Promise.race([new AxeBuilder({ page }).withTags(WCAG_TAGS).setLegacyMode(true).analyze(), timedOut]).finally(() => clearTimeout(timer));
  const violations = withoutRevealingRadiosExpanded(results.violations);
  if (violations.length === 0) return;
  const report = violations
    .map((violation) => {
      const nodes = violation.nodes
        .map((node) => `    - ${node.target.join(' ')}\n      ${node.html}\n      ${(node.failureSummary ?? '').replace(/\n/g, '\n      ')}`)
        .join('\n');
      return `  ${violation.id} (${violation.impact ?? 'unknown impact'}): ${violation.help}\n    ${violation.helpUrl}\n${nodes}`;
    })
    .join('\n');
  assert.fail(`${violations.length} accessibility violation(s) on ${page.url()}:\n${report}`);
}

type AxeViolation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

/**
 * axe's violations but one: aria-expanded on a radio that reveals fields (GOV.UK's conditional
 * reveal, which govuk-frontend's script sets). The GOV.UK Design System keeps it on purpose, as
 * screen readers announce it, and lists axe's complaint as a known issue (alphagov/govuk-frontend
 * issue 979). Any other attribute on those radios, and everything else on the page, still fails.
 */
export function withoutRevealingRadiosExpanded(violations: readonly AxeViolation[]): AxeViolation[] {
  const revealing = (html: string) => /^<input class="govuk-radios__input"[^>]*aria-controls="conditional-[^"]*" aria-expanded="(true|false)">$/.test(html);
  const onlyExpanded = (summary: string) => /aria-expanded/.test(summary) && !/aria-(?!expanded)/.test(summary.replace(/aria-expanded/g, ''));
  return violations
    .map((v) => (v.id === 'aria-allowed-attr' ? { ...v, nodes: v.nodes.filter((n) => !(revealing(n.html) && onlyExpanded(n.failureSummary ?? ''))) } : v))
    .filter((v) => v.nodes.length > 0);
}

/** Saves a full-page PNG under /tmp/e2e-shots (never in the repository) and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** The id of the demo family's case (the demo partnership names each family once). */
export async function demoCaseId(e2e: E2e, familyName: string): Promise<string> {
  return (await e2e.testApp.ctx.db.selectFrom('cases').select('id').where('family_name', '=', familyName).executeTakeFirstOrThrow()).id;
}

/** The demo case first by id that a demo account leads, and that lead's email (`except`: an email to pass over). */
export async function firstDemoLedCase(e2e: E2e, except?: string): Promise<{ caseId: string; email: string }> {
  const lead = await e2e.testApp.ctx.db
    .selectFrom('case_team')
    .innerJoin('users', 'users.id', 'case_team.user_id')
    .select(['case_team.case_id', 'users.email'])
    .where('case_team.role', '=', 'lead-professional')
    .where('users.email', 'like', '%@demo.example')
    .$if(except !== undefined, (q) => q.where('users.email', '!=', except!))
    .orderBy('case_team.case_id')
    .executeTakeFirstOrThrow();
  return { caseId: lead.case_id, email: lead.email };
}

/**
 * Registers the file's hooks: before, the app and Chromium started (startE2e) and then the file's own
 * setUp; after, both closed. Returns the file's E2e, to read in hooks and tests, not as the file is
 * loaded. A file's set-up goes in setUp, not in a before() of its own at the top level: on Node 20
 * top-level before() hooks start as they are registered, without waiting for each other.
 */
export function useE2e(setUp?: () => Promise<void>): E2e {
  let started: E2e | undefined;
  const ready = () => started ?? assert.fail('useE2e: read in a hook or test, after the file has started');
  before(async () => {
    started = await startE2e();
    await setUp?.();
  });
  after(async () => {
    await started?.close();
  });
  return {
    get testApp() {
      return ready().testApp;
    },
    get browser() {
      return ready().browser;
    },
    get baseUrl() {
      return ready().baseUrl;
    },
    newPage: (options) => ready().newPage(options),
    close: () => ready().close(),
  };
}

/** A file's app and browser on one demo family's case, ready once the file's first before() hook has run. */
export interface E2eOnDemoCase {
  readonly e2e: E2e;
  /** The demo family's case. */
  readonly caseId: string;
  /** The service's day on the app's clock when the file started (YYYY-MM-DD). */
  readonly today: string;
  /** A page in a new browser context, signed in through the real form as this demo account. */
  signedInPage(email: string, options?: BrowserContextOptions): Promise<Page>;
}

/**
 * useE2e with the demo family's case found (and the day noted) before the file's own setUp.
 * Read what it returns in hooks and tests, not as the file is loaded.
 */
export function useE2eOnDemoCase(familyName: string, setUp?: () => Promise<void>): E2eOnDemoCase {
  let found: { caseId: string; today: string } | undefined;
  const ready = () => found ?? assert.fail('useE2eOnDemoCase: read in a hook or test, after the file has started');
  const e2e = useE2e(async () => {
    found = { caseId: await demoCaseId(e2e, familyName), today: serviceToday(e2e.testApp.clock.now()) };
    await setUp?.();
  });
  return {
    e2e,
    get caseId() {
      return ready().caseId;
    },
    get today() {
      return ready().today;
    },
    async signedInPage(email, options) {
      const page = await e2e.newPage(options);
      await signIn(page, email);
      return page;
    },
  };
}
