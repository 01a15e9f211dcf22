// Makes a PDF from a page's HTML with a headless Chromium (playwright-core), for the printable
// pages (issue 14). The page is loaded from a made-up address that never resolves: every request it
// makes is answered from what the caller gave (the HTML and the service's own CSS) or refused, so a
// render never reaches the network; JavaScript is off. One browser per process, started on the first
// render and started again if it goes; at most `concurrency` renders at once and `queueLimit` more
// waiting, each with a deadline that counts the wait, so a slow render never holds a request for
// long and the browser is never swamped. Rendering runs in the browser's processes, never in Node's.
import type { Browser, BrowserContext, Route } from 'playwright-core';

/** Where the page pretends to come from: `.invalid` never resolves (RFC 2606). */
const ORIGIN = 'http://print.invalid';
const DOCUMENT_PATH = '/print';

export interface PdfResource {
  body: string | Buffer;
  contentType: string;
}

export interface PdfPage {
  html: string;
  /** What the page may load, by path (such as /assets/app/app.css); anything else is refused. */
  resources: ReadonlyMap<string, PdfResource>;
}

export type PdfResult =
  | { ok: true; pdf: Buffer; pages: number }
  /** unavailable: no browser, or it would not start; busy: too many waiting; timed-out: past the deadline; failed: the browser failed on this page. */
  | { ok: false; reason: 'unavailable' | 'busy' | 'timed-out' | 'failed'; error?: unknown };

export interface PdfRenderer {
  /** A browser is configured: pages offer the PDF. It may still fail to start (then render answers unavailable). */
  readonly available: boolean;
  render(page: PdfPage): Promise<PdfResult>;
  /** Closes the browser, if one was started; renders under way fail. */
  close(): Promise<void>;
}

export interface PdfRendererOptions {
  /** The Chromium (or Chrome) executable; undefined: no PDFs. */
  executablePath: string | undefined;
  /** The most a render may take, waiting included. */
  timeoutMs?: number;
  concurrency?: number;
  queueLimit?: number;
}

const LAUNCH_ARGS = ['--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-extensions'];

export function createPdfRenderer({ executablePath, timeoutMs = 20_000, concurrency = 2, queueLimit = 8 }: PdfRendererOptions): PdfRenderer {
  let browser: Promise<Browser> | null = null;
  let closed = false;
  let running = 0;
  const waiting: (() => void)[] = [];

  function launch(): Promise<Browser> {
    if (!browser) {
      const starting = import('playwright-core').then(({ chromium }) =>
        // Chromium's sandbox cannot start as root (a container's usual user); elsewhere it stays on.
        chromium.launch({ executablePath: executablePath!, args: [...LAUNCH_ARGS, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])], timeout: timeoutMs }),
      );
      browser = starting;
      starting.then(
        (started) => started.on('disconnected', () => (browser === starting ? (browser = null) : undefined)),
        () => (browser === starting ? (browser = null) : undefined),
      );
    }
    return browser;
  }

  async function turn(deadline: Promise<never>): Promise<void> {
    if (running < concurrency) {
      running += 1;
      return;
    }
    let ready: () => void = () => undefined;
    const queued = new Promise<void>((resolve) => (ready = resolve));
    waiting.push(ready);
    try {
      await Promise.race([queued, deadline]);
    } catch (error) {
      const at = waiting.indexOf(ready);
      // Still waiting: leave the queue. Already let in: give the turn back.
      if (at >= 0) waiting.splice(at, 1);
      else release();
      throw error;
    }
  }

  function release(): void {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  }

  async function renderIn(context: BrowserContext, page: PdfPage): Promise<Buffer> {
    await context.route('**/*', (route: Route) => answer(route, page));
    const tab = await context.newPage();
    const response = await tab.goto(`${ORIGIN}${DOCUMENT_PATH}`, { waitUntil: 'load', timeout: timeoutMs });
    if (!response?.ok()) throw new Error('The page to print did not load.');
    return tab.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  }

  return {
    available: executablePath !== undefined,
    async render(page) {
      if (executablePath === undefined || closed) return { ok: false, reason: 'unavailable' };
      if (running >= concurrency && waiting.length >= queueLimit) return { ok: false, reason: 'busy' };
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new TimedOut()), timeoutMs);
      });
      deadline.catch(() => undefined);
      let context: BrowserContext | undefined;
      try {
        await turn(deadline);
        try {
          let started: Browser;
          try {
            started = await Promise.race([launch(), deadline]);
          } catch (error) {
            if (error instanceof TimedOut) throw error;
            return { ok: false, reason: 'unavailable', error };
          }
          context = await Promise.race([started.newContext({ javaScriptEnabled: false, serviceWorkers: 'block', acceptDownloads: false }), deadline]);
          const pdf = await Promise.race([renderIn(context, page), deadline]);
          return { ok: true, pdf, pages: countPages(pdf) };
        } finally {
          // Closing the context ends a render still under way past its deadline.
          await context?.close().catch(() => undefined);
          release();
        }
      } catch (error) {
        return error instanceof TimedOut ? { ok: false, reason: 'timed-out' } : { ok: false, reason: 'failed', error };
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      closed = true;
      const started = browser;
      browser = null;
      if (started) await started.then((b) => b.close()).catch(() => undefined);
    },
  };
}

class TimedOut extends Error {
  override name = 'TimedOut';
}

/** The page's own address gets the HTML, a resource it was given gets that, anything else is refused. */
async function answer(route: Route, page: PdfPage): Promise<void> {
  const url = new URL(route.request().url());
  if (url.origin !== ORIGIN) return route.abort('blockedbyclient');
  if (url.pathname === DOCUMENT_PATH) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: page.html });
  const resource = page.resources.get(url.pathname);
  if (!resource) return route.abort('blockedbyclient');
  return route.fulfill({ status: 200, contentType: resource.contentType, body: resource.body });
}

/** The number of pages in a PDF Chromium wrote: its page tree's count. */
export function countPages(pdf: Buffer): number {
  const counts = [...pdf.toString('latin1').matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)/g)].map((m) => Number(m[1]));
  return counts.length > 0 ? Math.max(...counts) : 0;
}
